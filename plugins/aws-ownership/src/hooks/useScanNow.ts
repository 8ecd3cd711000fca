import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type { ApiScan } from '@aws-ownership/backstage-plugin-common';
import { awsOwnershipApiRef } from '../api';

const unfinished = new Set<ApiScan['status']>(['pending', 'running']);

/** Whether a scan has reached a final status. */
export function isScanFinished(scan: ApiScan): boolean {
  return !unfinished.has(scan.status);
}

/** Done regions over all regions of the scans, 0 to 1; 0 while unknown. */
export function scanProgress(scans: ApiScan[]): number {
  const total = scans.reduce((n, s) => n + s.progress.regionsTotal, 0);
  const done = scans.reduce((n, s) => n + s.progress.regionsDone, 0);
  if (total === 0) return scans.length && scans.every(isScanFinished) ? 1 : 0;
  return Math.min(1, done / total);
}

/**
 * Starts a scan of every configured account and follows it: `getScan` for
 * each scan every `intervalMs` until all have finished, then `onFinished`.
 */
export function useScanNow(
  options: { onFinished?: () => void; intervalMs?: number } = {},
) {
  const { onFinished, intervalMs = 1000 } = options;
  const api = useApi(awsOwnershipApiRef);
  const [scans, setScans] = useState<ApiScan[]>();
  const [error, setError] = useState<Error>();
  const [starting, setStarting] = useState(false);
  const onFinishedRef = useRef(onFinished);
  onFinishedRef.current = onFinished;

  const start = useCallback(async () => {
    setError(undefined);
    setStarting(true);
    try {
      setScans(await api.startScan());
    } catch (e) {
      setError(e as Error);
    } finally {
      setStarting(false);
    }
  }, [api]);

  const running = Boolean(scans?.length && !scans.every(isScanFinished));
  const ids = scans?.map(s => s.id).join(',');

  useEffect(() => {
    if (!running || !ids) return undefined;
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const latest = await Promise.all(
          ids.split(',').map(id => api.getScan(id)),
        );
        if (cancelled) return;
        setScans(latest);
        if (latest.every(isScanFinished)) onFinishedRef.current?.();
      } catch (e) {
        if (!cancelled) {
          setError(e as Error);
          setScans(undefined);
        }
      }
    }, intervalMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, running, ids, scans, intervalMs]);

  return {
    start,
    starting,
    running,
    scans,
    error,
    progress: scans ? scanProgress(scans) : 0,
  };
}
