import { useCallback, useEffect, useMemo, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type { ResourceListQuery } from '@aws-ownership/backstage-plugin-common';
import { awsOwnershipApiRef } from '../api';

/** The query of one resources view, without the cursor it pages with. */
export type ResourcesQuery = Omit<ResourceListQuery, 'cursor' | 'limit'>;

/**
 * Loads one page of resources with cursor pagination. The cursors of the
 * pages before the current one are kept on a stack, so "previous" goes back
 * without the API having to page backwards. Changing the query starts over.
 */
export function useResourcesPage(query: ResourcesQuery, pageSize = 25) {
  const api = useApi(awsOwnershipApiRef);
  const key = JSON.stringify(query);
  // cursors[i] is the cursor of page i; page 0 has none
  const [cursors, setCursors] = useState<Array<string | undefined>>([
    undefined,
  ]);
  useEffect(() => setCursors([undefined]), [key, pageSize]);
  const cursor = cursors[cursors.length - 1];

  const state = useAsyncRetry(
    () =>
      api.listResources({
        ...(JSON.parse(key) as ResourcesQuery),
        ...(cursor ? { cursor } : {}),
        limit: pageSize,
      }),
    [api, key, cursor, pageSize],
  );

  const nextCursor = state.value?.nextCursor;
  const next = useCallback(() => {
    if (nextCursor) setCursors(stack => [...stack, nextCursor]);
  }, [nextCursor]);
  const previous = useCallback(
    () => setCursors(stack => (stack.length > 1 ? stack.slice(0, -1) : stack)),
    [],
  );

  return useMemo(
    () => ({
      ...state,
      pageIndex: cursors.length - 1,
      pageSize,
      hasNext: Boolean(nextCursor),
      hasPrevious: cursors.length > 1,
      next,
      previous,
    }),
    [state, cursors.length, pageSize, nextCursor, next, previous],
  );
}
