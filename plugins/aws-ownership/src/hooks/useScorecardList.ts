import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { awsOwnershipApiRef } from '../api';

/** Loads the leaderboard: every team, the unowned bucket, the snapshot time and stale regions. */
export function useScorecardList() {
  const api = useApi(awsOwnershipApiRef);
  return useAsyncRetry(() => api.listScorecards(), [api]);
}
