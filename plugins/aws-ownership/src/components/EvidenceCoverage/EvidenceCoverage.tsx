import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { useScannedAccounts } from '../../hooks/useScannedAccounts';

const recordingLabel = { on: 'recording', off: 'off', unknown: 'unknown' };

/**
 * Evidence coverage per account and region: whether AWS Config records there,
 * what it records against what the Tagging API lists, how many resources were
 * never tagged, and why evidence is missing where it is.
 */
export const EvidenceCoverage = () => {
  const accounts = useScannedAccounts();
  if (accounts.loading) return <Progress />;
  if (accounts.error) return <ResponseErrorPanel error={accounts.error} />;
  const rows = (accounts.value ?? []).flatMap(a => a.coverage ?? []);
  if (!rows.length) return null;
  return (
    <InfoCard title="Evidence coverage (AWS Config)">
      <Table size="small" aria-label="Evidence coverage">
        <TableHead>
          <TableRow>
            <TableCell>Account</TableCell>
            <TableCell>Region</TableCell>
            <TableCell>AWS Config</TableCell>
            <TableCell align="right">Recorded by Config</TableCell>
            <TableCell align="right">Listed by tags</TableCell>
            <TableCell align="right">Never tagged</TableCell>
            <TableCell>Evidence</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(c => (
            <TableRow
              key={`${c.accountId}/${c.region}`}
              data-testid={`coverage-${c.accountId}-${c.region}`}
            >
              <TableCell>{c.accountId}</TableCell>
              <TableCell>{c.region}</TableCell>
              <TableCell>{recordingLabel[c.configRecording]}</TableCell>
              <TableCell align="right">{c.recordedByConfig}</TableCell>
              <TableCell align="right">{c.listedByTagging}</TableCell>
              <TableCell align="right">{c.neverTagged}</TableCell>
              <TableCell>
                {c.evidenceAvailable ? (
                  'available'
                ) : (
                  <Typography variant="body2" color="error">
                    unavailable: {c.evidenceUnavailableReason ?? 'unknown'}
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
};
