import {
  AwsResource,
  applyExemptions,
  Check,
  ChecklistConfig,
  CheckResult,
  evaluateResource,
  Exemption,
  scoreResults,
} from '@aws-ownership/backstage-plugin-common';
import type { RatedResource } from '../schema/types';

/**
 * The store keeps each result's check, status and severity, not its texts
 * (they would be most of every row). This rebuilds the message, remediation
 * and command with the common package, from the stored resource and its
 * ownership; the stored status stays authoritative. Where the checklist
 * settings changed since the scan and a check now decides otherwise, the
 * message says so instead of contradicting the status. The raw score and
 * the check that capped the score follow from the stored results under the
 * configured caps. Exemptions active at `now` then apply (and those that
 * ended since the scan stop applying), so approval, revocation and expiry
 * show at once; when they change a result the score is recomputed.
 */
export function hydrateRating(
  rated: RatedResource,
  config: ChecklistConfig,
  extraChecks: ReadonlyArray<Check>,
  exemptions: ReadonlyArray<Exemption> = [],
  now: Date = new Date(),
): RatedResource {
  const fresh = evaluateResource(
    rated.resource,
    rated.ownership,
    config,
    extraChecks,
  );
  const currentById = new Map(fresh.results.map(r => [r.checkId, r]));
  const results = rated.rating.results.map((stored): CheckResult => {
    const current = currentById.get(stored.checkId);
    // an exemption only ever waives a failure
    const verdict = stored.status === 'exempt' ? 'fail' : stored.status;
    if (current && current.status === verdict) {
      return { ...current, status: stored.status, severity: stored.severity };
    }
    return {
      ...stored,
      message: current
        ? `Rated ${stored.status} by the last scan; with the current checklist settings it would be ${current.status}: ${current.message}`
        : 'Rated by the last scan with a check that is no longer in force.',
    };
  });
  const { rawScore, cappedBy } = scoreResults(results, config);
  const scored = { ...rated.rating, rawScore, results };
  const rating = cappedBy ? { ...scored, cappedBy } : scored;
  const exempted = applyExemptions(rating, exemptions, now, {
    resource: rated.resource,
    config,
  });
  // the facts stay in the store: each verified result names the one that decided it
  const { evidence: _facts, ...resource } = rated.resource as AwsResource;
  return { ...rated, resource, rating: exempted };
}
