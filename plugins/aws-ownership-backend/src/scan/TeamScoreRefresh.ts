import { durationToMilliseconds } from '@backstage/types';
import type { AwsOwnershipConfig } from '../config/types';
import type { AwsOwnershipStore, StoredTeam } from '../database/types';
import type { TeamScorecard } from '../schema/types';
import { aggregateTeamScores } from './aggregateTeamScores';

/** What a committed scan asks of the team scores. */
export interface TeamScoreRequest {
  /** The snapshot's id: the latest committed scan's. */
  snapshotId: string;
  teams: StoredTeam[];
}

/** The team scores before and after the pass that saw a scan's commit. */
export interface TeamScorePass {
  /** The latest snapshot before the pass; `computedAt` is absent when there was none. */
  previous: { computedAt?: string; scorecards: TeamScorecard[] };
  /** The scores the pass wrote. */
  current: TeamScorecard[];
}

interface Waiting {
  resolve(pass: TeamScorePass): void;
  reject(error: unknown): void;
}

/**
 * Recomputes the team scores (one pass over every current resource) after
 * scans commit. Scans that commit while a pass runs share one more pass, with
 * the latest scan's id and teams, instead of one pass each: with many accounts
 * scanned at once the passes, not the scans, would otherwise take the time.
 * Each request resolves, with the scores before and after, once a pass that
 * started after it has finished.
 */
export class TeamScoreRefresh {
  private loop?: Promise<void>;
  private latest?: TeamScoreRequest;
  private waiting: Waiting[] = [];

  constructor(
    private readonly options: {
      store: AwsOwnershipStore;
      config: Pick<AwsOwnershipConfig, 'history'>;
    },
  ) {}

  /** Asks for a pass that sees this scan's commit. */
  request(request: TeamScoreRequest): Promise<TeamScorePass> {
    this.latest = request;
    const pass = new Promise<TeamScorePass>((resolve, reject) =>
      this.waiting.push({ resolve, reject }),
    );
    this.loop ??= this.run().finally(() => {
      this.loop = undefined;
    });
    return pass;
  }

  private async run(): Promise<void> {
    while (this.latest) {
      const request = this.latest;
      const waiting = this.waiting;
      this.latest = undefined;
      this.waiting = [];
      try {
        const pass = await this.pass(request);
        waiting.forEach(w => w.resolve(pass));
      } catch (error) {
        waiting.forEach(w => w.reject(error));
      }
    }
  }

  private async pass({
    snapshotId,
    teams,
  }: TeamScoreRequest): Promise<TeamScorePass> {
    const { store, config } = this.options;
    const { computedAt: previousAt, scorecards } =
      await store.getLatestTeamScores();
    const computedAt = new Date();
    const current = await aggregateTeamScores({
      store,
      teams,
      snapshotId,
      computedAt,
    });
    // the ownership changes are history too, read by team reviews
    const cutoff = new Date(
      computedAt.getTime() - durationToMilliseconds(config.history.retention),
    );
    await store.pruneTeamScores(cutoff);
    await store.pruneOwnershipChanges(cutoff);
    return { previous: { computedAt: previousAt, scorecards }, current };
  }
}
