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
  }
}

// Maps keyed by the adopter (check ids, tag keys, resource types, severities)
// merge key by key over the defaults; lists and scalars replace.
const mergedMaps = new Set([
  'naming.environmentTokens',
  'tagging.allowedValues',
  'checks.severity',
  'scoring.caps',
  'classification.overrides',
]);

const clone = <T>(value: T): T => structuredClone(value);

const lower = (word: string) => word.trim().toLowerCase();

/**
 * The vocabularies the checks compare case-insensitively, lowercased (and
 * trimmed) once here, so that every check can compare with `includes`.
 */
function lowercaseVocabularies(config: ChecklistConfig): ChecklistConfig {
  const { naming, tagging, responsibility } = config;
  return {
    ...config,
    naming: {
      ...naming,
      environmentTokens: Object.fromEntries(
        Object.entries(naming.environmentTokens).map(([token, environment]) => [
          lower(token),
          lower(environment),
        ]),
      ),
    },
    tagging: {
      ...tagging,
      keyStyleExemptPrefixes: tagging.keyStyleExemptPrefixes.map(lower),
      placeholderValues: tagging.placeholderValues.map(lower),
    },
    responsibility: {
      ...responsibility,
      encryptionRequiredClassifications:
        responsibility.encryptionRequiredClassifications.map(lower),
      managedByTagPrefixes: responsibility.managedByTagPrefixes.map(lower),
      unmanagedValues: responsibility.unmanagedValues.map(lower),
    },
  };
}

/**
 * Applies an adopter's partial config over `defaultChecklistConfig` (maps merge
 * key by key, lists replace) and lowercases the vocabularies matched
 * case-insensitively; throws `InvalidChecklistConfigError` if invalid.
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
  const sections = (partial ?? {}) as Record<string, Record<string, unknown>>;
  for (const [section, values] of Object.entries(sections)) {
    for (const [field, value] of Object.entries(values ?? {})) {
      if (value === undefined) continue;
      result[section][field] = mergedMaps.has(`${section}.${field}`)
        ? { ...(result[section][field] as object), ...clone(value as object) }
        : clone(value);
    }
  }
  return lowercaseVocabularies(result as unknown as ChecklistConfig);
}
