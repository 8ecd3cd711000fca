import { useApi } from '@backstage/core-plugin-api';
import { Box, Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { awsOwnershipApiRef } from '../../api';
import { ExemptionList } from './ExemptionList';

/** How soon an active exemption's end is worth showing on the team tab. */
export const EXPIRING_SOON_DAYS = 14;

/** A team's pending exemptions and those expiring soon; nothing when there are none. */
export const TeamExemptions = (props: { entityRef: string }) => {
  const api = useApi(awsOwnershipApiRef);
  const { value } = useAsync(async () => {
    const [pending, expiring] = await Promise.all([
      api.listExemptions({ entityRef: props.entityRef, status: 'pending' }),
      api.listExemptions({
        entityRef: props.entityRef,
        status: 'active',
        expiringWithinDays: EXPIRING_SOON_DAYS,
      }),
    ]);
    return { pending, expiring };
  }, [api, props.entityRef]);
  if (!value || (!value.pending.length && !value.expiring.length)) return null;
  return (
    <Box>
      {value.pending.length > 0 && (
        <>
          <Typography variant="subtitle1">
            Exemptions awaiting approval
          </Typography>
          <ExemptionList items={value.pending} label="Pending exemptions" />
        </>
      )}
      {value.expiring.length > 0 && (
        <>
          <Typography variant="subtitle1">
            Exemptions ending within {EXPIRING_SOON_DAYS} days
          </Typography>
          <ExemptionList
            items={value.expiring}
            label="Exemptions expiring soon"
          />
        </>
      )}
    </Box>
  );
};
