import { Gauge } from '@backstage/core-components';
import { Box, Chip, Grid, Tooltip, Typography } from '@material-ui/core';
import type { BackstagePalette } from '@backstage/theme';
import type { ApiEntityScorecard } from '@aws-ownership/backstage-plugin-common';
import {
  absoluteTime,
  formatChange,
  formatScore,
  gradeColor,
  relativeTime,
} from '../../utils';
import { GradeChip } from '../GradeChip';
import { CriticalFailures } from './CriticalFailures';

/** The parts of a scorecard the summary shows. */
export type ScoreSummaryData = Pick<
  ApiEntityScorecard,
  | 'score'
  | 'grade'
  | 'resourceCount'
  | 'failingResourceCount'
  | 'criticalFailingResourceCount'
  | 'change'
  | 'computedAt'
  | 'stale'
>;

/** A scorecard's score on a gauge, its grade and its counts. */
export const ScoreSummary = (props: {
  scorecard: ScoreSummaryData;
  size?: 'normal' | 'small';
}) => {
  const { scorecard, size = 'normal' } = props;
  const grade = scorecard.grade;
  return (
    <Grid container spacing={2} alignItems="center">
      <Grid item xs={size === 'small' ? 5 : 6}>
        <Gauge
          value={scorecard.score}
          fractional={false}
          max={100}
          unit=""
          size={size}
          getColor={({ palette }) =>
            gradeColor(grade, palette as BackstagePalette)
          }
        />
      </Grid>
      <Grid item xs={size === 'small' ? 7 : 6}>
        <Box display="flex" alignItems="center" mb={1}>
          <GradeChip grade={grade} size="large" />
          <Box ml={1.5}>
            <Typography variant="overline" display="block">
              Score
            </Typography>
            <Typography
              variant="h5"
              component="p"
              data-testid="aws-ownership-score"
            >
              {formatScore(scorecard.score)}
            </Typography>
          </Box>
        </Box>
        {scorecard.change !== undefined && (
          <Typography variant="body2" color="textSecondary">
            {formatChange(scorecard.change)} since the previous scan
          </Typography>
        )}
        <Typography variant="body2">
          {scorecard.resourceCount.toLocaleString('en-US')} resources,{' '}
          {scorecard.failingResourceCount.toLocaleString('en-US')} failing a
          check
        </Typography>
        <CriticalFailures
          score={scorecard.score}
          grade={grade}
          criticalFailingResourceCount={scorecard.criticalFailingResourceCount}
        />
        {scorecard.computedAt && (
          <Tooltip title={absoluteTime(scorecard.computedAt)}>
            <Typography variant="caption" color="textSecondary">
              Scanned {relativeTime(scorecard.computedAt)}
            </Typography>
          </Tooltip>
        )}
        {scorecard.stale && (
          <Box mt={1}>
            <Chip
              size="small"
              label="Some regions are stale"
              title="A region failed in the last scan; its resources are from an earlier scan"
            />
          </Box>
        )}
      </Grid>
    </Grid>
  );
};
