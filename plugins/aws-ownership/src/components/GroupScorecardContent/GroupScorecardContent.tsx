import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Box, FormControlLabel, Grid, Switch } from '@material-ui/core';
import { useEntityScorecard } from '../../hooks/useEntityScorecard';
import { useCheckCatalogue } from '../../hooks/useCheckCatalogue';
import { isNotFound } from '../../utils';
import { ScoreSummary } from '../ScoreSummary';
import { ChecklistScores } from '../ChecklistScores';
import { FailingChecks } from '../FailingChecks';
import { RequestExemptionButton, TeamExemptions } from '../Exemptions';
import { ResourcesExplorer } from '../ResourcesExplorer';
import { ResourceFilterValues } from '../ResourceFilters';
import { StartReviewButton } from '../StartReviewButton';
import { VerifiedShare } from '../VerifiedShare';

// recharts is large: the score must not wait for it
const ScoreTrend = lazy(() =>
  import('../ScoreTrend').then(m => ({ default: m.ScoreTrend })),
);

/**
 * The "AWS ownership" tab of a Group: score and grade, the three checklists,
 * the trend over scans, the failing checks ranked by resources affected, and
 * the team's resources; optionally rolled up with its sub-teams.
 */
export const GroupScorecardContent = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const [includeDescendants, setIncludeDescendants] = useState(false);
  const [filters, setFilters] = useState<ResourceFilterValues>({});
  const resourcesRef = useRef<HTMLDivElement>(null);
  const scorecard = useEntityScorecard(entityRef, { includeDescendants });
  const checks = useCheckCatalogue();
  const baseQuery = useMemo(
    () => ({
      owner: [entityRef],
      ...(includeDescendants ? { includeDescendants: true } : {}),
    }),
    [entityRef, includeDescendants],
  );

  const toggle = (
    <FormControlLabel
      control={
        <Switch
          color="primary"
          checked={includeDescendants}
          onChange={(_e, checked) => setIncludeDescendants(checked)}
        />
      }
      label="Include sub-teams"
    />
  );

  const showResources = (checkId: string) => {
    setFilters(f => ({ ...f, checkId }));
    resourcesRef.current?.scrollIntoView?.({ behavior: 'smooth' });
  };

  let body: JSX.Element;
  if (scorecard.loading && !scorecard.value) {
    body = <Progress />;
  } else if (scorecard.error && !isNotFound(scorecard.error)) {
    body = <ResponseErrorPanel error={scorecard.error} />;
  } else if (
    !scorecard.value ||
    isNotFound(scorecard.error) ||
    scorecard.value.resourceCount === 0
  ) {
    body = (
      <EmptyState
        missing="data"
        title="No AWS resources owned by this team"
        description={
          includeDescendants
            ? 'Neither this team nor its sub-teams own a resource of the last scan.'
            : 'No resource of the last scan has an owner tag that resolves to this team. Include sub-teams, or tag resources with owner=<team>.'
        }
      />
    );
  } else {
    const value = scorecard.value;
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12} md={4}>
          <InfoCard title="AWS ownership score">
            <ScoreSummary scorecard={value} />
            <VerifiedShare query={baseQuery} />
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={8}>
          <InfoCard title="Checklists">
            <ChecklistScores checklists={value.checklists} />
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={6}>
          <InfoCard title="Failing checks">
            <FailingChecks
              failingChecks={value.failingChecks}
              checks={checks}
              onShowResources={showResources}
              renderActions={
                includeDescendants
                  ? undefined
                  : (check, title) => (
                      <RequestExemptionButton
                        checkId={check.checkId}
                        checkTitle={title}
                        target={{
                          teamRef: entityRef,
                          label: value.displayName ?? entityRef,
                        }}
                      />
                    )
              }
            />
            <TeamExemptions entityRef={entityRef} />
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={6}>
          <InfoCard title="Trend">
            <Suspense fallback={<Progress />}>
              <ScoreTrend entityRef={entityRef} />
            </Suspense>
          </InfoCard>
        </Grid>
        <Grid item xs={12} ref={resourcesRef}>
          <ResourcesExplorer
            title="Resources"
            baseQuery={baseQuery}
            filters={filters}
            onFiltersChange={setFilters}
            showOwner={includeDescendants}
          />
        </Grid>
      </Grid>
    );
  }

  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <Box display="flex" alignItems="center" justifyContent="space-between">
          {toggle}
          <StartReviewButton
            entityRef={entityRef}
            includeDescendants={includeDescendants}
          />
        </Box>
      </Grid>
      <Grid item xs={12}>
        {body}
      </Grid>
    </Grid>
  );
};
