import { useMemo, useRef, useState } from 'react';
import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import {
  Box,
  Grid,
  MenuItem,
  TextField,
  Tooltip,
  Typography,
} from '@material-ui/core';
import {
  ApiScorecardList,
  unownedTeamRef,
} from '@aws-ownership/backstage-plugin-common';
import { useScorecardList } from '../../hooks/useScorecardList';
import { absoluteTime, relativeTime } from '../../utils';
import { EvidenceCoverage } from '../EvidenceCoverage';
import { Leaderboard } from '../Leaderboard';
import { ResourcesExplorer } from '../ResourcesExplorer';
import { ScanNowButton } from '../ScanNowButton';
import { StartReviewButton } from '../StartReviewButton';
import { ExemptionApprovals } from '../Exemptions';

const allOwners = '*';

const LastScan = (props: { list: ApiScorecardList }) => {
  const { computedAt, staleRegions } = props.list;
  return (
    <Box mb={2}>
      <Typography variant="body2" data-testid="aws-ownership-last-scan">
        Last scan:{' '}
        {computedAt ? (
          <Tooltip title={absoluteTime(computedAt)}>
            <span>
              {relativeTime(computedAt)} ({absoluteTime(computedAt)})
            </span>
          </Tooltip>
        ) : (
          'none yet'
        )}
      </Typography>
      {staleRegions.length > 0 && (
        <Box mt={1}>
          <WarningPanel
            title={`${staleRegions.length} stale region${
              staleRegions.length === 1 ? '' : 's'
            }`}
            message="These regions failed in the last scan; their resources are shown as last seen."
          >
            <ul>
              {staleRegions.map(r => (
                <li key={`${r.accountId}/${r.region}`}>
                  {r.accountId} {r.region}: last seen{' '}
                  {relativeTime(r.lastSeenAt)}
                </li>
              ))}
            </ul>
          </WarningPanel>
        </Box>
      )}
    </Box>
  );
};

/**
 * The ownership review page: the leaderboard of every team with the unowned
 * resources first, the resources with filters and a CSV export, the last
 * scan and stale regions, and "scan now" for those allowed.
 */
export const OwnershipReviewPage = () => {
  const list = useScorecardList();
  const [owner, setOwner] = useState<string>(unownedTeamRef);
  const resourcesRef = useRef<HTMLDivElement>(null);
  const baseQuery = useMemo(
    () => (owner === allOwners ? {} : { owner: [owner] }),
    [owner],
  );
  const teams = list.value?.items ?? [];

  const showResources = (teamRef: string) => {
    setOwner(teamRef);
    resourcesRef.current?.scrollIntoView?.({ behavior: 'smooth' });
  };

  let body: JSX.Element;
  if (list.loading && !list.value) {
    body = <Progress />;
  } else if (list.error) {
    body = <ResponseErrorPanel error={list.error} />;
  } else if (!teams.length) {
    body = (
      <>
        {list.value && <LastScan list={list.value} />}
        <EmptyState
          missing="data"
          title="No scorecards yet"
          description="No scan has rated a resource yet. Start a scan, or wait for the scheduled one."
        />
      </>
    );
  } else {
    body = (
      <>
        <LastScan list={list.value!} />
        <Leaderboard items={teams} onShowResources={showResources} />
        <Box mt={2}>
          <EvidenceCoverage />
        </Box>
        <div ref={resourcesRef}>
          <ContentHeader title="Resources">
            <TextField
              id="aws-ownership-owner"
              select
              size="small"
              variant="outlined"
              label="Owner"
              value={owner}
              onChange={e => setOwner(e.target.value)}
              style={{ minWidth: 220 }}
            >
              <MenuItem value={unownedTeamRef}>Unowned</MenuItem>
              <MenuItem value={allOwners}>All owners</MenuItem>
              {teams
                .filter(t => t.teamRef !== unownedTeamRef)
                .map(t => (
                  <MenuItem key={t.teamRef} value={t.teamRef}>
                    {t.displayName ?? t.teamRef}
                  </MenuItem>
                ))}
            </TextField>
          </ContentHeader>
          <ResourcesExplorer
            baseQuery={baseQuery}
            exportable
            showOwner
            pageSize={50}
            emptyTitle={
              owner === unownedTeamRef
                ? 'Every resource has an owner'
                : 'No AWS resources'
            }
          />
        </div>
      </>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="AWS ownership review"
        subtitle="Which team owns each AWS resource, and is it looked after?"
      />
      <Content>
        <ContentHeader title="Teams">
          <Box display="flex" style={{ gap: 8 }}>
            <StartReviewButton entityRef="organisation" />
            <ScanNowButton onFinished={list.retry} />
          </Box>
        </ContentHeader>
        <Grid container>
          <Grid item xs={12}>
            <ExemptionApprovals onChanged={list.retry} />
          </Grid>
          <Grid item xs={12}>
            {body}
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
};
