import type { Severity } from '../checks/severity';
import type { ResponsibilityCategory } from '../model/types';
import type { ChecklistConfig, TagKeyStyle } from './types';

/**
 * An allowed-values rule, prepared for fast lookup.
 *
 * @public
 */
export interface CompiledAllowedValues {
  /** The configured key. */
  key: string;
  /** The allowed values, exactly as configured. */
  values: ReadonlyArray<string>;
  /** The allowed values as a set. */
  valueSet: ReadonlySet<string>;
  /** Allowed values by their lowercase form, to suggest `prod` for `Prod`. */
  byLower: ReadonlyMap<string, string>;
}

/**
 * A `ChecklistConfig` with its regexes compiled and its lists turned into sets, built once per config object.
 *
 * @public
 */
export interface CompiledChecklistConfig {
  /** The naming convention, or undefined when `naming.pattern` is not a valid regex. */
  namingPattern: RegExp | undefined;
  /** Environment tokens by lowercase token. */
  environmentTokens: ReadonlyMap<string, string>;
  /** Allowed-values rules. */
  allowedValues: ReadonlyArray<CompiledAllowedValues>;
  /** Allowed-values rules by lowercase key. */
  allowedValuesByKey: ReadonlyMap<string, CompiledAllowedValues>;
  /** The key style as a regex. */
  keyStyle: RegExp;
  /** Keys exempt from the key style. */
  keyStyleExemptKeys: ReadonlySet<string>;
  /** Lowercase key prefixes exempt from the key style. */
  keyStyleExemptPrefixes: ReadonlyArray<string>;
  /** Lowercase placeholder values. */
  placeholderValues: ReadonlySet<string>;
  /** Lowercase `managed-by` values that deny configuration management. */
  unmanagedValues: ReadonlySet<string>;
  /** Lowercase classifications that require client-side encryption. */
  encryptionRequiredClassifications: ReadonlySet<string>;
  /** Lowercase managed-by prefixes. */
  managedByTagPrefixes: ReadonlyArray<string>;
  /** Lowercase keys where `none` is a statement, not a placeholder (the backup keys). */
  explicitNoneKeys: ReadonlySet<string>;
  /** Disabled check ids. */
  disabled: ReadonlySet<string>;
  /** Severity overrides by check id. */
  severity: ReadonlyMap<string, Severity>;
  /** Classification overrides. */
  classificationOverrides: Readonly<Record<string, ResponsibilityCategory>>;
}

/** The regex of each tag key style; `prefix:` namespaces allowed in each. */
export const tagKeyStylePatterns: Readonly<Record<TagKeyStyle, RegExp>> = {
  kebab: /^[a-z0-9]+(?:-[a-z0-9]+)*(?::[a-z0-9]+(?:-[a-z0-9]+)*)*$/,
  snake: /^[a-z0-9]+(?:_[a-z0-9]+)*(?::[a-z0-9]+(?:_[a-z0-9]+)*)*$/,
  camel: /^[a-z][a-zA-Z0-9]*(?::[a-z][a-zA-Z0-9]*)*$/,
  pascal: /^[A-Z][a-zA-Z0-9]*(?::[A-Z][a-zA-Z0-9]*)*$/,
};

const cache = new WeakMap<ChecklistConfig, CompiledChecklistConfig>();

function tryRegExp(source: unknown): RegExp | undefined {
  if (typeof source !== 'string') return undefined;
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

const lowerSet = (values: ReadonlyArray<string> | undefined) =>
  new Set((values ?? []).map(v => String(v).trim().toLowerCase()));

/**
 * Compiles a checklist config (regexes, sets) once; later calls with the same
 * object return the cached result, so treat configs as immutable.
 */
export function compileChecklistConfig(
  config: ChecklistConfig,
): CompiledChecklistConfig {
  const cached = cache.get(config);
  if (cached) return cached;

  const allowedValues: CompiledAllowedValues[] = [];
  for (const [key, values] of Object.entries(
    config.tagging?.allowedValues ?? {},
  )) {
    if (!Array.isArray(values) || values.length === 0) continue;
    const list = values.map(String);
    allowedValues.push({
      key,
      values: list,
      valueSet: new Set(list),
      byLower: new Map(list.map(v => [v.toLowerCase(), v])),
    });
  }

  const compiled: CompiledChecklistConfig = {
    namingPattern: tryRegExp(config.naming?.pattern),
    environmentTokens: new Map(
      Object.entries(config.naming?.environmentTokens ?? {}).map(([k, v]) => [
        k.toLowerCase(),
        String(v).toLowerCase(),
      ]),
    ),
    allowedValues,
    allowedValuesByKey: new Map(
      allowedValues.map(a => [a.key.toLowerCase(), a]),
    ),
    keyStyle:
      tagKeyStylePatterns[config.tagging?.keyStyle] ??
      tagKeyStylePatterns.kebab,
    keyStyleExemptKeys: new Set(config.tagging?.keyStyleExemptKeys ?? []),
    keyStyleExemptPrefixes: [
      ...lowerSet(config.tagging?.keyStyleExemptPrefixes),
    ],
    placeholderValues: lowerSet(config.tagging?.placeholderValues),
    unmanagedValues: lowerSet(config.responsibility?.unmanagedValues),
    encryptionRequiredClassifications: lowerSet(
      config.responsibility?.encryptionRequiredClassifications,
    ),
    managedByTagPrefixes: [
      ...lowerSet(config.responsibility?.managedByTagPrefixes),
    ],
    explicitNoneKeys: lowerSet(config.responsibility?.backupTagKeys),
    disabled: new Set(config.checks?.disabled ?? []),
    severity: new Map(Object.entries(config.checks?.severity ?? {})),
    classificationOverrides: config.classification?.overrides ?? {},
  };
  cache.set(config, compiled);
  return compiled;
}
