import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
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
import type { EvidenceCoverageStore } from '../evidence/EvidenceCoverageStore';
import { ScanEvidence } from '../evidence/ScanEvidence';
import type { AwsOwnershipEvidenceProvider } from '@aws-ownership/backstage-plugin-node';
import { describeError } from './describeError';
import { loadCatalogSnapshot } from './loadCatalogSnapshot';
import { ResourceRater } from './ResourceRater';
import { TeamScoreRefresh } from './TeamScoreRefresh';
import type { ScanNotifier } from '../notify/ScanNotifier';

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
  /** The accounts in scope (default: `config.accounts`). */
  accounts?: { get(accountId: string): ScannedAccount | undefined };
  /** Recomputes the team scores after commits (default: one of its own). */
  teamScores?: TeamScoreRefresh;
  /** Evidence providers (the built-in AWS Config one and modules'); none: no evidence. */
  evidenceProviders?: ReadonlyArray<AwsOwnershipEvidenceProvider>;
  /** Where evidence coverage is kept. */
  coverage?: EvidenceCoverageStore;
  /** The exemptions active now, applied to every rating of a scan. Default none. */
  activeExemptions?: () => Promise<ReadonlyArray<Exemption>>;
  /** How often a running scan saves its progress. Default 1 s. */
  progressIntervalMs?: number;
  /** How long a scan waits for a catalog with no Groups yet (just started). Default 2 minutes. */
  catalogWaitMs?: number;
  /** Tells owners what each committed scan changed. */
  notifier?: ScanNotifier;
  /** Called once a scan's data is committed and aggregated (e.g. review action items close themselves); its failure only logs. */
  afterCommit?: (scan: Scan) => Promise<unknown>;
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
  private readonly teamScores: TeamScoreRefresh;

  constructor(private readonly options: ScanRunnerOptions) {
    this.teamScores =
      options.teamScores ??
      new TeamScoreRefresh({ store: options.store, config: options.config });
  }

  /** Scans one configured account; resolves with the finished scan. */
  async scanAccount(accountId: string, request: ScanRequest): Promise<Scan> {
    const { store, logger, config } = this.options;
    const account = this.options.accounts
      ? this.options.accounts.get(accountId)
      : config.accounts.find(a => a.accountId === accountId);
    if (!account) {
      throw new Error(`Account ${accountId} is not in scope`);
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

    const evidence = await ScanEvidence.read(
      this.options.evidenceProviders ?? [],
      { accountId: account.accountId, regions: account.regions, signal },
    );

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
                buffer.push(
                  rater.rate(
                    item,
                    outcome.region,
                    evidence.take(item.ResourceARN ?? '', outcome.region),
                  ),
                );
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
        for (const found of evidence.takeNeverTagged(outcome.region)) {
          buffer.push(
            rater.rateNeverTagged(found.arn, outcome.region, found.evidence),
          );
          progress.resourcesCollected++;
          if (buffer.length >= config.collector.writeBatchSize) await flush();
        }
        await flush();
        outcome.pages = collected.pages;
        outcome.status = 'succeeded';
      } catch (error) {
        if (signal?.aborted) throw error;
        evidence.discard(outcome.region);
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
    const { notifier } = this.options;
    // an account's first scan is a baseline, not a change to tell anyone about
    const baseline =
      notifier?.enabled &&
      !(await store.listCurrentRegions()).some(
        r => r.accountId === account.accountId,
      );
    // the previous owners are gone once the scan commits
    const ownershipChanges =
      status !== 'failed' && notifier?.wantsOwnershipChanges
        ? await store.listOwnershipChanges(
            scan.id,
            regions.filter(r => r.status === 'succeeded').map(r => r.region),
          )
        : [];
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
    await this.options.coverage
      ?.write(evidence.coverage(account.accountId, scan.id))
      .catch(error =>
        logger.warn(
          `Could not save evidence coverage of scan ${scan.id}: ${error}`,
        ),
      );

    if (status !== 'failed') {
      const pass = await this.teamScores.request({
        snapshotId: scan.id,
        teams,
      });
      await notifier?.notify({
        scanId: scan.id,
        previous:
          notifier.enabled && !baseline && pass.previous.computedAt
            ? pass.previous.scorecards
            : undefined,
        current: pass.current,
        ownershipChanges,
        teams,
        previousAt: pass.previous.computedAt,
        activeExemptions: notifier.enabled
          ? await this.options.activeExemptions?.()
          : undefined,
      });
    }
    const finished = (await store.getScan(scan.id))!;
    if (status !== 'failed' && this.options.afterCommit) {
      await this.options
        .afterCommit(finished)
        .catch(error =>
          logger.warn(`After scan ${scan.id}: ${describeError(error)}`),
        );
    }
    return finished;
  }
}
