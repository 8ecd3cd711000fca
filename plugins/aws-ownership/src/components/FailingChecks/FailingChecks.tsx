import {
  Box,
  Button,
  Chip,
  List,
  ListItem,
  ListItemText,
  makeStyles,
  Typography,
} from '@material-ui/core';
import type { ReactNode } from 'react';
import type {
  ApiCheckInForce,
  ApiEntityScorecard,
} from '@aws-ownership/backstage-plugin-common';
import { severityWeights } from '@aws-ownership/backstage-plugin-common';
import { checkText } from '../../utils';

type FailingCheck = ApiEntityScorecard['failingChecks'][number];

const useStyles = makeStyles(theme => ({
  count: {
    minWidth: theme.spacing(9),
    textAlign: 'right',
    marginLeft: theme.spacing(2),
  },
  remediation: {
    marginTop: theme.spacing(0.5),
  },
  critical: { backgroundColor: theme.palette.error.main, color: '#fff' },
  high: { backgroundColor: theme.palette.warning.main, color: '#fff' },
  medium: {},
  low: {},
}));

/** Failing checks, most resources affected first, then most severe. */
export function rankFailingChecks(checks: FailingCheck[]): FailingCheck[] {
  return [...checks].sort(
    (a, b) =>
      b.failingResources - a.failingResources ||
      severityWeights[b.severity] - severityWeights[a.severity] ||
      a.checkId.localeCompare(b.checkId),
  );
}

/** A severity as a small chip. */
export const SeverityChip = (props: { severity: FailingCheck['severity'] }) => {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={props.severity}
      className={classes[props.severity]}
    />
  );
};

/**
 * The checks failing on a scorecard's resources, ranked by resources
 * affected, each with what to do about it.
 */
export const FailingChecks = (props: {
  failingChecks: FailingCheck[];
  checks?: ReadonlyMap<string, ApiCheckInForce>;
  onShowResources?: (checkId: string) => void;
  /** More actions for one failing check (e.g. "Request exemption"). */
  renderActions?: (check: FailingCheck, title: string) => ReactNode;
  max?: number;
}) => {
  const classes = useStyles();
  const ranked = rankFailingChecks(props.failingChecks).slice(
    0,
    props.max ?? Infinity,
  );
  if (!ranked.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        No check fails on these resources.
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="Failing checks">
      {ranked.map(check => {
        const text = checkText(check.checkId, props.checks);
        return (
          <ListItem key={check.checkId} divider alignItems="flex-start">
            <ListItemText
              disableTypography
              primary={
                <Box display="flex" alignItems="center" gridGap={8}>
                  <Typography variant="subtitle2">{text.title}</Typography>
                  <SeverityChip severity={check.severity} />
                </Box>
              }
              secondary={
                <>
                  {text.description && (
                    <Typography variant="body2" color="textSecondary">
                      {text.description}
                    </Typography>
                  )}
                  {text.remediation && (
                    <Typography variant="body2" className={classes.remediation}>
                      <strong>What to do: </strong>
                      {text.remediation}
                    </Typography>
                  )}
                  {props.onShowResources && (
                    <Button
                      size="small"
                      color="primary"
                      onClick={() => props.onShowResources?.(check.checkId)}
                    >
                      Show these resources
                    </Button>
                  )}
                  {props.renderActions?.(check, text.title)}
                </>
              }
            />
            <Box className={classes.count}>
              <Typography variant="h6" component="p">
                {check.failingResources.toLocaleString('en-US')}
              </Typography>
              <Typography variant="caption" color="textSecondary">
                {check.failingResources === 1 ? 'resource' : 'resources'}
              </Typography>
            </Box>
          </ListItem>
        );
      })}
    </List>
  );
};
