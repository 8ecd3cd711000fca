import type { ResultEvidence } from '../evidence/types';
import type { ChecklistConfig } from '../config/types';
import type {
  AwsResource,
  OwnershipContext,
  ResponsibilityCategory,
} from '../model/types';
import type { NamingSubject } from './namingSubject';
import type { Severity } from './severity';
import type { TagLookup } from './tags';

/**
 * The three checklists.
 *
 * @public
 */
export type ChecklistId = 'naming' | 'tagging' | 'responsibility';

/**
 * Every checklist, in display order.
 *
 * @public
 */
export const checklistIds: ReadonlyArray<ChecklistId> = [
  'naming',
  'tagging',
  'responsibility',
];

/**
 * The outcome of one check on one resource.
 *
 * @public
 */
export type CheckStatus = 'pass' | 'fail' | 'not-applicable' | 'exempt';

/**
 * What decided a responsibility result: a fact AWS records, or a tag that declares an intention.
 *
 * @public
 */
export type CheckBasis = 'verified' | 'declared';

/**
 * What a check's `evaluate` returns.
 *
 * @public
 */
export interface CheckOutcome {
  /** `pass`, `fail` or `not-applicable` (`exempt` only once an exemption waived a failure). */
  status: CheckStatus;
  /** What was found, naming the keys, values or names involved. */
  message: string;
  /** What to do, when the check fails. */
  remediation?: string;
  /** The AWS CLI command that fixes it, when there is one (also quoted in `remediation`). */
  command?: string;
  /** What decided it, for responsibility checks: `verified` when a fact did, `declared` when a tag did. */
  basis?: CheckBasis;
  /** The fact that decided a verified result, with its capture time and source. */
  evidence?: ResultEvidence;
}

/**
 * One check's result on one resource, as stored and served.
 *
 * @public
 */
export interface CheckResult extends CheckOutcome {
  /** The check's stable id, e.g. `tagging.required`. */
  checkId: string;
  /** The checklist the check belongs to. */
  checklist: ChecklistId;
  /** The severity the check was rated with (after config overrides). */
  severity: Severity;
  /** The exemption that waived this failure, when `status` is `exempt`. */
  exemption?: ResultExemption;
}

/**
 * The exemption an `exempt` result names: which one, why, and until when.
 *
 * @public
 */
export interface ResultExemption {
  /** The exemption's id. */
  id: string;
  /** Why the check does not apply to this resource. */
  reason: string;
  /** When the exemption ends (ISO 8601); from then on the check fails again. */
  expiresAt: string;
}

/**
 * A check as the frontend explains it: everything but the rule itself.
 *
 * @public
 */
export interface CheckDefinition {
  /** Stable public id, `checklist.name`. */
  id: string;
  /** The checklist it belongs to. */
  checklist: ChecklistId;
  /** A short title. */
  title: string;
  /** What the check verifies and why it matters. */
  description: string;
  /** Default severity. */
  severity: Severity;
  /** Which resources it applies to, in words. */
  appliesTo: string;
  /** General guidance on fixing a failure. */
  remediation: string;
}

/**
 * Everything a check sees: the resource, who owns it, and the config.
 *
 * @public
 */
export interface CheckInput {
  /** The resource being rated. */
  resource: AwsResource;
  /** Its ownership, resolved by the backend. */
  context: OwnershipContext;
  /** The resolved checklist config. */
  config: ChecklistConfig;
  /** The resource's category, with config overrides applied. */
  category: ResponsibilityCategory;
  /** Case-insensitive view of the resource's tags. */
  tags: TagLookup;
  /** The name the naming checks judge (the `Name` tag, else the human part of the id), derived once per rating. */
  naming: NamingSubject;
}

/**
 * A check: a definition plus a pure rule. Built-in and custom checks (added
 * through the backend's extension point) share this type and are rated alike.
 *
 * @public
 */
export interface Check extends CheckDefinition {
  /** Rates one resource; must not mutate its input. */
  evaluate(input: CheckInput): CheckOutcome;
}
