import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import {
  DEFAULT_EXEMPTION_MAX_DAYS,
  MIN_EXEMPTION_REASON_LENGTH,
} from '@aws-ownership/backstage-plugin-common';
import { awsOwnershipApiRef } from '../../api';

const DAY_MS = 24 * 60 * 60 * 1000;
const dateInDays = (days: number) =>
  new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

/** Which resources to exempt: these ARNs, or a team's resources failing the check. */
export type ExemptionTarget =
  | { arns: string[] }
  | { teamRef: string; label: string };

/**
 * "Request exemption" for one failing check: a dialog asking why and until
 * when; the request then waits for approval.
 */
export const RequestExemptionButton = (props: {
  checkId: string;
  checkTitle: string;
  target: ExemptionTarget;
  onRequested?: () => void;
}) => {
  const api = useApi(awsOwnershipApiRef);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState(dateInDays(30));
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const [requested, setRequested] = useState(false);

  const submit = async () => {
    setSending(true);
    setError(undefined);
    try {
      const arns =
        'arns' in props.target
          ? props.target.arns
          : (
              await api.listResources({
                owner: [props.target.teamRef],
                checkId: props.checkId,
                limit: 500,
              })
            ).items.map(item => item.resource.arn);
      await api.requestExemption({
        checkId: props.checkId,
        arns,
        teamRef: 'teamRef' in props.target ? props.target.teamRef : undefined,
        reason,
        // the end of the chosen day, in UTC
        expiresAt: new Date(`${until}T23:59:59.000Z`).toISOString(),
      });
      setRequested(true);
      setOpen(false);
      props.onRequested?.();
    } catch (e) {
      const body = (e as { body?: { error?: { message?: string } } }).body;
      setError(body?.error?.message ?? (e as Error).message);
    } finally {
      setSending(false);
    }
  };

  if (requested) {
    return (
      <Typography variant="caption" color="textSecondary">
        Exemption requested: waiting for approval
      </Typography>
    );
  }
  return (
    <>
      <Button size="small" color="primary" onClick={() => setOpen(true)}>
        Request exemption
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        fullWidth
        aria-labelledby={`request-exemption-${props.checkId}`}
      >
        <DialogTitle id={`request-exemption-${props.checkId}`}>
          Request an exemption: {props.checkTitle}
        </DialogTitle>
        <DialogContent>
          <Typography variant="body2" gutterBottom>
            {'arns' in props.target
              ? `For ${props.target.arns.length} resource${
                  props.target.arns.length === 1 ? '' : 's'
                }.`
              : `For every resource of ${props.target.label} failing this check.`}{' '}
            It applies once approved, until the date you choose.
          </Typography>
          <TextField
            id={`exemption-reason-${props.checkId}`}
            label="Why this check is wrong for these resources"
            multiline
            minRows={3}
            fullWidth
            margin="normal"
            value={reason}
            onChange={e => setReason(e.target.value)}
            helperText={`At least ${MIN_EXEMPTION_REASON_LENGTH} characters`}
          />
          <TextField
            id={`exemption-until-${props.checkId}`}
            label="Until"
            type="date"
            margin="normal"
            value={until}
            onChange={e => setUntil(e.target.value)}
            InputLabelProps={{ shrink: true }}
            inputProps={{ max: dateInDays(DEFAULT_EXEMPTION_MAX_DAYS) }}
            helperText="At most 90 days away (unless configured otherwise)"
          />
          {error && <Alert severity="error">{error}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            color="primary"
            variant="contained"
            disabled={
              sending || reason.trim().length < MIN_EXEMPTION_REASON_LENGTH
            }
            onClick={submit}
          >
            Request
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
