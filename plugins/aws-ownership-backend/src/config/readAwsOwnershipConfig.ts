import { readSchedulerServiceTaskScheduleDefinitionFromConfig } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  formatChecklistConfigErrors,
  resolveChecklistConfig,
  validateChecklistConfig,
} from '@aws-ownership/backstage-plugin-common';
import type { AwsOwnershipConfig, ScannedAccount } from './types';

const ROOT = 'awsOwnership';
const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

const knownKeys: Record<string, string[]> = {
  [ROOT]: [
    'endpoint',
    'accounts',
    'includeComplianceDetails',
    'schedule',
    'ownership',
    'checklists',
    'collector',
    'history',
  ],
  account: ['accountId', 'regions'],
  ownership: ['ownerTagKeys', 'componentTagKeys'],
  collector: ['requestsPerSecond', 'maxAttempts', 'writeBatchSize'],
  history: ['retentionDays'],
};

/** Thrown when `awsOwnership` config is invalid; the message names every bad key. */
export class AwsOwnershipConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid aws-ownership configuration:\n${problems.join('\n')}`);
    this.name = 'AwsOwnershipConfigError';
  }
}

const defaultSchedule = {
  frequency: { hours: 6 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 10 },
};

/**
 * Reads and validates the `awsOwnership` config section, naming every bad
 * key: unknown keys, malformed account ids and regions, a bad endpoint, and
 * the checklist errors of the common package.
 */
export function readAwsOwnershipConfig(
  config: Config,
  options: { extraCheckIds?: string[] } = {},
): AwsOwnershipConfig {
  const problems: string[] = [];
  const problem = (key: string, message: string) =>
    problems.push(`  ${key}: ${message}`);
  const guard = <T>(key: string, read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (error) {
      problem(key, (error as Error).message);
      return fallback;
    }
  };
  const unknownKeys = (
    section: Config | undefined,
    path: string,
    kind: string,
  ) => {
    for (const key of section?.keys() ?? []) {
      if (!knownKeys[kind].includes(key)) {
        problem(
          `${path}.${key}`,
          `unknown key (known: ${knownKeys[kind].join(', ')})`,
        );
      }
    }
  };

  const root = config.getOptionalConfig(ROOT);
  unknownKeys(root, ROOT, ROOT);

  const endpoint = guard(
    `${ROOT}.endpoint`,
    () => root?.getOptionalString('endpoint'),
    undefined,
  );
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(endpoint)) {
    problem(`${ROOT}.endpoint`, `'${endpoint}' is not an http(s) URL`);
  }

  const accounts: ScannedAccount[] = [];
  const accountConfigs = guard(
    `${ROOT}.accounts`,
    () => root?.getOptionalConfigArray('accounts') ?? [],
    [],
  );
  const seen = new Set<string>();
  accountConfigs.forEach((account, i) => {
    const key = `${ROOT}.accounts[${i}]`;
    unknownKeys(account, key, 'account');
    const accountId = guard(
      `${key}.accountId`,
      () => account.getString('accountId'),
      '',
    );
    if (accountId && !ACCOUNT_ID.test(accountId)) {
      problem(
        `${key}.accountId`,
        `'${accountId}' is not a 12-digit AWS account id`,
      );
    } else if (seen.has(accountId)) {
      problem(`${key}.accountId`, `account ${accountId} is listed twice`);
    }
    seen.add(accountId);
    const regions = guard(
      `${key}.regions`,
      () => account.getStringArray('regions'),
      [],
    );
    if (!regions.length) problem(`${key}.regions`, 'list at least one region');
    regions.forEach((region, j) => {
      if (!REGION.test(region)) {
        problem(`${key}.regions[${j}]`, `'${region}' is not an AWS region`);
      }
    });
    accounts.push({ accountId, regions: [...new Set(regions)] });
  });

  const includeComplianceDetails = guard(
    `${ROOT}.includeComplianceDetails`,
    () => root?.getOptionalBoolean('includeComplianceDetails') ?? false,
    false,
  );

  const schedule = guard(
    `${ROOT}.schedule`,
    () =>
      root?.has('schedule')
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
            root.getConfig('schedule'),
          )
        : defaultSchedule,
    defaultSchedule,
  );

  const ownership = root?.getOptionalConfig('ownership');
  unknownKeys(ownership, `${ROOT}.ownership`, 'ownership');
  const ownerTagKeys = guard(
    `${ROOT}.ownership.ownerTagKeys`,
    () => ownership?.getOptionalStringArray('ownerTagKeys'),
    undefined,
  );
  const componentTagKeys = guard(
    `${ROOT}.ownership.componentTagKeys`,
    () => ownership?.getOptionalStringArray('componentTagKeys'),
    undefined,
  );

  const collector = root?.getOptionalConfig('collector');
  unknownKeys(collector, `${ROOT}.collector`, 'collector');
  const positive = (
    key: string,
    value: number | undefined,
    fallback: number,
    max: number,
  ) => {
    if (value === undefined) return fallback;
    if (!Number.isFinite(value) || value <= 0 || value > max) {
      problem(
        `${ROOT}.collector.${key}`,
        `${value} is not a number between 0 and ${max}`,
      );
      return fallback;
    }
    return value;
  };
  const requestsPerSecond = positive(
    'requestsPerSecond',
    guard(
      `${ROOT}.collector.requestsPerSecond`,
      () => collector?.getOptionalNumber('requestsPerSecond'),
      undefined,
    ),
    15,
    1000,
  );
  const maxAttempts = Math.round(
    positive(
      'maxAttempts',
      guard(
        `${ROOT}.collector.maxAttempts`,
        () => collector?.getOptionalNumber('maxAttempts'),
        undefined,
      ),
      10,
      50,
    ),
  );
  const writeBatchSize = Math.round(
    positive(
      'writeBatchSize',
      guard(
        `${ROOT}.collector.writeBatchSize`,
        () => collector?.getOptionalNumber('writeBatchSize'),
        undefined,
      ),
      1000,
      10000,
    ),
  );

  const history = root?.getOptionalConfig('history');
  unknownKeys(history, `${ROOT}.history`, 'history');
  const retentionDays = guard(
    `${ROOT}.history.retentionDays`,
    () => history?.getOptionalNumber('retentionDays') ?? 365,
    365,
  );
  if (!(retentionDays > 0))
    problem(
      `${ROOT}.history.retentionDays`,
      `${retentionDays} must be a positive number of days`,
    );

  const rawChecklists = {
    ...((root?.getOptional('checklists') as object | undefined) ?? {}),
    ...(ownerTagKeys || componentTagKeys
      ? {
          ownership: {
            ...(ownerTagKeys ? { ownerTagKeys } : {}),
            ...(componentTagKeys ? { componentTagKeys } : {}),
          },
        }
      : {}),
  };
  const { errors } = validateChecklistConfig(rawChecklists, options);
  if (errors.length) {
    for (const line of formatChecklistConfigErrors(
      errors.map(e => ({
        ...e,
        path: `${ROOT}.checklists${e.path ? `.${e.path}` : ''}`,
      })),
    ).split('\n')) {
      problems.push(`  ${line.trim()}`);
    }
  }

  if (problems.length) throw new AwsOwnershipConfigError(problems);

  return {
    endpoint,
    accounts,
    includeComplianceDetails,
    schedule,
    checklists: resolveChecklistConfig(rawChecklists, options),
    collector: { requestsPerSecond, maxAttempts, writeBatchSize },
    history: { retentionDays },
  };
}
