import type { EmulatorState } from '../emulatorState';
import { throttled } from '../protocol/errors';
import type { Json11Service } from '../protocol/json11Service';
import { getResources, type TaggingContext } from './getResources';
import { getTagKeys, getTagValues } from './tagReads';

/** The X-Amz-Target prefix of the Resource Groups Tagging API. */
export const TAGGING_TARGET_PREFIX = 'ResourceGroupsTaggingAPI_20170126.';

/** The Resource Groups Tagging API (JSON 1.1): faults and the tagging quota apply before the operation. */
export function taggingApi(
  state: EmulatorState,
): Json11Service<TaggingContext> {
  return {
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
  };
}
