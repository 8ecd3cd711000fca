import { useMemo } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import type { ApiCheckInForce } from '@aws-ownership/backstage-plugin-common';
import { awsOwnershipApiRef } from '../api';

/**
 * The checks in force by id, from `GET /checks`, for the checks that backend
 * modules add (built-in checks are explained from `-common` without waiting
 * for it). A failure leaves the map empty: ids are then shown as they are.
 */
export function useCheckCatalogue(): ReadonlyMap<string, ApiCheckInForce> {
  const api = useApi(awsOwnershipApiRef);
  const { value } = useAsync(() => api.listChecks(), [api]);
  return useMemo(
    () => new Map((value ?? []).map(check => [check.id, check])),
    [value],
  );
}
