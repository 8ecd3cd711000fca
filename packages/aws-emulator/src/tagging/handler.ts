import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from '../emulatorState';
import { throttled } from '../protocol/errors';
import { serveJson11 } from '../protocol/json11Service';
import { getResources } from './getResources';
import { getTagKeys, getTagValues } from './tagReads';

/** The X-Amz-Target prefix of the Resource Groups Tagging API. */
export const TAGGING_TARGET_PREFIX = 'ResourceGroupsTaggingAPI_20170126.';

/** Answers one Tagging API call (JSON 1.1), applying faults and the quota before the operation. */
export async function handleTagging(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  target: string,
  requestId: string,
): Promise<void> {
  await serveJson11(
    {
      targetPrefix: TAGGING_TARGET_PREFIX,
      operations: {
        GetResources: getResources,
        GetTagKeys: getTagKeys,
        GetTagValues: getTagValues,
      },
      throttled,
      allow: (accountId, region, operation) =>
        state.quota.allow(accountId, region, operation),
      contextFor: (accountId, region) => ({
        scope: state.index.scope(accountId, region),
        scopeKey: `${accountId}|${region}`,
        tokens: state.tokens,
      }),
    },
    state,
    req,
    res,
    target,
    requestId,
  );
}
