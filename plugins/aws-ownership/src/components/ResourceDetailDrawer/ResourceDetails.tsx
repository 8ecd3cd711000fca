import {
  Box,
  Button,
  Chip,
  Divider,
  IconButton,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Tooltip,
  Typography,
} from '@material-ui/core';
import CloseIcon from '@material-ui/icons/Close';
import CheckCircle from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import RemoveCircleOutline from '@material-ui/icons/RemoveCircleOutline';
import OpenInNew from '@material-ui/icons/OpenInNew';
import {
  ApiCheckInForce,
  ApiRatedResource,
  checklistIds,
  consoleUrl,
  severityWeights,
} from '@aws-ownership/backstage-plugin-common';
import {
  absoluteTime,
  checkText,
  formatScore,
  relativeTime,
} from '../../utils';
import { GradeChip } from '../GradeChip';
import { checklistLabels } from '../ChecklistScores';
import { SeverityChip } from '../FailingChecks';
import { CheckBasis } from './CheckBasis';
import { CopyButton } from './CopyButton';
import { ExemptionNote, RequestExemptionButton } from '../Exemptions';
import { ScoreCap } from './ScoreCap';

type CheckResult = ApiRatedResource['rating']['results'][number];

const useStyles = makeStyles(theme => ({
  header: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  arn: {
    fontFamily: 'monospace',
    wordBreak: 'break-all',
    fontSize: theme.typography.caption.fontSize,
  },
  command: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
    marginTop: theme.spacing(1),
    padding: theme.spacing(1),
    borderRadius: theme.shape.borderRadius,
    backgroundColor: theme.palette.background.default,
    '& code': { flex: 1, wordBreak: 'break-all', fontSize: '0.8rem' },
  },
  pass: { color: theme.palette.success.main },
  fail: { color: theme.palette.error.main },
  na: { color: theme.palette.text.disabled },
  section: { marginTop: theme.spacing(3) },
}));

const statusOrder: Record<CheckResult['status'], number> = {
  fail: 0,
  pass: 1,
  exempt: 2,
  'not-applicable': 3,
};

const statusLabel: Record<CheckResult['status'], string> = {
  fail: 'Fails',
  pass: 'Passes',
  'not-applicable': 'Not applicable',
  exempt: 'Exempt',
};

/** Failing checks first (most severe first), then passing, then not applicable. */
export function orderResults(results: CheckResult[]): CheckResult[] {
  return [...results].sort(
    (a, b) =>
      statusOrder[a.status] - statusOrder[b.status] ||
      severityWeights[b.severity] - severityWeights[a.severity] ||
      a.checkId.localeCompare(b.checkId),
  );
}

const StatusIcon = (props: { status: CheckResult['status'] }) => {
  const classes = useStyles();
  const label = statusLabel[props.status];
  if (props.status === 'pass') {
    return <CheckCircle className={classes.pass} aria-label={label} />;
  }
  if (props.status === 'fail') {
    return <ErrorIcon className={classes.fail} aria-label={label} />;
  }
  return <RemoveCircleOutline className={classes.na} aria-label={label} />;
};

const Fact = (props: { label: string; children: React.ReactNode }) => (
  <TableRow>
    <TableCell component="th" scope="row" style={{ width: '35%' }}>
      {props.label}
    </TableCell>
    <TableCell>{props.children}</TableCell>
  </TableRow>
);

/**
 * Everything about one resource: its facts, every check with status, message
 * and remediation (the CLI command with a copy button), its tags and a link
 * to the AWS console.
 */
export const ResourceDetails = (props: {
  value: ApiRatedResource;
  checks?: ReadonlyMap<string, ApiCheckInForce>;
  onClose?: () => void;
}) => {
  const classes = useStyles();
  const { value, checks, onClose } = props;
  const { resource, rating, ownership } = value;
  const link = value.consoleUrl ?? consoleUrl(resource);
  const tags = Object.entries(resource.tags).sort(([a], [b]) =>
    a.localeCompare(b),
  );

  return (
    <Box>
      <Box className={classes.header}>
        <GradeChip grade={rating.grade} size="large" />
        <Box flex={1} minWidth={0}>
          <Typography variant="h5" component="h2">
            {resource.name || resource.resourceId}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {resource.resourceType} · score {formatScore(rating.score)}
            {rating.rawScore !== undefined &&
              rating.rawScore !== rating.score &&
              ` (${formatScore(rating.rawScore)} before the cap)`}
          </Typography>
          <ScoreCap rating={rating} checks={checks} />
          <Box display="flex" alignItems="center">
            <Typography className={classes.arn}>{resource.arn}</Typography>
            <CopyButton text={resource.arn} label="Copy ARN" />
          </Box>
        </Box>
        {onClose && (
          <IconButton aria-label="Close" onClick={onClose}>
            <CloseIcon />
          </IconButton>
        )}
      </Box>

      {link && (
        <Button
          variant="outlined"
          color="primary"
          size="small"
          href={link}
          target="_blank"
          rel="noopener noreferrer"
          endIcon={<OpenInNew fontSize="small" />}
        >
          Open in the AWS console
        </Button>
      )}

      <Table
        size="small"
        aria-label="Resource facts"
        className={classes.section}
      >
        <TableBody>
          <Fact label="Account">{resource.accountId || '—'}</Fact>
          <Fact label="Region">{resource.region || 'global'}</Fact>
          <Fact label="Category">{value.category}</Fact>
          <Fact label="Owner">
            {ownership.ownerRef ??
              (ownership.ownerTag
                ? `${ownership.ownerTag.value} (does not resolve to a team)`
                : 'none')}
          </Fact>
          {value.neverTagged && (
            <Fact label="Tags">
              Never tagged: recorded by AWS Config, never listed by the Tagging
              API
            </Fact>
          )}
          {ownership.componentRef && (
            <Fact label="Component">{ownership.componentRef}</Fact>
          )}
          <Fact label="Last seen">
            <Tooltip title={absoluteTime(value.lastSeenAt)}>
              <span>{relativeTime(value.lastSeenAt)}</span>
            </Tooltip>
            {value.stale && (
              <Chip
                size="small"
                label="stale"
                style={{ marginLeft: 8 }}
                title="Its region failed in the last scan; this is older data"
              />
            )}
          </Fact>
        </TableBody>
      </Table>

      <Typography variant="h6" component="h3" className={classes.section}>
        Checks
      </Typography>
      {/* checklists with failures first, so what to fix is on top */}
      {[...checklistIds]
        .sort(
          (a, b) =>
            rating.results.filter(r => r.checklist === b && r.status === 'fail')
              .length -
            rating.results.filter(r => r.checklist === a && r.status === 'fail')
              .length,
        )
        .map(checklist => {
          const results = orderResults(
            rating.results.filter(r => r.checklist === checklist),
          );
          if (!results.length) return null;
          return (
            <Box key={checklist} mt={1}>
              <Typography variant="overline">
                {checklistLabels[checklist]}
              </Typography>
              <List
                dense
                disablePadding
                aria-label={`${checklistLabels[checklist]} checks`}
              >
                {results.map(result => {
                  const text = checkText(result.checkId, checks);
                  return (
                    <ListItem
                      key={result.checkId}
                      alignItems="flex-start"
                      divider
                      data-testid={`check-${result.checkId}`}
                      // an exempt result neither passes nor fails: greyed
                      style={
                        result.status === 'exempt'
                          ? { opacity: 0.6 }
                          : undefined
                      }
                    >
                      <ListItemIcon>
                        <StatusIcon status={result.status} />
                      </ListItemIcon>
                      <ListItemText
                        disableTypography
                        primary={
                          <Box display="flex" alignItems="center" gridGap={8}>
                            <Typography variant="subtitle2">
                              {text.title}
                            </Typography>
                            <SeverityChip severity={result.severity} />
                            <Typography variant="caption" color="textSecondary">
                              {statusLabel[result.status]}
                            </Typography>
                          </Box>
                        }
                        secondary={
                          <>
                            <Typography variant="body2" color="textSecondary">
                              {result.message}
                            </Typography>
                            <CheckBasis result={result} />
                            {result.status === 'fail' &&
                              (result.remediation || text.remediation) && (
                                <Typography variant="body2">
                                  <strong>What to do: </strong>
                                  {result.remediation ?? text.remediation}
                                </Typography>
                              )}
                            {result.status === 'fail' && result.command && (
                              <Box className={classes.command}>
                                <code>{result.command}</code>
                                <CopyButton
                                  text={result.command}
                                  label="Copy command"
                                />
                              </Box>
                            )}
                            {result.status === 'fail' && (
                              <RequestExemptionButton
                                checkId={result.checkId}
                                checkTitle={text.title}
                                target={{ arns: [resource.arn] }}
                              />
                            )}
                            <ExemptionNote exemption={result.exemption} />
                          </>
                        }
                      />
                    </ListItem>
                  );
                })}
              </List>
            </Box>
          );
        })}

      <Divider className={classes.section} />
      <Typography variant="h6" component="h3" className={classes.section}>
        Tags
      </Typography>
      {tags.length ? (
        <Table size="small" aria-label="Tags">
          <TableBody>
            {tags.map(([key, tagValue]) => (
              <TableRow key={key}>
                <TableCell component="th" scope="row">
                  {key}
                </TableCell>
                <TableCell>{tagValue}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Typography variant="body2" color="textSecondary">
          No tags.
        </Typography>
      )}
    </Box>
  );
};
