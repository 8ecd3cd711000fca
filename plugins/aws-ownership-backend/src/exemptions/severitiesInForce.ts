import {
  builtinChecks,
  type Check,
  type ChecklistConfig,
  type Severity,
} from '@aws-ownership/backstage-plugin-common';

/** The severity of every enabled check, built-in and from modules, after config overrides. */
export function severitiesInForce(
  config: ChecklistConfig,
  extraChecks: ReadonlyArray<Check>,
): ReadonlyMap<string, Severity> {
  const severities = new Map<string, Severity>();
  for (const check of [...builtinChecks, ...extraChecks]) {
    if (config.checks.disabled.includes(check.id) || severities.has(check.id)) {
      continue;
    }
    severities.set(
      check.id,
      config.checks.severity[check.id] ?? check.severity,
    );
  }
  return severities;
}
