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
        concurrency: 4,
      },
      evidence: {
        awsConfig: { enabled: false, requestsPerSecond: 5, maxAttempts: 10 },
      },
      history: { retention: { days: 365 } },
      notifications: {
        enabled: false,
        kinds: [
          'grade-dropped',
          'critical-failing',
          'resources-attributed',
          'resources-unowned',
          'exemptions-expiring',
        ],
        minimumGradeDrop: 1,
        unownedRecipients: [],
        maxListed: 10,
        exemptionExpiryDays: 7,
      },
      reviews: { retentionDays: 730 },
      exemptions: { maxDays: 90 },
    });
  });

  it('reads the evidence keys', () => {
    expect(
      read({
        evidence: {
          awsConfig: {
            enabled: 'true',
            requestsPerSecond: 2,
            aggregator: {
              accountId: '111122223333',
              region: 'us-east-1',
              name: 'org-aggregator',
            },
          },
        },
      }).evidence,
    ).toEqual({
      awsConfig: {
        enabled: true,
        requestsPerSecond: 2,
        maxAttempts: 10,
        aggregator: {
          accountId: '111122223333',
          region: 'us-east-1',
          name: 'org-aggregator',
        },
      },
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
      collector: {
        requestsPerSecond: 5,
        maxAttempts: 3,
        writeBatchSize: 200,
        concurrency: 16,
      },
      organization: {
        accountId: '111122223333',
        roleName: 'org-reader',
        regions: ['us-east-1', 'eu-west-1'],
        includeOrganizationalUnits: ['ou-ab12-workload1', 'Sandbox'],
        excludeAccounts: ['222233334444'],
      },
      history: { retentionDays: 30 },
      notifications: {
        enabled: 'true',
        kinds: ['grade-dropped'],
        minimumGradeDrop: 2,
        unownedRecipients: ['group:default/platform'],
        maxListed: 5,
        exemptionExpiryDays: 14,
      },
    });
    expect(config.notifications).toEqual({
      enabled: true,
      kinds: ['grade-dropped'],
      minimumGradeDrop: 2,
      unownedRecipients: ['group:default/platform'],
      maxListed: 5,
      exemptionExpiryDays: 14,
    });
    expect(config.organization).toEqual({
      accountId: '111122223333',
      roleName: 'org-reader',
      regions: ['us-east-1', 'eu-west-1'],
      includeOrganizationalUnits: ['ou-ab12-workload1', 'Sandbox'],
      excludeAccounts: ['222233334444'],
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
      concurrency: 16,
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

  it('accepts the notifications block of the README', () => {
    const text = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const [, yaml] = text.match(
      /```yaml\n(awsOwnership:\n {2}notifications:[\s\S]*?)```/,
    )!;
    const { awsOwnership } = YAML.parse(yaml);
    expect(read(awsOwnership).notifications).toEqual({
      enabled: true,
      kinds: [
        'grade-dropped',
        'critical-failing',
        'resources-attributed',
        'resources-unowned',
        'exemptions-expiring',
      ],
      minimumGradeDrop: 1,
      unownedRecipients: ['group:default/platform'],
      maxListed: 10,
      exemptionExpiryDays: 7,
    });
  });

  it('reads how long reviews are kept, and refuses a bad value naming the key', () => {
    expect(read({ reviews: { retentionDays: 90 } }).reviews).toEqual({
      retentionDays: 90,
    });
    expect(() => read({ reviews: { retentionDays: -1 } })).toThrow(
      /awsOwnership\.reviews\.retentionDays/,
    );
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
    [{ collector: { concurrency: 0 } }, 'awsOwnership.collector.concurrency:'],
    [
      { organization: { accountId: '111122223333' } },
      'awsOwnership.organization.regions:',
    ],
    [
      { organization: { accountId: 'management', regions: ['us-east-1'] } },
      "awsOwnership.organization.accountId: 'management' is not a 12-digit AWS account id",
    ],
    [
      {
        organization: {
          accountId: '111122223333',
          regions: ['us-east-1'],
          excludeAccounts: ['42'],
        },
      },
      "awsOwnership.organization.excludeAccounts[0]: '42' is not a 12-digit AWS account id",
    ],
    [
      {
        organization: {
          accountId: '111122223333',
          regions: ['us-east-1'],
          includeOrganizationalUnits: [],
        },
      },
      'awsOwnership.organization.includeOrganizationalUnits: list at least one OU',
    ],
    [
      {
        organization: {
          accountId: '111122223333',
          regions: ['us-east-1'],
          ous: ['Sandbox'],
        },
      },
      'awsOwnership.organization.ous: unknown key',
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
      { notifications: { kinds: ['grade-dropped', 'grade-up'] } },
      'awsOwnership.notifications.kinds[1]:',
    ],
    [
      { notifications: { unownedRecipients: ['group:'] } },
      "awsOwnership.notifications.unownedRecipients[0]: 'group:' is not an entity ref",
    ],
    [
      { notifications: { minimumGradeDrop: 5 } },
      'awsOwnership.notifications.minimumGradeDrop:',
    ],
    [
      { notifications: { enable: true } },
      'awsOwnership.notifications.enable: unknown key',
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
      { evidence: { awsConfig: { enabeld: true } } },
      'awsOwnership.evidence.awsConfig.enabeld: unknown key',
    ],
    [
      {
        evidence: {
          awsConfig: {
            aggregator: { accountId: '12', region: 'us-east-1', name: 'a' },
          },
        },
      },
      "awsOwnership.evidence.awsConfig.aggregator.accountId: '12' is not a 12-digit AWS account id",
    ],
    [
      { evidence: { awsConfig: { requestsPerSecond: 0 } } },
      'awsOwnership.evidence.awsConfig.requestsPerSecond:',
    ],
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
