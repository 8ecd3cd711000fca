import type { CheckResult, ChecklistId } from '../checks/types';
import type { Severity } from '../checks/severity';
import type { Grade } from './grade';

/**
 * One resource's rating: its score, grade and every check result.
 *
 * @public
 */
export interface ResourceRating {
  /** The rated resource's ARN. */
  arn: string;
  /** The raw score capped by the worst failing check (`scoring.caps`): what grades and team means use. */
  score: number;
  /** The score's grade. */
  grade: Grade;
  /** `100 * passed weight / applicable weight`, one decimal; 100 when nothing applies. */
  rawScore: number;
  /** The first failing check of the worst capping severity; set only when its cap lowered the score. */
  cappedBy?: { checkId: string; severity: Severity; cap: number };
  /** One result per check run. */
  results: CheckResult[];
}

/**
 * A score and its grade.
 *
 * @public
 */
export interface ScoreAndGrade {
  /** The score, 0 to 100, one decimal. */
  score: number;
  /** Its grade. */
  grade: Grade;
}

/**
 * A check ranked by how many of a team's resources fail it.
 *
 * @public
 */
export interface FailingCheck {
  /** The check id. */
  checkId: string;
  /** Its checklist. */
  checklist: ChecklistId;
  /** Its severity (as rated). */
  severity: Severity;
  /** How many resources fail it. */
  failingResources: number;
}

/**
 * A team's aggregate over its resources' ratings: `score` is the mean of their
 * (capped) scores; `grade` is its grade, but at most C when a resource fails a
 * critical check.
 *
 * @public
 */
export interface TeamScore extends ScoreAndGrade {
  /** Per-checklist scores: the mean over resources of each resource's score on that checklist alone. */
  checklists: Record<ChecklistId, ScoreAndGrade>;
  /** How many resources were rated. */
  resourceCount: number;
  /** How many of them fail at least one check. */
  failingResourceCount: number;
  /** How many of them fail a `critical` check; any caps the team's grade at C. */
  criticalFailingResourceCount: number;
  /** How many check results an active exemption waived (counted apart: neither passing nor failing). */
  exemptResultCount: number;
  /** Failing checks, most-failed first (ties: heavier severity first, then id). */
  failingChecks: FailingCheck[];
}

/**
 * The sums behind a team score, before means and grades: JSON, and additive,
 * so the totals of disjoint sets of ratings add up to those of their union
 * (`TeamScoreAccumulator.addTotals`).
 *
 * @public
 */
export interface TeamScoreTotals {
  /** How many resources were rated. */
  resourceCount: number;
  /** The sum of their (capped) scores. */
  scoreSum: number;
  /** How many fail at least one check. */
  failingResourceCount: number;
  /** How many fail a `critical` check. */
  criticalFailingResourceCount: number;
  /** How many check results an exemption waived. */
  exemptResultCount: number;
  /** Per checklist, the sum over resources of each resource's score on that checklist alone. */
  checklistSums: Record<string, number>;
  /** Each failing check with how many resources fail it, in no particular order. */
  failingChecks: FailingCheck[];
}
