import type { EmulatorState } from '../emulatorState';
import type { Json11Service } from '../protocol/json11Service';
import { asConfigError, configThrottled } from './errors';
import {
  type ConfigContext,
  describeConfigurationRecorderStatus,
  selectAggregateResourceConfig,
  selectResourceConfig,
} from './select';

/** The X-Amz-Target prefix of AWS Config. */
export const CONFIG_TARGET_PREFIX = 'StarlingDoveService.';

/** AWS Config (JSON 1.1): faults, in AWS Config's error names, and its own quota apply before the operation. */
export function awsConfigApi(
  state: EmulatorState,
): Json11Service<ConfigContext> {
  return {
    targetPrefix: CONFIG_TARGET_PREFIX,
    operations: {
      SelectResourceConfig: selectResourceConfig,
      SelectAggregateResourceConfig: selectAggregateResourceConfig,
      DescribeConfigurationRecorderStatus: describeConfigurationRecorderStatus,
    },
    throttled: configThrottled,
    asServiceError: asConfigError,
    allow: (accountId, region, operation) =>
      state.config.allow(accountId, region, operation),
    contextFor: (accountId, region) => ({
      index: state.config.index,
      accountId,
      region,
      tokens: state.config.tokens,
    }),
  };
}
