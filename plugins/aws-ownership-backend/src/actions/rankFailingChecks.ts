import { severityWeights } from '@aws-ownership/backstage-plugin-common';
import type { EntityScorecard } from '../schema/types';

type FailingCheck = EntityScorecard['failingChecks'][number];

/** A failing check with its priority: resources failing it times its severity's weight. */
export interface RankedCheck extends FailingCheck {
  priority: number;
}

/** The failing checks, the one whose fixing gains the most first (ties by id). */
export function rankFailingChecks(
  checks: ReadonlyArray<FailingCheck>,
): RankedCheck[] {
  return checks
    .map(c => ({
      ...c,
      priority: c.failingResources * severityWeights[c.severity],
    }))
    .sort(
      (a, b) => b.priority - a.priority || a.checkId.localeCompare(b.checkId),
    );
}
