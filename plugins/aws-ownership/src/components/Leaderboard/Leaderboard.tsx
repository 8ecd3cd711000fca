import { Link, Table, TableColumn } from '@backstage/core-components';
import {
  Box,
  Button,
  makeStyles,
  Tooltip,
  Typography,
} from '@material-ui/core';
import ArrowDropUp from '@material-ui/icons/ArrowDropUp';
import ArrowDropDown from '@material-ui/icons/ArrowDropDown';
import {
  ApiTeamScorecard,
  unownedTeamRef,
} from '@aws-ownership/backstage-plugin-common';
import {
  checkText,
  formatChange,
  formatScore,
  useEntityTabLink,
} from '../../utils';
import { GradeChip } from '../GradeChip';
import { rankFailingChecks } from '../FailingChecks';

const useStyles = makeStyles(theme => ({
  up: { color: theme.palette.success.main },
  down: { color: theme.palette.error.main },
  unowned: { color: theme.palette.error.main, fontWeight: 700 },
}));

type Row = ApiTeamScorecard & { rank?: number; id: string };

/** The unowned bucket first, then teams best score first. */
export function orderLeaderboard(items: ApiTeamScorecard[]): Row[] {
  const unowned = items.filter(i => i.teamRef === unownedTeamRef);
  const teams = items
    .filter(i => i.teamRef !== unownedTeamRef)
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.displayName ?? a.teamRef).localeCompare(b.displayName ?? b.teamRef),
    );
  return [
    ...unowned.map(i => ({ ...i, id: i.teamRef })),
    ...teams.map((i, index) => ({ ...i, id: i.teamRef, rank: index + 1 })),
  ];
}

const Change = (props: { change?: number }) => {
  const classes = useStyles();
  if (props.change === undefined) {
    return (
      <Typography variant="body2" color="textSecondary">
        new
      </Typography>
    );
  }
  const rounded = Math.round(props.change * 10) / 10;
  let className: string | undefined;
  if (rounded > 0) className = classes.up;
  if (rounded < 0) className = classes.down;
  return (
    <Box display="inline-flex" alignItems="center" className={className}>
      {rounded > 0 && <ArrowDropUp fontSize="small" />}
      {rounded < 0 && <ArrowDropDown fontSize="small" />}
      {formatChange(props.change)}
    </Box>
  );
};

/**
 * Every team's scorecard: score, grade, change since the last scan and
 * failing counts, with the unowned resources first.
 */
export const Leaderboard = (props: {
  items: ApiTeamScorecard[];
  onShowResources?: (teamRef: string) => void;
}) => {
  const classes = useStyles();
  const tabLink = useEntityTabLink();
  const rows = orderLeaderboard(props.items);
  const columns: TableColumn<Row>[] = [
    {
      title: '#',
      field: 'rank',
      width: '48px',
      render: row => row.rank ?? '—',
    },
    {
      title: 'Team',
      field: 'displayName',
      highlight: true,
      cellStyle: { whiteSpace: 'nowrap' },
      render: row =>
        row.teamRef === unownedTeamRef ? (
          <span className={classes.unowned}>Unowned</span>
        ) : (
          <Link to={tabLink(row.teamRef)}>
            {row.displayName ?? row.teamRef}
          </Link>
        ),
    },
    {
      title: 'Score',
      field: 'score',
      type: 'numeric',
      render: row => formatScore(row.score),
    },
    {
      title: 'Grade',
      field: 'grade',
      render: row => <GradeChip grade={row.grade} />,
    },
    {
      title: 'Change',
      field: 'change',
      type: 'numeric',
      render: row => <Change change={row.change} />,
    },
    { title: 'Resources', field: 'resourceCount', type: 'numeric' },
    {
      title: 'Failing resources',
      field: 'failingResourceCount',
      type: 'numeric',
    },
    {
      title: 'Failing checks',
      type: 'numeric',
      customSort: (a, b) => a.failingChecks.length - b.failingChecks.length,
      render: row => row.failingChecks.length,
    },
    {
      title: 'Worst check',
      sorting: false,
      render: row => {
        const worst = rankFailingChecks(row.failingChecks)[0];
        if (!worst) return '—';
        const text = `${checkText(worst.checkId).title} (${
          worst.failingResources
        })`;
        return (
          <Tooltip title={text}>
            <span
              style={{
                display: 'block',
                maxWidth: 240,
                whiteSpace: 'nowrap',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
              }}
            >
              {text}
            </span>
          </Tooltip>
        );
      },
    },
    ...(props.onShowResources
      ? [
          {
            title: '',
            sorting: false,
            render: (row: Row) => (
              <Button
                size="small"
                color="primary"
                aria-label={`Show the resources of ${
                  row.displayName ?? row.teamRef
                }`}
                onClick={() => props.onShowResources?.(row.teamRef)}
              >
                Resources
              </Button>
            ),
          } as TableColumn<Row>,
        ]
      : []),
  ];
  return (
    <Table<Row>
      title="Teams"
      options={{
        paging: rows.length > 25,
        pageSize: 25,
        search: false,
        padding: 'dense',
        draggable: false,
      }}
      columns={columns}
      data={rows}
    />
  );
};
