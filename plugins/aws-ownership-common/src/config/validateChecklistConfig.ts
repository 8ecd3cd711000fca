import { checkIds } from '../checks/definitions';
import { severities } from '../checks/severity';
import { tagKeyStylePatterns } from './compileChecklistConfig';
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

type Kind =
  | 'string'
  | 'regex'
  | 'count'
  | 'stringList'
  | 'stringMap'
  | 'stringListMap'
  | 'keyStyle'
  | 'checkIdList'
  | 'severityMap'
  | 'categoryMap';

const schema: Record<string, Record<string, Kind>> = {
  ownership: { ownerTagKeys: 'stringList', componentTagKeys: 'stringList' },
  naming: {
    pattern: 'regex',
    minLength: 'count',
    maxLength: 'count',
    environmentTokens: 'stringMap',
  },
  tagging: {
    requiredKeys: 'stringList',
    allowedValues: 'stringListMap',
    keyStyle: 'keyStyle',
    keyStyleExemptKeys: 'stringList',
    keyStyleExemptPrefixes: 'stringList',
    placeholderValues: 'stringList',
    maxUserTags: 'count',
    environmentTagKey: 'string',
  },
  responsibility: {
    escalationTagKeys: 'stringList',
    escalationAnnotations: 'stringList',
    dataClassificationTagKey: 'string',
    backupTagKeys: 'stringList',
    patchTagKeys: 'stringList',
    availabilityTagKeys: 'stringList',
    encryptionTagKeys: 'stringList',
    encryptionRequiredClassifications: 'stringList',
    managedByTagKeys: 'stringList',
    managedByTagPrefixes: 'stringList',
    unmanagedValues: 'stringList',
  },
  checks: { disabled: 'checkIdList', severity: 'severityMap' },
  classification: { overrides: 'categoryMap' },
};

const categories = ['infrastructure', 'container', 'abstract', 'unclassified'];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const describe = (v: unknown): string => {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
};

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
  const errors: ChecklistConfigError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });
  const knownIds = new Set([...checkIds, ...(options.extraCheckIds ?? [])]);

  if (raw === undefined || raw === null) return { valid: true, errors };
  if (!isRecord(raw)) {
    add('', `expected an object, got ${describe(raw)}`);
    return { valid: false, errors };
  }

  const checkString = (path: string, v: unknown, nonEmpty = false) => {
    if (typeof v !== 'string')
      add(path, `expected a string, got ${describe(v)}`);
    else if (nonEmpty && v.trim() === '') add(path, 'must not be blank');
  };
  const checkStringList = (
    path: string,
    v: unknown,
    each?: (p: string, s: string) => void,
  ) => {
    if (!Array.isArray(v)) {
      add(path, `expected a list of strings, got ${describe(v)}`);
      return;
    }
    v.forEach((item, i) => {
      if (typeof item !== 'string') {
        add(`${path}[${i}]`, `expected a string, got ${describe(item)}`);
      } else if (item.trim() === '') {
        add(`${path}[${i}]`, 'must not be blank');
      } else if (each) {
        each(`${path}[${i}]`, item);
      }
    });
  };
  const checkMap = (
    path: string,
    v: unknown,
    each: (p: string, key: string, value: unknown) => void,
  ) => {
    if (!isRecord(v)) {
      add(path, `expected a map, got ${describe(v)}`);
      return;
    }
    for (const [key, value] of Object.entries(v))
      each(`${path}.${key}`, key, value);
  };

  const validators: Record<Kind, (path: string, v: unknown) => void> = {
    string: (p, v) => checkString(p, v, true),
    regex: (p, v) => {
      if (typeof v !== 'string') {
        add(p, `expected a regular expression string, got ${describe(v)}`);
        return;
      }
      try {
        RegExp(v);
      } catch (e) {
        add(
          p,
          `invalid regular expression: ${
            e instanceof Error ? e.message : String(e)
          }`,
        );
      }
    },
    count: (p, v) => {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
        add(
          p,
          `expected a non-negative integer, got ${
            typeof v === 'number' ? v : describe(v)
          }`,
        );
      }
    },
    stringList: (p, v) => checkStringList(p, v),
    stringMap: (p, v) =>
      checkMap(p, v, (ip, _k, value) => checkString(ip, value, true)),
    stringListMap: (p, v) =>
      checkMap(p, v, (ip, _k, value) => checkStringList(ip, value)),
    keyStyle: (p, v) => {
      const styles = Object.keys(tagKeyStylePatterns);
      if (typeof v !== 'string' || !styles.includes(v)) {
        add(
          p,
          `unknown key style ${JSON.stringify(
            v,
          )}; expected one of ${styles.join(', ')}`,
        );
      }
    },
    checkIdList: (p, v) =>
      checkStringList(p, v, (ip, id) => {
        if (!knownIds.has(id)) add(ip, `unknown check id "${id}"`);
      }),
    severityMap: (p, v) =>
      checkMap(p, v, (ip, id, value) => {
        if (!knownIds.has(id)) add(ip, `unknown check id "${id}"`);
        if (
          typeof value !== 'string' ||
          !(severities as string[]).includes(value)
        ) {
          add(
            ip,
            `unknown severity ${JSON.stringify(
              value,
            )}; expected one of ${severities.join(', ')}`,
          );
        }
      }),
    categoryMap: (p, v) =>
      checkMap(p, v, (ip, _type, value) => {
        if (typeof value !== 'string' || !categories.includes(value)) {
          add(
            ip,
            `unknown category ${JSON.stringify(
              value,
            )}; expected one of ${categories.join(', ')}`,
          );
        }
      }),
  };

  for (const [section, value] of Object.entries(raw)) {
    const fields = schema[section];
    if (!fields) {
      add(
        section,
        `unknown key; expected one of ${Object.keys(schema).join(', ')}`,
      );
      continue;
    }
    if (!isRecord(value)) {
      add(section, `expected an object, got ${describe(value)}`);
      continue;
    }
    for (const [field, fieldValue] of Object.entries(value)) {
      const kind = fields[field];
      const path = `${section}.${field}`;
      if (!kind) {
        add(
          path,
          `unknown key; expected one of ${Object.keys(fields).join(', ')}`,
        );
        continue;
      }
      validators[kind](path, fieldValue);
    }
  }

  // Cross-field: the resolved lengths must make sense together.
  const naming = isRecord(raw.naming) ? raw.naming : {};
  const min =
    typeof naming.minLength === 'number'
      ? naming.minLength
      : defaultChecklistConfig.naming.minLength;
  const max =
    typeof naming.maxLength === 'number'
      ? naming.maxLength
      : defaultChecklistConfig.naming.maxLength;
  if (min > max)
    add(
      'naming.minLength',
      `minLength ${min} is greater than maxLength ${max}`,
    );

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
