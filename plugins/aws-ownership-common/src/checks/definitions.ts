import { builtinChecks } from './builtinChecks';
import type { CheckDefinition } from './types';

/**
 * The catalogue of built-in checks (definitions without the rule), for explaining them without rating.
 *
 * @public
 */
export const checkDefinitions: ReadonlyArray<CheckDefinition> = Object.freeze(
  builtinChecks.map(({ evaluate: _rule, ...definition }) =>
    Object.freeze(definition),
  ),
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
  return checkDefinitions.find(d => d.id === id);
}
