import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from '../emulatorState';
import { parseSigV4Scope } from '../protocol/auth';
import { AwsError } from '../protocol/errors';
import { send, sendJsonError, sleep } from '../protocol/http';
import { parseJsonBody, readSignedBody } from '../protocol/json11';
import { accountForAccessKey } from '../sts/credentials';
import { asConfigError, configThrottled } from './errors';
import {
  ConfigContext,
  describeConfigurationRecorderStatus,
  selectAggregateResourceConfig,
  selectResourceConfig,
} from './select';

/** The X-Amz-Target prefix of AWS Config. */
export const CONFIG_TARGET_PREFIX = 'StarlingDoveService.';

const OPERATIONS: Record<
  string,
  (input: unknown, ctx: ConfigContext) => string
> = {
  SelectResourceConfig: selectResourceConfig,
  SelectAggregateResourceConfig: selectAggregateResourceConfig,
  DescribeConfigurationRecorderStatus: describeConfigurationRecorderStatus,
};

/** Answers one AWS Config call (JSON 1.1), applying the injected faults and the quota first. */
export async function handleConfig(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  target: string,
  requestId: string,
): Promise<void> {
  const scope = parseSigV4Scope(req.headers.authorization);
  const accountId = accountForAccessKey(
    scope?.accessKeyId,
    state.index.mainAccountId,
  );
  const region = scope?.region ?? 'us-east-1';
  const operation = target.slice(CONFIG_TARGET_PREFIX.length);
  try {
    const text = await readSignedBody(req, scope);
    const run = OPERATIONS[operation];
    if (!run) {
      throw new AwsError(
        'UnknownOperationException',
        `Unknown operation ${target}`,
      );
    }
    const fault = state.faults.decide(operation, region);
    if (fault.delayMs > 0) await sleep(fault.delayMs);
    if (fault.error) throw asConfigError(fault.error);
    if (!state.config.allow(accountId, region, operation))
      throw configThrottled();
    const body = run(parseJsonBody(text), {
      index: state.config.index,
      accountId,
      region,
      tokens: state.config.tokens,
    });
    state.stats.record(accountId, region, operation, 'ok');
    send(res, 200, 'application/x-amz-json-1.1', body, {
      'x-amzn-RequestId': requestId,
    });
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    state.stats.record(
      accountId,
      region,
      operation,
      error.code === 'ThrottlingException' ? 'throttled' : 'error',
    );
    sendJsonError(res, error, requestId);
  }
}
