import type { CheckResult } from '../checks/types';
import { defaultChecklistConfig } from '../config/defaultChecklistConfig';
import type { ChecklistConfig } from '../config/types';
import { scoreResults } from '../scoring/scoreResults';
import type { ResourceRating } from '../scoring/types';
import { exemptionCovers, type SelectableResource } from './exemptionCovers';
import { exemptionStatusAt } from './exemptionStatusAt';
import type { Exemption } from './types';

/**
 * Applies exemptions to a rating at `now`: a failing result of a check that
 * an exemption active at `now` covers becomes `exempt`, naming it; an
 * `exempt` result no active exemption covers any more (expired, revoked)
 * fails again. Passing results stay passing. The rating is rescored: exempt
 * results leave the applicable weight and no cap counts them. Without
 * `resource` only exemptions listing the rating's ARN match.
 *
 * @public
 */
export function applyExemptions(
  rating: ResourceRating,
  exemptions: ReadonlyArray<Exemption>,
  now: Date,
  options: {
    resource?: SelectableResource;
    config?: Pick<ChecklistConfig, 'scoring'>;
  } = {},
): ResourceRating {
  const { resource } = options;
  const active = exemptions.filter(
    e =>
      exemptionStatusAt(e, now) === 'active' &&
      (resource ? exemptionCovers(e, resource) : e.arns.includes(rating.arn)),
  );
  let changed = false;
  const results = rating.results.map((result): CheckResult => {
    if (result.status !== 'fail' && result.status !== 'exempt') return result;
    const exemption = active.find(e => e.checkId === result.checkId);
    if (exemption) {
      if (result.exemption?.id === exemption.id) return result;
      changed = true;
      return {
        ...result,
        status: 'exempt',
        exemption: {
          id: exemption.id,
          reason: exemption.reason,
          expiresAt: exemption.expiresAt,
        },
      };
    }
    if (result.status === 'fail') return result;
    changed = true;
    const { exemption: _ended, ...failing } = result;
    return { ...failing, status: 'fail' };
  });
  if (!changed) return rating;
  const { score, grade, rawScore, cappedBy } = scoreResults(
    results,
    options.config ?? defaultChecklistConfig,
  );
  const rescored: ResourceRating = {
    arn: rating.arn,
    score,
    grade,
    rawScore,
    results,
  };
  if (cappedBy) rescored.cappedBy = cappedBy;
  return rescored;
}
