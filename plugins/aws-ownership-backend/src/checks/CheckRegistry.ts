import {
  Check,
  checkIds,
  checklistIds,
  severities,
} from '@aws-ownership/backstage-plugin-common';
import type { AwsOwnershipChecksExtensionPoint } from '@aws-ownership/backstage-plugin-node';

const CHECK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

/**
 * Collects the checks that backend modules add through the extension point,
 * refusing at registration a check that is malformed or takes a used id.
 */
export class CheckRegistry implements AwsOwnershipChecksExtensionPoint {
  private readonly checks: Check[] = [];
  private readonly ids = new Set<string>(checkIds);

  addChecks(...checks: Check[]): void {
    for (const check of checks) {
      const id = String(check?.id ?? '');
      if (!CHECK_ID.test(id)) {
        throw new Error(
          `aws-ownership: a custom check needs an id like 'custom.my-check', got '${id}'`,
        );
      }
      if (this.ids.has(id)) {
        throw new Error(`aws-ownership: the check id '${id}' is already taken`);
      }
      if (!checklistIds.includes(check.checklist)) {
        throw new Error(
          `aws-ownership: check '${id}' names an unknown checklist '${
            check.checklist
          }' (known: ${checklistIds.join(', ')})`,
        );
      }
      if (!severities.includes(check.severity)) {
        throw new Error(
          `aws-ownership: check '${id}' has an unknown severity '${
            check.severity
          }' (known: ${severities.join(', ')})`,
        );
      }
      if (typeof check.evaluate !== 'function') {
        throw new Error(
          `aws-ownership: check '${id}' has no evaluate function`,
        );
      }
      this.ids.add(id);
      this.checks.push(check);
    }
  }

  /** The checks added so far, in the order they were added. */
  list(): ReadonlyArray<Check> {
    return this.checks;
  }
}
