import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { awsOwnershipApiRef } from '../api';

/** Loads an entity's score per scan, oldest first. */
export function useScoreHistory(entityRef: string, limit = 50) {
  const api = useApi(awsOwnershipApiRef);
  return useAsync(
    () => api.getHistory(entityRef, { limit }),
    [api, entityRef, limit],
  );
}
