import { AwsError } from '../protocol/errors';
import { evaluate, matches } from './evaluate';
import type { ConfigurationItem } from './items';
import { parseQuery } from './query';

function item(
  resourceId: string,
  configuration: Record<string, unknown>,
  resourceType = 'AWS::EC2::SecurityGroup',
): ConfigurationItem {
  return {
    version: '1.3',
    accountId: '111111111111',
    configurationItemCaptureTime: '2026-01-01T00:00:00.000Z',
    configurationItemStatus: 'OK',
    configurationStateId: '1',
    arn: `arn:aws:ec2:us-east-1:111111111111:security-group/${resourceId}`,
    resourceType,
    resourceId,
    awsRegion: 'us-east-1',
    availabilityZone: 'Not Applicable',
    tags: [{ key: 'owner', value: 'payments', tag: 'owner=payments' }],
    relationships: [],
    configuration,
    supplementaryConfiguration: {},
  };
}

const open = item('sg-open', {
  ipPermissions: [
    { fromPort: 443, ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }] },
    { fromPort: 22, ipv4Ranges: [{ cidrIp: '10.0.0.0/8' }] },
  ],
  size: 30,
});
const closed = item('sg-closed', {
  ipPermissions: [{ fromPort: 5432, ipv4Ranges: [{ cidrIp: '10.0.0.0/8' }] }],
  size: 5,
});

function where(condition: string, items = [open, closed]): string[] {
  const query = parseQuery(`SELECT resourceId WHERE ${condition}`);
  return items.filter(i => matches(i, query.where!)).map(i => i.resourceId);
}

describe('the advanced query subset', () => {
  it('reads dotted property names of any depth', () => {
    expect(
      parseQuery(
        'SELECT resourceId, configuration.ipPermissions.ipv4Ranges.cidrIp, supplementaryConfiguration.PublicAccessBlockConfiguration',
      ).fields,
    ).toEqual([
      { kind: 'property', name: 'resourceId', path: ['resourceId'] },
      {
        kind: 'property',
        name: 'configuration.ipPermissions.ipv4Ranges.cidrIp',
        path: ['configuration', 'ipPermissions', 'ipv4Ranges', 'cidrIp'],
      },
      {
        kind: 'property',
        name: 'supplementaryConfiguration.PublicAccessBlockConfiguration',
        path: ['supplementaryConfiguration', 'PublicAccessBlockConfiguration'],
      },
    ]);
  });

  it('matches a condition on an array property when any element matches, and NOT negates that', () => {
    expect(
      where("configuration.ipPermissions.ipv4Ranges.cidrIp = '0.0.0.0/0'"),
    ).toEqual(['sg-open']);
    expect(
      where("NOT configuration.ipPermissions.ipv4Ranges.cidrIp = '0.0.0.0/0'"),
    ).toEqual(['sg-closed']);
    expect(where('configuration.ipPermissions.fromPort IN (22, 3389)')).toEqual(
      ['sg-open'],
    );
    expect(
      where('configuration.ipPermissions.fromPort NOT IN (22, 3389)'),
    ).toEqual(['sg-closed']);
    expect(
      where("NOT (resourceId = 'sg-open' OR resourceId = 'nothing')"),
    ).toEqual(['sg-closed']);
    expect(where("resourceId LIKE 'sg-c%'")).toEqual(['sg-closed']);
    expect(where("resourceId NOT LIKE 'sg-_pen'")).toEqual(['sg-closed']);
    expect(where('configuration.size BETWEEN 10 AND 40')).toEqual(['sg-open']);
    expect(
      where('configuration.size > 5 AND configuration.size <= 30'),
    ).toEqual(['sg-open']);
    expect(where("tags.key = 'owner' AND tags.tag = 'owner=payments'")).toEqual(
      ['sg-open', 'sg-closed'],
    );
    expect(where("configuration.missing = 'x'")).toEqual([]);
  });

  it('keeps the nesting, arrays included, of the selected properties', () => {
    expect(
      evaluate(
        [open],
        parseQuery(
          'SELECT resourceId, configuration.ipPermissions.fromPort, configuration.size',
        ),
      ),
    ).toEqual([
      {
        resourceId: 'sg-open',
        configuration: {
          ipPermissions: [{ fromPort: 443 }, { fromPort: 22 }],
          size: 30,
        },
      },
    ]);
    expect(evaluate([open], parseQuery('SELECT *'))).toEqual([open]);
  });

  it('counts, groups and orders', () => {
    const volume = item('vol-1', {}, 'AWS::EC2::Volume');
    expect(
      evaluate([open, closed, volume], parseQuery('SELECT COUNT(*)')),
    ).toEqual([{ 'COUNT(*)': 3 }]);
    expect(
      evaluate(
        [open, closed, volume],
        parseQuery(
          'SELECT resourceType, COUNT(*) GROUP BY resourceType ORDER BY resourceType DESC',
        ),
      ),
    ).toEqual([
      { resourceType: 'AWS::EC2::Volume', 'COUNT(*)': 1 },
      { resourceType: 'AWS::EC2::SecurityGroup', 'COUNT(*)': 2 },
    ]);
    expect(
      evaluate(
        [open, closed],
        parseQuery('SELECT resourceId ORDER BY configuration.size'),
      ).map(r => r.resourceId),
    ).toEqual(['sg-closed', 'sg-open']);
  });

  it.each([
    ['garbage', /Invalid expression/],
    ['SELECT a FROM b', /no FROM clause/],
    ['SELECT a WHERE b', /Unsupported condition/],
    ['SELECT a WHERE b = c', /literal/],
    ['SELECT UPPER(a)', /Only property names/],
    ['SELECT a, COUNT(*)', /GROUP BY/],
    ['SELECT a; SELECT b', /one SELECT/],
    ['DELETE FROM x', /./],
  ])('rejects %s with InvalidExpressionException', (expression, message) => {
    let error: unknown;
    try {
      parseQuery(expression);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AwsError);
    expect(error).toMatchObject({
      code: 'InvalidExpressionException',
      message,
    });
  });
});
