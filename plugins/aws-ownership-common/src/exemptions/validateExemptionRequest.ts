import type { ExemptionSelector } from './types';

/**
 * The shortest reason an exemption may give.
 *
 * @public
 */
export const MIN_EXEMPTION_REASON_LENGTH = 20;

/**
 * The longest an exemption may last unless `awsOwnership.exemptions.maxDays` says otherwise.
 *
 * @public
 */
export const DEFAULT_EXEMPTION_MAX_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What a person asks to exempt.
 *
 * @public
 */
export interface ExemptionRequest {
  /** The check to waive. */
  checkId: string;
  /** The resources, by ARN; or give a selector. */
  arns?: string[];
  /** The resources, by their fields; or give ARNs. */
  selector?: ExemptionSelector;
  /** Why (at least 20 characters). */
  reason: string;
  /** When it ends (ISO 8601), after now and within the configured maximum. */
  expiresAt: string;
}

/**
 * The problems of an exemption request, one sentence each (none when it is
 * valid): a known check, ARNs or a non-empty selector (not both), a reason of
 * at least 20 characters, an expiry after `now` and at most `maxDays` away.
 *
 * @public
 */
export function validateExemptionRequest(
  request: ExemptionRequest,
  options: { now: Date; maxDays: number; checkIds: ReadonlyArray<string> },
): string[] {
  const problems: string[] = [];
  if (!options.checkIds.includes(request.checkId)) {
    problems.push(`checkId: no check ${request.checkId} is in force`);
  }
  const hasArns = (request.arns?.length ?? 0) > 0;
  const selector = request.selector;
  const hasSelector =
    selector !== undefined &&
    Object.values(selector).some(value => value !== undefined);
  if (hasArns === hasSelector) {
    problems.push('give either arns or a selector with at least one field');
  }
  if (request.reason.trim().length < MIN_EXEMPTION_REASON_LENGTH) {
    problems.push(
      `reason: at least ${MIN_EXEMPTION_REASON_LENGTH} characters saying why the check is wrong for these resources`,
    );
  }
  const expires = Date.parse(request.expiresAt);
  if (Number.isNaN(expires)) {
    problems.push('expiresAt: not a date and time (ISO 8601)');
  } else if (expires <= options.now.getTime()) {
    problems.push('expiresAt: must be in the future');
  } else if (expires > options.now.getTime() + options.maxDays * DAY_MS) {
    problems.push(
      `expiresAt: at most ${options.maxDays} days from now (awsOwnership.exemptions.maxDays)`,
    );
  }
  return problems;
}
