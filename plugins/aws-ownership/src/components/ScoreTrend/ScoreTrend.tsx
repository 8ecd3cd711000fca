import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { Typography, useTheme } from '@material-ui/core';
import { DateTime } from 'luxon';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ApiHistoryPoint } from '@aws-ownership/backstage-plugin-common';
import { useScoreHistory } from '../../hooks/useScoreHistory';
import { formatScore } from '../../utils';

const shortDate = (iso: string) =>
  DateTime.fromISO(iso).toLocaleString(DateTime.DATE_SHORT);

/** The chart of a score history (at least one point). */
export const ScoreTrendChart = (props: { points: ApiHistoryPoint[] }) => {
  const theme = useTheme();
  const { points } = props;
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart
          data={points}
          margin={{ top: 8, right: 16, bottom: 0, left: -16 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="at" tickFormatter={shortDate} minTickGap={24} />
          <YAxis domain={[0, 100]} ticks={[0, 40, 60, 75, 90, 100]} />
          <ReferenceLine y={90} strokeDasharray="2 4" />
          <Tooltip
            labelFormatter={label => shortDate(String(label))}
            formatter={value => [formatScore(Number(value)), 'Score']}
          />
          <Line
            type="monotone"
            dataKey="score"
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            dot={points.length < 40}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
      <Typography variant="caption" color="textSecondary">
        {points.length === 1
          ? `One scan so far: ${formatScore(first.score)}.`
          : `From ${formatScore(first.score)} to ${formatScore(
              last.score,
            )} over ${points.length} scans.`}
      </Typography>
    </>
  );
};

/** An entity's score over the scans, loaded from the history route. */
export const ScoreTrend = (props: { entityRef: string }) => {
  const { value, loading, error } = useScoreHistory(props.entityRef);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value?.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        No scan history yet.
      </Typography>
    );
  }
  return <ScoreTrendChart points={value} />;
};
