import { defaultChecklistConfig } from './defaultChecklistConfig';
import type { ChecklistConfig, PartialChecklistConfig } from './types';
import {
  formatChecklistConfigErrors,
  validateChecklistConfig,
  type ChecklistConfigError,
  type ValidateChecklistConfigOptions,
} from './validateChecklistConfig';

/**
 * Thrown by `resolveChecklistConfig` for an invalid config; lists every error.
 *
 * @public
 */
export class InvalidChecklistConfigError extends Error {
  /** Every error, with its key path. */
  readonly errors: ChecklistConfigError[];

  constructor(errors: ChecklistConfigError[]) {
    super(
      `Invalid aws-ownership checklist config:\n${formatChecklistConfigErrors(
        errors,
      )}`,
    );
    this.name = 'InvalidChecklistConfigError';
    this.errors = errors;
    Object.setPrototypeOf(this, InvalidChecklistConfigError.prototype);
  }
}

// Maps keyed by the adopter (check ids, tag keys, resource types) merge key by
// key over the defaults; lists and scalars replace.
const mergedMaps = new Set([
  'naming.environmentTokens',
  'tagging.allowedValues',
  'checks.severity',
  'classification.overrides',
]);

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/**
 * Applies an adopter's partial config over `defaultChecklistConfig` (maps merge
 * key by key, lists replace); throws `InvalidChecklistConfigError` if invalid.
 *
 * @public
 */
export function resolveChecklistConfig(
  partial?: PartialChecklistConfig | unknown,
  options?: ValidateChecklistConfigOptions,
): ChecklistConfig {
  const { errors } = validateChecklistConfig(partial, options);
  if (errors.length) throw new InvalidChecklistConfigError(errors);
  const result = clone(defaultChecklistConfig) as unknown as Record<
    string,
    Record<string, unknown>
  >;
  if (partial && typeof partial === 'object') {
    for (const [section, values] of Object.entries(
      partial as Record<string, unknown>,
    )) {
      if (!values || typeof values !== 'object') continue;
      for (const [field, value] of Object.entries(
        values as Record<string, unknown>,
      )) {
        if (value === undefined) continue;
        if (mergedMaps.has(`${section}.${field}`)) {
          result[section][field] = {
            ...(result[section][field] as object),
            ...clone(value as object),
          };
        } else {
          result[section][field] = clone(value);
        }
      }
    }
  }
  return result as unknown as ChecklistConfig;
}
