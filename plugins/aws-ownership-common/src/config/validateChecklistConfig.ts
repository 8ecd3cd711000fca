import { checklistConfigSchema, describeValue } from './checklistConfigSchema';
import { defaultChecklistConfig } from './defaultChecklistConfig';

/**
 * One problem in a checklist config, with the key path it is at.
 *
 * @public
 */
export interface ChecklistConfigError {
  /** Dotted key path, e.g. `naming.pattern` or `tagging.requiredKeys[2]`. */
  path: string;
  /** What is wrong. */
  message: string;
}

/**
 * The outcome of `validateChecklistConfig`.
 *
 * @public
 */
export interface ChecklistConfigValidation {
  /** Whether there are no errors. */
  valid: boolean;
  /** Every error found. */
  errors: ChecklistConfigError[];
}

/**
 * Options of `validateChecklistConfig`.
 *
 * @public
 */
export interface ValidateChecklistConfigOptions {
  /** Ids of checks added by extension modules, accepted beside the built-in ones. */
  extraCheckIds?: ReadonlyArray<string>;
}

const joinPath = (path: ReadonlyArray<PropertyKey>) =>
  path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`,
    )
    .join('');

/**
 * Validates a (partial) checklist config as an adopter wrote it, returning
 * every error with its key path: unknown keys, wrong types, bad regexes,
 * unknown check ids, severities and categories.
 *
 * @public
 */
export function validateChecklistConfig(
  raw: unknown,
  options: ValidateChecklistConfigOptions = {},
): ChecklistConfigValidation {
  if (raw === undefined || raw === null) return { valid: true, errors: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    const message = `expected an object, got ${describeValue(raw)}`;
    return { valid: false, errors: [{ path: '', message }] };
  }
  const parsed = checklistConfigSchema(options.extraCheckIds).safeParse(raw);
  const errors: ChecklistConfigError[] = (parsed.error?.issues ?? []).flatMap(
    issue =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map(key => ({
            path: joinPath([...issue.path, key]),
            message: 'unknown key',
          }))
        : [{ path: joinPath(issue.path), message: issue.message }],
  );
  if (parsed.success) {
    const { minLength, maxLength } = {
      ...defaultChecklistConfig.naming,
      ...parsed.data.naming,
    };
    if (minLength > maxLength) {
      errors.push({
        path: 'naming.minLength',
        message: `minLength ${minLength} is greater than maxLength ${maxLength}`,
      });
    }
  }
  return { valid: errors.length === 0, errors };
}

/**
 * Formats validation errors as one readable message, one `path: message` per line.
 *
 * @public
 */
export function formatChecklistConfigErrors(
  errors: ReadonlyArray<ChecklistConfigError>,
): string {
  return errors.map(e => `${e.path || '(root)'}: ${e.message}`).join('\n');
}
