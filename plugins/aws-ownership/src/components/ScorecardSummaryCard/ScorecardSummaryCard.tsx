import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Box, Typography } from '@material-ui/core';
import { useEntityScorecard } from '../../hooks/useEntityScorecard';
import { checkText, isNotFound, useEntityTabLink } from '../../utils';
import { isAwsOwnershipSummaryAvailable } from '../../entityKinds';
import { ScoreSummary } from '../ScoreSummary';
import { rankFailingChecks, SeverityChip } from '../FailingChecks';

const SummaryCard = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const tabLink = useEntityTabLink();
  const { value, loading, error } = useEntityScorecard(entityRef);
  const deepLink = {
    title: 'View AWS ownership',
    link: tabLink(entity),
  };

  let content: JSX.Element;
  if (loading) {
    content = <Progress />;
  } else if (error && !isNotFound(error)) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!value || value.resourceCount === 0) {
    content = (
      <Typography variant="body2" color="textSecondary">
        No AWS resources are attributed to this{' '}
        {entity.kind.toLocaleLowerCase('en-US')}.
      </Typography>
    );
  } else {
    const worst = rankFailingChecks(value.failingChecks)[0];
    content = (
      <>
        <ScoreSummary scorecard={value} size="small" />
        <Box mt={2}>
          <Typography variant="overline" display="block">
            Worst check
          </Typography>
          {worst ? (
            <Box display="flex" alignItems="center" gridGap={8}>
              <Typography variant="body2">
                {checkText(worst.checkId).title}
              </Typography>
              <SeverityChip severity={worst.severity} />
              <Typography variant="body2" color="textSecondary">
                {worst.failingResources.toLocaleString('en-US')} resources
              </Typography>
            </Box>
          ) : (
            <Typography variant="body2">Every check passes.</Typography>
          )}
        </Box>
      </>
    );
  }
  return (
    <InfoCard title="AWS ownership" deepLink={deepLink}>
      {content}
    </InfoCard>
  );
};

/**
 * The overview card of a Group or Component: score, grade, worst check and a
 * link to the AWS tab. Renders nothing on any other kind.
 */
export const ScorecardSummaryCard = () => {
  const { entity } = useEntity();
  if (!isAwsOwnershipSummaryAvailable(entity)) return null;
  return <SummaryCard />;
};
