import { Typography } from '@material-ui/core';
import {
  ApiGrade,
  gradeForScore,
} from '@aws-ownership/backstage-plugin-common';

const bestFirst: ApiGrade[] = ['A', 'B', 'C', 'D', 'F'];

/**
 * How many of a team's resources fail a critical check and, when that is what
 * holds the grade down (its mean score alone would grade better), says so:
 * "Grade held at C by 3 resources failing a critical check".
 */
export const CriticalFailures = (props: {
  score: number;
  grade: ApiGrade;
  criticalFailingResourceCount?: number;
}) => {
  const count = props.criticalFailingResourceCount ?? 0;
  if (count === 0) return null;
  const resources = `${count.toLocaleString('en-US')} ${
    count === 1 ? 'resource' : 'resources'
  }`;
  const held =
    bestFirst.indexOf(props.grade) >
    bestFirst.indexOf(gradeForScore(props.score));
  return (
    <Typography
      variant="body2"
      color="error"
      data-testid="aws-ownership-critical"
    >
      {held
        ? `Grade held at ${props.grade} by ${resources} failing a critical check`
        : `${resources} failing a critical check`}
    </Typography>
  );
};
