import { useApi } from '@backstage/core-plugin-api';
import { Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import {
  ResourceListQuery,
  severityWeights,
} from '@aws-ownership/backstage-plugin-common';
import { awsOwnershipApiRef } from '../../api';

const PAGE = 500;

/**
 * How much of a team's responsibility score AWS itself verified: the weight
 * of applicable responsibility results decided by a recorded fact, against
 * all of them (read from the team's first 500 resources).
 */
export const VerifiedShare = (props: { query: ResourceListQuery }) => {
  const api = useApi(awsOwnershipApiRef);
  const { value } = useAsync(
    () => api.listResources({ ...props.query, limit: PAGE }),
    [api, props.query],
  );
  if (!value?.items.length) return null;
  let verified = 0;
  let applicable = 0;
  for (const rated of value.items) {
    for (const r of rated.rating.results) {
      if (r.checklist !== 'responsibility' || r.status === 'not-applicable') {
        continue;
      }
      const weight = severityWeights[r.severity];
      applicable += weight;
      if (r.basis === 'verified') verified += weight;
    }
  }
  if (!applicable) return null;
  const share = Math.round((100 * verified) / applicable);
  return (
    <Typography
      variant="body2"
      color="textSecondary"
      data-testid="aws-ownership-verified-share"
    >
      {share}% of the responsibility score is verified by AWS Config; the rest
      is declared by tags
      {value.nextCursor ? ` (first ${PAGE} resources)` : ''}.
    </Typography>
  );
};
