import { namingChecks } from './naming';
import { responsibilityChecks } from './responsibility';
import { taggingChecks } from './tagging';
import type { Check } from './types';

/**
 * Every built-in check, in checklist order (naming, tagging, responsibility).
 *
 * @public
 */
export const builtinChecks: ReadonlyArray<Check> = [
  ...namingChecks,
  ...taggingChecks,
  ...responsibilityChecks,
];
