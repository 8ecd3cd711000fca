/** Calls of one operation by one account in one region, by outcome. */
export interface CallCount {
  accountId: string;
  region: string;
  operation: string;
  /** Every call, whatever its outcome. */
  calls: number;
  /** Calls answered `ThrottledException` (quota or injected fault). */
  throttled: number;
  /** Calls answered with any other error. */
  errors: number;
}

/** What the emulator has served since it started or was last reset. */
export interface EmulatorStats {
  since: string;
  totalCalls: number;
  /** One entry per account, region and operation, sorted. */
  calls: CallCount[];
  /** Pagination tokens that are still valid. */
  openPaginationTokens: number;
  /** Resources the loaded inventory lists (IAM users and roles excluded). */
  resources: number;
}

/** How a call ended. */
export type CallOutcome = 'ok' | 'throttled' | 'error';

/** Counts calls per account, region and operation. */
export class StatsRecorder {
  private counts = new Map<string, CallCount>();
  private since = new Date();

  /** Counts one call. */
  record(
    accountId: string,
    region: string,
    operation: string,
    outcome: CallOutcome,
  ): void {
    const key = `${accountId}|${region}|${operation}`;
    let count = this.counts.get(key);
    if (!count) {
      count = {
        accountId,
        region,
        operation,
        calls: 0,
        throttled: 0,
        errors: 0,
      };
      this.counts.set(key, count);
    }
    count.calls++;
    if (outcome === 'throttled') count.throttled++;
    if (outcome === 'error') count.errors++;
  }

  /** A copy of the counts. */
  snapshot(
    extra: Pick<EmulatorStats, 'openPaginationTokens' | 'resources'>,
  ): EmulatorStats {
    const calls = [...this.counts.values()]
      .map(c => ({ ...c }))
      .sort((a, b) =>
        `${a.accountId}|${a.region}|${a.operation}`.localeCompare(
          `${b.accountId}|${b.region}|${b.operation}`,
        ),
      );
    return {
      since: this.since.toISOString(),
      totalCalls: calls.reduce((sum, c) => sum + c.calls, 0),
      calls,
      ...extra,
    };
  }

  /** Forgets every count. */
  reset(): void {
    this.counts = new Map();
    this.since = new Date();
  }
}
