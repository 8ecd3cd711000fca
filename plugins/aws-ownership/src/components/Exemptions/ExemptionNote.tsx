import { Typography } from '@material-ui/core';
import type { ResultExemption } from '@aws-ownership/backstage-plugin-common';

/** The date part of an ISO instant, as people read it. */
export const formatDay = (iso: string) =>
  new Date(iso).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });

/** Why a result is exempt and until when, greyed. */
export const ExemptionNote = (props: { exemption?: ResultExemption }) => {
  const { exemption } = props;
  if (!exemption) return null;
  return (
    <Typography variant="body2" color="textSecondary">
      Exempt until {formatDay(exemption.expiresAt)}: {exemption.reason}
    </Typography>
  );
};
