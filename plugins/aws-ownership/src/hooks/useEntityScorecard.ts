import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { awsOwnershipApiRef } from '../api';

/** Loads one Group, Component, System or `unowned` scorecard. */
export function useEntityScorecard(
  entityRef: string,
  options: { includeDescendants?: boolean } = {},
) {
  const api = useApi(awsOwnershipApiRef);
  const { includeDescendants } = options;
  return useAsyncRetry(
    () =>
      api.getScorecard(
        entityRef,
        includeDescendants ? { includeDescendants } : undefined,
      ),
    [api, entityRef, includeDescendants],
  );
}
