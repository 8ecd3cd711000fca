/** Validation of the AWS Config parts of an inventory: resource `config`, `neverTagged`, recorder and aggregators. */

type Fail = (path: string, what: string) => never;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const CONFIG_TYPE = /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/;
const ACCOUNT_ID = /^\d{12}$/;
const OPTIONAL_STRINGS = [
  'resourceId',
  'resourceName',
  'availabilityZone',
  'resourceCreationTime',
] as const;

/** Checks a resource entry's `config` and `neverTagged`. */
export function checkResourceConfig(
  value: Record<string, unknown>,
  path: string,
  fail: Fail,
): void {
  if (value.neverTagged !== undefined && value.neverTagged !== true) {
    fail(`${path}.neverTagged`, 'must be true when present');
  }
  const config = value.config;
  if (config === undefined) {
    if (value.neverTagged) {
      fail(`${path}.config`, 'is required for a neverTagged resource');
    }
    return;
  }
  if (!isRecord(config)) fail(`${path}.config`, 'must be an object');
  if (
    typeof config.resourceType !== 'string' ||
    !CONFIG_TYPE.test(config.resourceType)
  ) {
    fail(
      `${path}.config.resourceType`,
      "must be an AWS Config type such as 'AWS::EC2::Volume'",
    );
  }
  if (!isRecord(config.configuration)) {
    fail(`${path}.config.configuration`, 'must be an object');
  }
  if (
    config.supplementaryConfiguration !== undefined &&
    !isRecord(config.supplementaryConfiguration)
  ) {
    fail(`${path}.config.supplementaryConfiguration`, 'must be an object');
  }
  for (const key of OPTIONAL_STRINGS) {
    if (config[key] !== undefined && typeof config[key] !== 'string') {
      fail(`${path}.config.${key}`, 'must be a string');
    }
  }
}

/** Checks an account's `configRecorderOff`. */
export function checkAccountConfig(
  value: Record<string, unknown>,
  path: string,
  fail: Fail,
): void {
  const off = value.configRecorderOff;
  if (
    off !== undefined &&
    (!Array.isArray(off) || off.some(r => typeof r !== 'string'))
  ) {
    fail(`${path}.configRecorderOff`, 'must be an array of region names');
  }
}

/** Checks the inventory's `configAggregators`. */
export function checkConfigAggregators(value: unknown, fail: Fail): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) fail('configAggregators', 'must be an array');
  value.forEach((aggregator, i) => {
    const path = `configAggregators[${i}]`;
    if (!isRecord(aggregator)) fail(path, 'must be an object');
    if (typeof aggregator.name !== 'string' || !aggregator.name) {
      fail(`${path}.name`, 'must be a non-empty string');
    }
    if (
      typeof aggregator.accountId !== 'string' ||
      !ACCOUNT_ID.test(aggregator.accountId)
    ) {
      fail(`${path}.accountId`, 'must be a 12-digit account id');
    }
    if (typeof aggregator.region !== 'string' || !aggregator.region) {
      fail(`${path}.region`, 'must be a region name');
    }
    const accounts = aggregator.accounts;
    if (
      accounts !== undefined &&
      (!Array.isArray(accounts) ||
        accounts.some(a => typeof a !== 'string' || !ACCOUNT_ID.test(a)))
    ) {
      fail(`${path}.accounts`, 'must be an array of 12-digit account ids');
    }
  });
}
