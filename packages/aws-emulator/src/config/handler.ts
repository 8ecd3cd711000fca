import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from '../emulatorState';
import { serveJson11 } from '../protocol/json11Service';
import { asConfigError, configThrottled } from './errors';
import {
  describeConfigurationRecorderStatus,
  selectAggregateResourceConfig,
  selectResourceConfig,
} from './select';

/** The X-Amz-Target prefix of AWS Config. */
export const CONFIG_TARGET_PREFIX = 'StarlingDoveService.';

/** Answers one AWS Config call (JSON 1.1), applying the injected faults and the quota first. */
export async function handleConfig(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  target: string,
  requestId: string,
): Promise<void> {
  await serveJson11(
    {
      targetPrefix: CONFIG_TARGET_PREFIX,
      operations: {
        SelectResourceConfig: selectResourceConfig,
        SelectAggregateResourceConfig: selectAggregateResourceConfig,
        DescribeConfigurationRecorderStatus:
          describeConfigurationRecorderStatus,
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
    },
    state,
    req,
    res,
    target,
    requestId,
  );
}
