import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { awsOwnershipApiRef } from '../api';

/** Loads one resource with every check result; idle while `arn` is unset. */
export function useResource(arn?: string) {
  const api = useApi(awsOwnershipApiRef);
  return useAsync(
    async () => (arn ? api.getResource(arn) : undefined),
    [api, arn],
  );
}
