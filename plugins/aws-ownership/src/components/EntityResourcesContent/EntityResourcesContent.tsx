import { useMemo } from 'react';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Grid } from '@material-ui/core';
import { useEntityScorecard } from '../../hooks/useEntityScorecard';
import { useCheckCatalogue } from '../../hooks/useCheckCatalogue';
import { isNotFound } from '../../utils';
import { ScoreSummary } from '../ScoreSummary';
import { ChecklistScores } from '../ChecklistScores';
import { FailingChecks } from '../FailingChecks';
import { ResourcesExplorer } from '../ResourcesExplorer';

/**
 * The "AWS resources" tab of a Component or System: the resources attached
 * to it (by their component tag) and their ratings.
 */
export const EntityResourcesContent = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const scorecard = useEntityScorecard(entityRef);
  const checks = useCheckCatalogue();
  const baseQuery = useMemo(() => ({ component: [entityRef] }), [entityRef]);

  if (scorecard.loading) return <Progress />;
  if (scorecard.error && !isNotFound(scorecard.error)) {
    return <ResponseErrorPanel error={scorecard.error} />;
  }
  if (!scorecard.value || scorecard.value.resourceCount === 0) {
    return (
      <EmptyState
        missing="data"
        title={`No AWS resources attached to this ${entity.kind.toLocaleLowerCase(
          'en-US',
        )}`}
        description={`Tag resources with component=${entity.metadata.name} (or app, application) to attach them.`}
      />
    );
  }
  const value = scorecard.value;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={4}>
        <InfoCard title="AWS ownership score">
          <ScoreSummary scorecard={value} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={8}>
        <InfoCard title="Checklists">
          <ChecklistScores checklists={value.checklists} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Failing checks">
          <FailingChecks
            failingChecks={value.failingChecks}
            checks={checks}
            max={5}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <ResourcesExplorer title="Resources" baseQuery={baseQuery} showOwner />
      </Grid>
    </Grid>
  );
};
