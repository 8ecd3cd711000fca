import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { durationToMilliseconds } from '@backstage/types';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Check,
  type Exemption,
  createOwnershipResolver,
} from '@aws-ownership/backstage-plugin-common';
import type {
  RatedResource,
  Scan,
  ScanProgress,
  ScanRegionOutcome,
} from '../schema/types';
import { collectRegion } from '../collector/collectRegion';
import { createTaggingClient } from '../collector/createTaggingClient';
import { RequestPacer } from '../collector/RequestPacer';
import type { AwsOwnershipConfig, ScannedAccount } from '../config/types';
import type { AwsOwnershipStore, StoredTeam } from '../database/types';
import { aggregateTeamScores } from './aggregateTeamScores';
import { describeError } from './describeError';
import { loadCatalogSnapshot } from './loadCatalogSnapshot';
import { ResourceRater } from './ResourceRater';

/** What the scan runner needs. */
export interface ScanRunnerOptions {
  config: AwsOwnershipConfig;
  store: AwsOwnershipStore;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  credentials: AwsCredentialsManager;
  /** Checks added by extension modules. */
  extraChecks: ReadonlyArray<Check>;
  /** The exemptions active now, applied to every rating of a scan. Default none. */
  activeExemptions?: () => Promise<ReadonlyArray<Exemption>>;
  /** How often a running scan saves its progress. Default 1 s. */
  progressIntervalMs?: number;
  /** How long a scan waits for a catalog with no Groups yet (just started). Default 2 minutes. */
  catalogWaitMs?: number;
}

/** How a scan was started. */
export interface ScanRequest {
  trigger: 'schedule' | 'manual';
  requestedBy?: string;
  signal?: AbortSignal;
}

const MAX_MALFORMED_LOGS = 20;

/**
 * Runs one account's scan: collect every region concurrently, rate each
 * resource with the common package, write in batches, commit, then aggregate
 * team scores. Readers keep seeing the previous data until the commit; a
 * failed region keeps its previous resources, marked stale.
 */
export class ScanRunner {
  constructor(private readonly options: ScanRunnerOptions) {}

  /** Scans one configured account; resolves with the finished scan. */
  async scanAccount(accountId: string, request: ScanRequest): Promise<Scan> {
    const { store, logger, config } = this.options;
    const account = config.accounts.find(a => a.accountId === accountId);
    if (!account) {
      throw new Error(`Account ${accountId} is not in awsOwnership.accounts`);
    }
    const abandoned = await store.abandonRunningScans(
      accountId,
      'Interrupted: the process running it stopped before it finished',
    );
    if (abandoned) {
      logger.warn(`Discarded ${abandoned} interrupted scan(s) of ${accountId}`);
    }

    const snapshot = await this.catalogSnapshot(request.signal);
    await store.replaceTeams(snapshot.teams);
    const rater = new ResourceRater(
      createOwnershipResolver(snapshot.entities, {
        ...config.checklists.ownership,
        escalationAnnotations:
          config.checklists.responsibility.escalationAnnotations,
      }),
      config.checklists,
      this.options.extraChecks,
      (await this.options.activeExemptions?.()) ?? [],
    );

    // a "scan now" request waiting for this account's task is served by this run
    const scan =
      (await store.claimPendingScan(accountId)) ??
      (await store.createScan({
        accountId,
        regions: account.regions,
        trigger: request.trigger,
        requestedBy: request.requestedBy,
      }));
    logger.info(
      `Scan ${scan.id} of ${accountId} started (${account.regions.join(', ')})`,
    );
    try {
      return await this.run(scan, account, rater, snapshot.teams, request);
    } catch (error) {
      const cancelled = request.signal?.aborted;
      await store.abandonScan(
        scan.id,
        cancelled ? 'cancelled' : 'failed',
        describeError(error),
      );
      logger.warn(
        `Scan ${scan.id} of ${accountId} ${
          cancelled ? 'was cancelled' : 'failed'
        }: ${describeError(error)}`,
      );
      throw error;
    }
  }

  /**
   * Reads the catalog; right after a portal starts it may not have processed
   * its Groups yet, and every owner would dangle: wait for them a while.
   */
  private async catalogSnapshot(signal?: AbortSignal) {
    const { catalog, auth, logger } = this.options;
    const waitMs = this.options.catalogWaitMs ?? 120_000;
    const pollMs = Math.min(5_000, waitMs / 4);
    let snapshot = await loadCatalogSnapshot(catalog, auth);
    for (
      let waited = 0;
      !snapshot.teams.length && waited < waitMs;
      waited += pollMs
    ) {
      if (waited === 0) {
        logger.info(
          'The catalog has no Groups yet; waiting for it to resolve owners',
        );
      }
      await new Promise(resolve => setTimeout(resolve, pollMs));
      signal?.throwIfAborted();
      snapshot = await loadCatalogSnapshot(catalog, auth);
    }
    if (!snapshot.teams.length) {
      logger.warn('The catalog has no Groups: every resource will be unowned');
    }
    return snapshot;
  }

  private async run(
    scan: Scan,
    account: ScannedAccount,
    rater: ResourceRater,
    teams: StoredTeam[],
    request: ScanRequest,
  ): Promise<Scan> {
    const { store, logger, config } = this.options;
    const { signal } = request;
    const regions: ScanRegionOutcome[] = account.regions.map(region => ({
      accountId: account.accountId,
      region,
      status: 'pending',
      resources: 0,
      pages: 0,
    }));
    const progress: ScanProgress = {
      regionsTotal: regions.length,
      regionsDone: 0,
      resourcesCollected: 0,
      resourcesRated: 0,
      resourcesMalformed: 0,
    };
    const saveProgress = () =>
      store
        .updateScanProgress(scan.id, regions, progress)
        .catch(error =>
          logger.warn(`Could not save progress of scan ${scan.id}: ${error}`),
        );
    const timer = setInterval(
      saveProgress,
      this.options.progressIntervalMs ?? 1000,
    );

    let credentials;
    try {
      credentials = (
        await this.options.credentials.getCredentialProvider({
          accountId: account.accountId,
        })
      ).sdkCredentialProvider;
    } catch (error) {
      clearInterval(timer);
      const reason = describeError(error);
      for (const outcome of regions) {
        outcome.status = 'failed';
        outcome.error = `No credentials for account ${account.accountId}: ${reason}`;
      }
      progress.regionsDone = regions.length;
      await store.completeScan(scan.id, {
        status: 'failed',
        regions,
        progress,
        error: regions[0]?.error,
      });
      return (await store.getScan(scan.id))!;
    }

    let malformedLogged = 0;
    const collectOne = async (outcome: ScanRegionOutcome) => {
      outcome.status = 'running';
      outcome.startedAt = new Date().toISOString();
      const client = createTaggingClient({
        region: outcome.region,
        credentials,
        endpoint: config.endpoint,
        maxAttempts: config.collector.maxAttempts,
        pacer: new RequestPacer(config.collector.requestsPerSecond),
        signal,
      });
      let buffer: RatedResource[] = [];
      const flush = async () => {
        if (!buffer.length) return;
        const batch = buffer;
        buffer = [];
        const written = await store.writeResources(scan.id, batch);
        outcome.resources += written;
        progress.resourcesRated += written;
      };
      try {
        const collected = await collectRegion({
          client,
          includeComplianceDetails: config.includeComplianceDetails,
          signal,
          onPage: async items => {
            outcome.pages++;
            progress.resourcesCollected += items.length;
            for (const item of items) {
              try {
                buffer.push(rater.rate(item, outcome.region));
              } catch (error) {
                progress.resourcesMalformed =
                  (progress.resourcesMalformed ?? 0) + 1;
                if (malformedLogged++ < MAX_MALFORMED_LOGS) {
                  logger.warn(
                    `Skipped a malformed resource in ${account.accountId}/${
                      outcome.region
                    }: ${describeError(error)}`,
                  );
                }
              }
            }
            if (buffer.length >= config.collector.writeBatchSize) await flush();
          },
        });
        await flush();
        outcome.pages = collected.pages;
        outcome.status = 'succeeded';
      } catch (error) {
        if (signal?.aborted) throw error;
        outcome.status = 'failed';
        outcome.error = describeError(error);
        logger.warn(
          `Region ${account.accountId}/${outcome.region} failed in scan ${scan.id}: ${outcome.error}`,
        );
      } finally {
        client.destroy();
        outcome.finishedAt = new Date().toISOString();
        progress.regionsDone++;
      }
    };

    // Every region settles before the scan ends, so no write lands after it.
    const settled = await Promise.allSettled(regions.map(collectOne));
    clearInterval(timer);
    signal?.throwIfAborted();
    const crashed = settled.find(
      (r): r is PromiseRejectedResult => r.status === 'rejected',
    );
    if (crashed) throw crashed.reason;

    const succeeded = regions.filter(r => r.status === 'succeeded').length;
    let status: 'succeeded' | 'partial' | 'failed' = 'partial';
    if (succeeded === regions.length) status = 'succeeded';
    else if (succeeded === 0) status = 'failed';
    await store.completeScan(scan.id, {
      status,
      regions,
      progress,
      error:
        status === 'failed' ? 'Every region of the account failed' : undefined,
    });
    logger.info(
      `Scan ${scan.id} of ${account.accountId} ${status}: ${progress.resourcesRated} resources, ${progress.resourcesMalformed} malformed`,
    );

    if (status !== 'failed') {
      const computedAt = new Date();
      await aggregateTeamScores({
        store,
        teams,
        snapshotId: scan.id,
        computedAt,
      });
      const cutoff = new Date(
        computedAt.getTime() - durationToMilliseconds(config.history.retention),
      );
      await store.pruneTeamScores(cutoff);
    }
    return (await store.getScan(scan.id))!;
  }
}
