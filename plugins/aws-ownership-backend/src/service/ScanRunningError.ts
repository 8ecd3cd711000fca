import { ConflictError } from '@backstage/errors';
import type { Scan } from '../schema/types';

/** A scan request refused because the account's scan is already running (409). */
export class ScanRunningError extends ConflictError {
  /** The scans in progress, served as `error.runningScanIds` (empty when the task is between two steps of a run). */
  readonly runningScanIds: string[];

  constructor(accountId: string, running?: Scan) {
    super(
      running
        ? `Scan ${running.id} of ${accountId} is running; ask again when it has finished`
        : `The scan task of ${accountId} is running; ask again when it has finished`,
    );
    this.runningScanIds = running ? [running.id] : [];
  }
}
