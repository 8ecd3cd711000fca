import type { ChecklistConfig } from '../config/types';
import { defaultChecklistConfig } from '../config/defaultChecklistConfig';
import type { Grade } from './grade';
import { roundScore } from './grade';
import { scoreResults } from './scoreResults';
import { scoreTeam } from './scoreTeam';
import type { ResourceRating } from './types';

/**
 * One fix a team could make: every resource failing one check made to pass it,
 * and what the team's score and grade would then be.
 *
 * @public
 */
export interface RankedFix {
  /** The check to fix. */
  checkId: string;
  /** The ARNs of the resources failing it (the ones to touch). */
  arns: string[];
  /** The team's score and grade now. */
  before: { score: number; grade: Grade };
  /** The team's score and grade once those resources pass the check. */
  after: { score: number; grade: Grade };
  /** `after.score - before.score`, one decimal. */
  gain: number;
  /** The gain divided by the number of resources to touch, two decimals. */
  gainPerResource: number;
}

/**
 * A team's fixes, best first: for each failing check, the team re-scored
 * (with `scoreResults` and `scoreTeam`, as the next scan will score it) with
 * that check passing on every resource failing it; ranked by score gained per
 * resource touched, then by total gain, then by check id.
 *
 * @public
 */
export function rankFixes(
  ratings: ReadonlyArray<ResourceRating>,
  config: Pick<ChecklistConfig, 'scoring'> = defaultChecklistConfig,
): RankedFix[] {
  const before = scoreTeam(ratings);
  const fixes: RankedFix[] = [];
  for (const { checkId } of before.failingChecks) {
    const arns: string[] = [];
    const rescored = ratings.map(rating => {
      if (
        !rating.results.some(r => r.checkId === checkId && r.status === 'fail')
      ) {
        return rating;
      }
      arns.push(rating.arn);
      const results = rating.results.map(r =>
        r.checkId === checkId && r.status === 'fail'
          ? { ...r, status: 'pass' as const }
          : r,
      );
      return { ...rating, ...scoreResults(results, config), results };
    });
    const after = scoreTeam(rescored);
    const gain = roundScore(after.score - before.score);
    fixes.push({
      checkId,
      arns,
      before: { score: before.score, grade: before.grade },
      after: { score: after.score, grade: after.grade },
      gain,
      gainPerResource: Math.round((100 * gain) / arns.length) / 100,
    });
  }
  return fixes.sort(
    (a, b) =>
      b.gainPerResource - a.gainPerResource ||
      b.gain - a.gain ||
      a.checkId.localeCompare(b.checkId),
  );
}
