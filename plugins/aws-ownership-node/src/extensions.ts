import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { Check } from '@aws-ownership/backstage-plugin-common';

/**
 * Lets backend modules add checks to the aws-ownership plugin. A check is the
 * common package's `Check`: a definition (id, checklist, title, description,
 * severity, appliesTo, remediation) and a pure `evaluate`. Added checks are
 * rated beside the built-in ones, count in every score, and can be disabled or
 * re-weighted in `awsOwnership.checklists.checks` like them.
 *
 * @public
 */
export interface AwsOwnershipChecksExtensionPoint {
  /** Adds checks; an id already taken (built-in or added earlier) is refused. */
  addChecks(...checks: Check[]): void;
}

/**
 * The extension point through which modules add checks.
 *
 * @public
 */
export const awsOwnershipChecksExtensionPoint =
  createExtensionPoint<AwsOwnershipChecksExtensionPoint>({
    id: 'aws-ownership.checks',
  });
