import { Typography } from '@material-ui/core';
import {
  ApiCheckInForce,
  ApiRatedResource,
  gradeForScore,
} from '@aws-ownership/backstage-plugin-common';
import { checkText } from '../../utils';

/**
 * Which failing check capped a resource's score, e.g. "Capped at C by:
 * Required tags present". Renders nothing for a resource that is not capped.
 */
export const ScoreCap = (props: {
  rating: ApiRatedResource['rating'];
  checks?: ReadonlyMap<string, ApiCheckInForce>;
}) => {
  const { cappedBy } = props.rating;
  if (!cappedBy) return null;
  return (
    <Typography variant="body2" data-testid="score-cap">
      Capped at {gradeForScore(cappedBy.cap)} by:{' '}
      {checkText(cappedBy.checkId, props.checks).title}
    </Typography>
  );
};
