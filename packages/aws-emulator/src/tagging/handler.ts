import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from '../emulatorState';
import { AwsError, throttled } from '../protocol/errors';
import { parseSigV4Scope } from '../protocol/auth';
import { send, sendJsonError, sleep } from '../protocol/http';
import { parseJsonBody, readSignedBody } from '../protocol/json11';
import { accountForAccessKey } from '../sts/credentials';
import { getResources, TaggingContext } from './getResources';
import { getTagKeys, getTagValues } from './tagReads';

/** The X-Amz-Target prefix of the Resource Groups Tagging API. */
export const TAGGING_TARGET_PREFIX = 'ResourceGroupsTaggingAPI_20170126.';

const OPERATIONS: Record<
  string,
  (input: unknown, ctx: TaggingContext) => string
> = {
  GetResources: getResources,
  GetTagKeys: getTagKeys,
  GetTagValues: getTagValues,
};

/** Answers one Tagging API call (JSON 1.1), applying faults and the quota before the operation. */
export async function handleTagging(
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
  const operation = target.startsWith(TAGGING_TARGET_PREFIX)
    ? target.slice(TAGGING_TARGET_PREFIX.length)
    : target;
  try {
    const text = await readSignedBody(req, scope);
    const run = OPERATIONS[operation];
    if (!target.startsWith(TAGGING_TARGET_PREFIX) || !run) {
      throw new AwsError(
        'UnknownOperationException',
        `Unknown operation ${target}`,
      );
    }
    const fault = state.faults.decide(operation, region);
    if (fault.delayMs > 0) await sleep(fault.delayMs);
    if (fault.error) throw fault.error;
    if (!state.quota.allow(accountId, region, operation)) {
      throw throttled();
    }
    const body = run(parseJsonBody(text), {
      scope: state.index.scope(accountId, region),
      scopeKey: `${accountId}|${region}`,
      tokens: state.tokens,
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
      error.code === 'ThrottledException' ? 'throttled' : 'error',
    );
    sendJsonError(res, error, requestId);
  }
}
