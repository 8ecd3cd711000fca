import { durationToMilliseconds } from '@backstage/types';
import type { AwsOwnershipConfig } from '../config/types';
import type { AwsOwnershipStore, StoredTeam } from '../database/types';
import { aggregateTeamScores } from './aggregateTeamScores';

/** What a committed scan asks of the team scores. */
export interface TeamScoreRequest {
  /** The snapshot's id: the latest committed scan's. */
  snapshotId: string;
  teams: StoredTeam[];
}

/**
 * Recomputes the team scores (one pass over every current resource) after
 * scans commit. Scans that commit while a pass runs share one more pass, with
 * the latest scan's id and teams, instead of one pass each: with many accounts
 * scanned at once the passes, not the scans, would otherwise take the time.
 * Each request resolves once a pass that started after it has finished.
 */
export class TeamScoreRefresh {
  private loop?: Promise<void>;
  private latest?: TeamScoreRequest;

  constructor(
    private readonly options: {
      store: AwsOwnershipStore;
      config: Pick<AwsOwnershipConfig, 'history'>;
    },
  ) {}

  /** Asks for a pass that sees this scan's commit. */
  request(request: TeamScoreRequest): Promise<void> {
    this.latest = request;
    this.loop ??= this.run().finally(() => {
      this.loop = undefined;
    });
    return this.loop;
  }

  private async run(): Promise<void> {
    const { store, config } = this.options;
    while (this.latest) {
      const { snapshotId, teams } = this.latest;
      this.latest = undefined;
      const computedAt = new Date();
      await aggregateTeamScores({ store, teams, snapshotId, computedAt });
      await store.pruneTeamScores(
        new Date(
          computedAt.getTime() -
            durationToMilliseconds(config.history.retention),
        ),
      );
    }
  }
}
