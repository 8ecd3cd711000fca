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
let rating = false;
let currentId = '';
let currentChecklist: ChecklistId = 'naming';
let currentSeverity: Severity = 'low';

/** The engine is about to call a built-in check: its outcome becomes a result with these. @internal */
export function rateAs(
  checkId: string,
  checklist: ChecklistId,
  severity: Severity,
): void {
  rating = true;
  currentId = checkId;
  currentChecklist = checklist;
  currentSeverity = severity;
}

/** The engine is done with built-in checks. @internal */
export function stopRating(): void {
  rating = false;
}

/** A built-in check's outcome (or, while the engine rates, its result). @internal */
export function outcome(
  status: CheckStatus,
  message: string,
  remediation?: string,
  command?: string,
): CheckOutcome {
  if (rating) return result(status, message, remediation, command);
  if (remediation === undefined) {
    if (command === undefined) return { status, message };
    return { status, message, command };
  }
  if (command === undefined) return { status, message, remediation };
  return { status, message, remediation, command };
}

function result(
  status: CheckStatus,
  message: string,
  remediation: string | undefined,
  command: string | undefined,
): CheckResult {
  // one literal per shape (same key order), rather than adding properties
  if (remediation === undefined) {
    if (command === undefined) {
      return {
        checkId: currentId,
        checklist: currentChecklist,
        status,
        severity: currentSeverity,
        message,
      };
    }
    return {
      checkId: currentId,
      checklist: currentChecklist,
      status,
      severity: currentSeverity,
      message,
      command,
    };
  }
  if (command === undefined) {
    return {
      checkId: currentId,
      checklist: currentChecklist,
      status,
      severity: currentSeverity,
      message,
      remediation,
    };
  }
  return {
    checkId: currentId,
    checklist: currentChecklist,
    status,
    severity: currentSeverity,
    message,
    remediation,
    command,
  };
}
