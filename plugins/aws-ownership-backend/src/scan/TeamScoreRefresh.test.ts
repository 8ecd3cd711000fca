import type { AwsOwnershipStore } from '../database/types';
import { TeamScoreRefresh } from './TeamScoreRefresh';

describe('TeamScoreRefresh', () => {
  it('runs one more pass for the requests made while a pass runs, with the latest snapshot id', async () => {
    const written: string[] = [];
    let release: () => void = () => {};
    const firstPassBlocked = new Promise<void>(r => (release = r));
    const store = {
      async listCurrentRegionTotals() {
        if (!written.length) await firstPassBlocked;
        return [];
      },
      async writeTeamScores({ snapshotId }: { snapshotId: string }) {
        written.push(snapshotId);
      },
      async pruneTeamScores() {
        return 0;
      },
      async pruneOwnershipChanges() {
        return 0;
      },
      async getLatestTeamScores() {
        return { scorecards: [], previousScores: {} };
      },
    } as unknown as AwsOwnershipStore;
    const refresh = new TeamScoreRefresh({
      store,
      config: { history: { retention: { days: 1 } } },
    });

    const first = refresh.request({ snapshotId: 'scan-1', teams: [] });
    const second = refresh.request({ snapshotId: 'scan-2', teams: [] });
    const third = refresh.request({ snapshotId: 'scan-3', teams: [] });
    release();
    await Promise.all([first, second, third]);
    expect(written).toEqual(['scan-1', 'scan-3']);

    // a request after the passes ended gets a pass of its own
    await refresh.request({ snapshotId: 'scan-4', teams: [] });
    expect(written).toEqual(['scan-1', 'scan-3', 'scan-4']);
  });

  it('prunes the team scores and the ownership changes older than the history retention', async () => {
    const pruned: Array<[string, Date]> = [];
    const store = {
      async listCurrentRegionTotals() {
        return [];
      },
      async writeTeamScores() {},
      async pruneTeamScores(cutoff: Date) {
        pruned.push(['teamScores', cutoff]);
        return 0;
      },
      async pruneOwnershipChanges(cutoff: Date) {
        pruned.push(['ownershipChanges', cutoff]);
        return 0;
      },
      async getLatestTeamScores() {
        return { scorecards: [], previousScores: {} };
      },
    } as unknown as AwsOwnershipStore;
    const refresh = new TeamScoreRefresh({
      store,
      config: { history: { retention: { days: 30 } } },
    });
    const started = Date.now();
    await refresh.request({ snapshotId: 'scan-1', teams: [] });
    expect(pruned.map(([what]) => what)).toEqual([
      'teamScores',
      'ownershipChanges',
    ]);
    const [[, cutoff], [, same]] = pruned;
    expect(same).toEqual(cutoff);
    const days = (started - cutoff.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(29.99);
    expect(days).toBeLessThanOrEqual(30);
  });
});
