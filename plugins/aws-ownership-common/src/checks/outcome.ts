import type { Severity } from './severity';
import type {
  CheckOutcome,
  CheckResult,
  CheckStatus,
  ChecklistId,
} from './types';

// While the engine rates with a built-in check, the check builds its result
// directly (one object, properties in the stored order), not an outcome the
// engine would copy. Called on its own, a check returns a plain outcome.

/** What a result says of the check that gave it: the engine's planned check. @internal */
export interface RatedAs {
  /** The check's id. */
  readonly checkId: string;
  /** Its checklist. */
  readonly checklist: ChecklistId;
  /** The severity it is rated with. */
  readonly severity: Severity;
}

let current: RatedAs | undefined;

/** The engine is about to call a built-in check: its outcome becomes a result with these. @internal */
export function rateAs(check: RatedAs): void {
  current = check;
}

/** The engine is done with built-in checks. @internal */
export function stopRating(): void {
  current = undefined;
}

/** A built-in check's outcome (or, while the engine rates, its result). @internal */
export function outcome(
  status: CheckStatus,
  message: string,
  remediation?: string,
  command?: string,
): CheckOutcome {
  if (current !== undefined) {
    return result(current, status, message, remediation, command);
  }
  if (remediation === undefined) {
    if (command === undefined) return { status, message };
    return { status, message, command };
  }
  if (command === undefined) return { status, message, remediation };
  return { status, message, remediation, command };
}

function result(
  { checkId, checklist, severity }: RatedAs,
  status: CheckStatus,
  message: string,
  remediation: string | undefined,
  command: string | undefined,
): CheckResult {
  // one literal per shape (same key order), rather than adding properties
  if (remediation === undefined) {
    if (command === undefined) {
      return {
        checkId,
        checklist,
        status,
        severity,
        message,
      };
    }
    return {
      checkId,
      checklist,
      status,
      severity,
      message,
      command,
    };
  }
  if (command === undefined) {
    return {
      checkId,
      checklist,
      status,
      severity,
      message,
      remediation,
    };
  }
  return {
    checkId,
    checklist,
    status,
    severity,
    message,
    remediation,
    command,
  };
}
