import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { Box, Button, Typography } from '@material-ui/core';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  awsOwnershipExemptionApprovePermission,
  type ApiExemption,
} from '@aws-ownership/backstage-plugin-common';
import { awsOwnershipApiRef } from '../../api';
import { ExemptionList } from './ExemptionList';

/** Reports whether the user may approve one exemption (the policy decides per exemption). */
const ApprovalCheck = (props: {
  id: string;
  onDecided: (id: string, allowed: boolean) => void;
}) => {
  const { id, onDecided } = props;
  const { allowed, loading } = usePermission({
    permission: awsOwnershipExemptionApprovePermission,
    resourceRef: id,
  });
  useEffect(() => {
    if (!loading) onDecided(id, allowed);
  }, [id, allowed, loading, onDecided]);
  return null;
};

/**
 * Pending exemptions the user may approve, with "Approve"; nothing at all
 * for someone who may approve none of them.
 */
export const ExemptionApprovals = (props: { onChanged?: () => void }) => {
  const api = useApi(awsOwnershipApiRef);
  const pending = useAsyncRetry(
    () => api.listExemptions({ status: 'pending' }),
    [api],
  );
  const [allowed, setAllowed] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<string>();
  const [onDecided] = useState(
    () => (id: string, ok: boolean) =>
      setAllowed(current =>
        current[id] === ok ? current : { ...current, [id]: ok },
      ),
  );
  const items: ApiExemption[] = (pending.value ?? []).filter(
    e => allowed[e.id],
  );

  const approve = async (id: string) => {
    setError(undefined);
    try {
      await api.approveExemption(id);
      pending.retry();
      props.onChanged?.();
    } catch (e) {
      const body = (e as { body?: { error?: { message?: string } } }).body;
      setError(body?.error?.message ?? (e as Error).message);
    }
  };

  return (
    <>
      {(pending.value ?? []).map(e => (
        <ApprovalCheck key={e.id} id={e.id} onDecided={onDecided} />
      ))}
      {items.length > 0 && (
        <Box>
          <Typography variant="h6" component="h2">
            Exemptions to approve
          </Typography>
          {error && (
            <Typography color="error" variant="body2">
              {error}
            </Typography>
          )}
          <ExemptionList
            items={items}
            label="Exemptions to approve"
            action={e => (
              <Button
                size="small"
                color="primary"
                variant="outlined"
                onClick={() => approve(e.id)}
              >
                Approve
              </Button>
            )}
          />
        </Box>
      )}
    </>
  );
};
