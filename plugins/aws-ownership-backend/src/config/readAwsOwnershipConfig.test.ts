import { ConfigReader } from '@backstage/config';
import { defaultChecklistConfig } from '@aws-ownership/backstage-plugin-common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { readAwsOwnershipConfig } from './readAwsOwnershipConfig';

const read = (awsOwnership: unknown, extraCheckIds?: string[]) =>
  readAwsOwnershipConfig(new ConfigReader({ awsOwnership } as any), {
    extraCheckIds,
  });

const account = { accountId: '111122223333', regions: ['us-east-1'] };

describe('readAwsOwnershipConfig', () => {
  it('applies the documented defaults', () => {
    expect(read(undefined)).toEqual({
      endpoint: undefined,
      accounts: [],
      includeComplianceDetails: false,
      schedule: {
        frequency: { hours: 6 },
        timeout: { minutes: 30 },
        initialDelay: { seconds: 10 },
      },
      checklists: defaultChecklistConfig,
      collector: {
        requestsPerSecond: 15,
        maxAttempts: 10,
        writeBatchSize: 1000,
      },
      history: { retention: { days: 365 } },
      exemptions: { maxDays: 90 },
    });
  });

  it('reads every documented key', () => {
    const config = read({
      endpoint: 'http://localhost:4566',
      accounts: [
        { accountId: '111122223333', regions: ['us-east-1', 'us-east-1'] },
        { accountId: '222233334444', regions: ['eu-west-1'] },
      ],
      includeComplianceDetails: true,
      schedule: { frequency: { minutes: 30 }, timeout: 'PT5M' },
      ownership: { ownerTagKeys: ['squad'] },
      checklists: {
        ownership: { componentTagKeys: ['service'] },
        naming: { minLength: 5 },
      },
      collector: { requestsPerSecond: 5, maxAttempts: 3, writeBatchSize: 200 },
      history: { retentionDays: 30 },
    });
    expect(config.endpoint).toBe('http://localhost:4566');
    expect(config.accounts).toEqual([
      { accountId: '111122223333', regions: ['us-east-1'] },
      { accountId: '222233334444', regions: ['eu-west-1'] },
    ]);
    expect(config.includeComplianceDetails).toBe(true);
    expect(config.schedule).toEqual({
      frequency: { minutes: 30 },
      timeout: { minutes: 5 },
    });
    expect(config.checklists.ownership).toEqual({
      ownerTagKeys: ['squad'],
      componentTagKeys: ['service'],
    });
    expect(config.checklists.naming.minLength).toBe(5);
    expect(config.collector).toEqual({
      requestsPerSecond: 5,
      maxAttempts: 3,
      writeBatchSize: 200,
    });
    expect(config.history).toEqual({ retention: { days: 30 } });
  });

  it.each([
    ['app-config.yaml', join(__dirname, '../../../../app-config.yaml')],
    ['the README', join(__dirname, '../../README.md')],
  ])('accepts the awsOwnership block of %s', (_, file) => {
    const text = readFileSync(file, 'utf8');
    const yaml = file.endsWith('.md')
      ? text.match(/```yaml\n(awsOwnership:[\s\S]*?)```/)![1]
      : text;
    const { awsOwnership } = YAML.parse(yaml);
    expect(read(awsOwnership).accounts.length).toBeGreaterThan(0);
  });

  it('reads the retention as a duration', () => {
    expect(read({ history: { retention: { months: 6 } } }).history).toEqual({
      retention: { months: 6 },
    });
    expect(read({ history: { retention: 'P90D' } }).history).toEqual({
      retention: { days: 90 },
    });
  });

  it('accepts numbers and booleans substituted from the environment', () => {
    const config = read({
      includeComplianceDetails: 'true',
      collector: { requestsPerSecond: '7' },
    });
    expect(config.includeComplianceDetails).toBe(true);
    expect(config.collector.requestsPerSecond).toBe(7);
  });

  it('accepts the ids of checks added by modules', () => {
    expect(
      read({ checklists: { checks: { disabled: ['acme.cost-centre'] } } }, [
        'acme.cost-centre',
      ]).checklists.checks.disabled,
    ).toEqual(['acme.cost-centre']);
  });

  it.each([
    [
      { accounts: [account, { ...account, regions: ['eu-west-1', 'mars'] }] },
      "awsOwnership.accounts[1].regions[1]: 'mars' is not an AWS region",
    ],
    [
      { accounts: [account, account] },
      'awsOwnership.accounts[1].accountId: account 111122223333 is listed twice',
    ],
    [
      { accounts: [{ accountId: '111122223333', regions: [] }] },
      'awsOwnership.accounts[0].regions: list at least one region',
    ],
    [
      { accounts: [{ ...account, region: 'us-east-1' }] },
      'awsOwnership.accounts[0].region: unknown key (known: accountId, regions)',
    ],
    [
      { collector: { requestsPerSecond: 0 } },
      'awsOwnership.collector.requestsPerSecond:',
    ],
    [
      { collector: { maxAttempts: 2.5 } },
      'awsOwnership.collector.maxAttempts:',
    ],
    [
      { collector: { batchSize: 10 } },
      'awsOwnership.collector.batchSize: unknown key',
    ],
    [{ exemptions: { maxDays: 0 } }, 'awsOwnership.exemptions.maxDays:'],
    [
      { history: { retention: 'forever' } },
      "awsOwnership.history.retention: Invalid duration 'forever'",
    ],
    [
      { history: { retention: { days: 0 } } },
      'awsOwnership.history.retention: must be a positive duration',
    ],
    [
      { history: { retention: { days: 9 }, retentionDays: 9 } },
      'awsOwnership.history: set retention or retentionDays, not both',
    ],
    [
      { ownership: { ownerTagKeys: 'owner' } },
      'awsOwnership.ownership.ownerTagKeys:',
    ],
    [
      { ownership: { ownerTagKey: ['owner'] } },
      'awsOwnership.ownership.ownerTagKey: unknown key',
    ],
    [{ schedule: { frequency: { hours: 1 } } }, 'awsOwnership.schedule:'],
    [
      { checklists: { naming: { minLength: -1 } } },
      'awsOwnership.checklists.naming.minLength:',
    ],
  ])('refuses %j, naming the key', (awsOwnership, message) => {
    expect(() => read(awsOwnership)).toThrow(message);
  });

  it('lists every problem at once', () => {
    expect(() =>
      read({
        endpoint: 'localhost:4566',
        accounts: [{ accountId: '1234', regions: ['us-east-1'] }],
        checklists: { naming: { pattern: '([a-z' } },
      }),
    ).toThrow(
      /endpoint: 'localhost:4566' is not an http\(s\) URL\n.*accounts\[0\]\.accountId: '1234' is not a 12-digit AWS account id\n.*checklists\.naming\.pattern/,
    );
  });
});
