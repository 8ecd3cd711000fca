import { ResponseErrorPanel } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { Box, Button, LinearProgress, Typography } from '@material-ui/core';
import RefreshIcon from '@material-ui/icons/Refresh';
import { awsOwnershipScanCreatePermission } from '@aws-ownership/backstage-plugin-common';
import { useScanNow } from '../../hooks/useScanNow';

/**
 * "Scan now" with a progress bar, for people allowed to start scans
 * (`aws-ownership.scan.create`); nothing for anyone else.
 */
export const ScanNowButton = (props: {
  onFinished?: () => void;
  intervalMs?: number;
}) => {
  const { allowed, loading } = usePermission({
    permission: awsOwnershipScanCreatePermission,
  });
  const scan = useScanNow({
    onFinished: props.onFinished,
    intervalMs: props.intervalMs,
  });
  if (loading || !allowed) return null;

  const scans = scan.scans ?? [];
  const total = scans.reduce((n, s) => n + s.progress.regionsTotal, 0);
  const done = scans.reduce((n, s) => n + s.progress.regionsDone, 0);
  const collected = scans.reduce(
    (n, s) => n + s.progress.resourcesCollected,
    0,
  );
  const failed = scans.filter(s => s.status === 'failed').length;

  return (
    <Box minWidth={260}>
      <Button
        variant="contained"
        color="primary"
        startIcon={<RefreshIcon />}
        disabled={scan.starting || scan.running}
        onClick={scan.start}
      >
        {scan.running || scan.starting ? 'Scanning…' : 'Scan now'}
      </Button>
      {scans.length > 0 && (
        <Box mt={1}>
          <LinearProgress
            variant="determinate"
            value={Math.round(scan.progress * 100)}
            aria-label="Scan progress"
          />
          <Typography variant="caption" color="textSecondary">
            {scan.running
              ? `${done} of ${total} regions, ${collected.toLocaleString(
                  'en-US',
                )} resources collected`
              : `Scan finished: ${collected.toLocaleString('en-US')} resources${
                  failed ? `, ${failed} account(s) failed` : ''
                }`}
          </Typography>
        </Box>
      )}
      {scan.error && <ResponseErrorPanel error={scan.error} />}
    </Box>
  );
};
