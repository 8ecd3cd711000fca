import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { awsOwnershipApiRef } from '../api';

/** Loads the accounts and regions in scope (for the filters). */
export function useScannedAccounts() {
  const api = useApi(awsOwnershipApiRef);
  return useAsync(() => api.getAccounts(), [api]);
}
