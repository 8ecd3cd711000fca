import { severities, severityWeights } from '../checks/severity';
import type { CheckResult } from '../checks/types';
import { defaultChecklistConfig } from '../config/defaultChecklistConfig';
import type { ChecklistConfig } from '../config/types';
import { gradeForScore, roundScore } from './grade';
import type { ResourceRating } from './types';

/**
 * A resource's scores from its check results: what `evaluateResource` puts beside the results.
 *
 * @public
 */
export type ResultsScore = Pick<
  ResourceRating,
  'score' | 'grade' | 'rawScore' | 'cappedBy'
>;

/**
 * Scores a resource's results (CHECKLISTS.md section 4): the raw score is
 * `100 * passed weight / applicable weight` (100 when nothing applies;
 * `exempt` and `not-applicable` results weigh nothing); the
 * score is the raw score capped by the worst failing severity that has a cap
 * in `scoring.caps`. `cappedBy` names the first failing check of that
 * severity, and is set only when the cap lowered the score.
 *
 * @public
 */
export function scoreResults(
  results: ReadonlyArray<Pick<CheckResult, 'checkId' | 'status' | 'severity'>>,
  config: Pick<ChecklistConfig, 'scoring'> = defaultChecklistConfig,
): ResultsScore {
  let applicable = 0;
  let passed = 0;
  for (const { status, severity } of results) {
    // an exempt result neither passes nor fails: it leaves the applicable weight
    if (status === 'not-applicable' || status === 'exempt') continue;
    const weight = severityWeights[severity] ?? 0;
    applicable += weight;
    if (status === 'pass') passed += weight;
  }
  const rawScore =
    applicable === 0 ? 100 : roundScore((100 * passed) / applicable);
  const caps = config.scoring.caps;
  // the first failure of the most severe failing severity that has a cap
  let worst: (typeof results)[number] | undefined;
  for (const result of results) {
    if (result.status !== 'fail' || caps[result.severity] === undefined) {
      continue;
    }
    if (
      worst === undefined ||
      severities.indexOf(result.severity) < severities.indexOf(worst.severity)
    ) {
      worst = result;
    }
  }
  const cap = worst && caps[worst.severity];
  if (worst === undefined || cap === undefined || cap >= rawScore) {
    return { score: rawScore, grade: gradeForScore(rawScore), rawScore };
  }
  return {
    score: cap,
    grade: gradeForScore(cap),
    rawScore,
    cappedBy: { checkId: worst.checkId, severity: worst.severity, cap },
  };
}
