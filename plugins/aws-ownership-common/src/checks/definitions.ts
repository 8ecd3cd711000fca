import { builtinChecks } from './builtinChecks';
import type { Check, CheckDefinition } from './types';

/** The definition part of a check (no rule): what the frontend shows. */
export function toCheckDefinition(check: CheckDefinition): CheckDefinition {
  return {
    id: check.id,
    checklist: check.checklist,
    title: check.title,
    description: check.description,
    severity: check.severity,
    appliesTo: check.appliesTo,
    remediation: check.remediation,
  };
}

/**
 * The catalogue of built-in checks, for explaining them without rating.
 *
 * @public
 */
export const checkDefinitions: ReadonlyArray<CheckDefinition> = Object.freeze(
  builtinChecks.map(c => Object.freeze(toCheckDefinition(c))),
);

const byId = new Map<string, CheckDefinition>(
  checkDefinitions.map(d => [d.id, d]),
);

/**
 * Every built-in check id.
 *
 * @public
 */
export const checkIds: ReadonlyArray<string> = checkDefinitions.map(d => d.id);

/**
 * The definition of a built-in check by id, or `undefined` for an unknown id.
 *
 * @public
 */
export function getCheckDefinition(id: string): CheckDefinition | undefined {
  return byId.get(id);
}

/** The built-in check with that id (rule included), or `undefined`. */
export function getBuiltinCheck(id: string): Check | undefined {
  return builtinChecks.find(c => c.id === id);
}
