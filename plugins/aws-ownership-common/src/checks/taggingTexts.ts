// The texts of the tagging checks' results. Most failing resources fail the
// same way (the same missing keys, the same wrong value, the same offending
// key): those texts are built once and shared, and only the command, which
// names the resource, is built for each. Every table is bounded.

import type {
  CompiledAllowedValues,
  CompiledChecklistConfig,
} from '../config/compileChecklistConfig';
import { foldLowerKey } from './keyShape';
import { TwoKeyMemo } from './memo';
import { placeholderFor, tagPairs, untagKeys } from './remediation';
import { displayKey, displayValue, looksLikeSecretValue } from './secrets';
import { isBlank, listConfigWords, listWords } from './tagHelpers';
import type { TagLookup } from './tagIndex';
import type { CheckInput } from './types';

/** The texts of a `tagging.required` failure, but for the resource's ARN. */
export interface RequiredFailure {
  /** The message. */
  message: string;
  /** The allowed-values hints, ` (...)`, or ''. */
  hints: string;
  /** The `--tags` argument setting the keys to placeholders. */
  pairs: string;
}

/** Describes the required keys that are missing or blank. */
export function requiredFailure(
  required: ReadonlyArray<string>,
  { compiled, tags }: CheckInput,
): RequiredFailure {
  const missing: string[] = [];
  const blank: string[] = [];
  for (const key of required) {
    const value = tags.get(key);
    if (value === undefined) missing.push(key);
    else if (isBlank(value)) blank.push(key);
  }
  const parts: string[] = [];
  if (missing.length) parts.push(`missing ${listWords(missing)}`);
  if (blank.length) parts.push(`blank ${listWords(blank)}`);
  const failing = [...missing, ...blank];
  const toSet = failing.map(
    key => [tags.keyOf(key) ?? key, placeholderFor(key)] as const,
  );
  const hints = failing
    .map(key => compiled.allowedValuesByKey.get(key.toLowerCase()))
    .filter(rule => rule !== undefined)
    .map(rule => `${rule!.key} is one of ${rule!.values.join(', ')}`);
  return {
    message: `Required tags ${parts.join('; ')}`,
    hints: hints.length ? ` (${hints.join('; ')})` : '',
    pairs: tagPairs(toSet),
  };
}

/** The texts of `tagging.required` under one config. */
export interface RequiredTexts {
  /** The config they were built for. */
  compiled: CompiledChecklistConfig;
  /** Its required keys. */
  keys: ReadonlyArray<string>;
  /** The pass message. */
  pass: string;
  /** Failure texts by the bits of the failing keys (bounded). */
  failures: Map<number, RequiredFailure>;
}

// Most resources that fail miss the same few keys: the failure texts depend
// only on which, so they are built once per combination and config.
let lastRequiredTexts: RequiredTexts | undefined;

/** The texts of `tagging.required` for a list of required keys and a config (the last one's, remembered). */
export function requiredTexts(
  keys: ReadonlyArray<string>,
  compiled: CompiledChecklistConfig,
): RequiredTexts {
  const last = lastRequiredTexts;
  if (last !== undefined && last.compiled === compiled && last.keys === keys) {
    return last;
  }
  lastRequiredTexts = {
    compiled,
    keys,
    pass: `All required tags present: ${listConfigWords(keys)}`,
    failures: new Map(),
  };
  return lastRequiredTexts;
}

/** The keys (as written) of the allowed-values rules present on the resource. */
export function checkedKeys(
  rules: CompiledChecklistConfig['allowedValues'],
  tags: TagLookup,
): string[] {
  const keys: string[] = [];
  for (const rule of rules) {
    const key = tags.keyOf(rule.key);
    if (key !== undefined) keys.push(key);
  }
  return keys;
}

// The pass message depends only on the config and which rules' keys are
// present (as configured): built once per combination.
const allowedPassMessages = new TwoKeyMemo<
  CompiledChecklistConfig,
  number,
  string
>();

/** The pass message of `tagging.allowed-values` when the rules of the bits of `present` apply. */
export function allowedPassMessage(
  compiled: CompiledChecklistConfig,
  present: number,
): string {
  return (
    allowedPassMessages.get(compiled, present) ??
    allowedPassMessages.set(
      compiled,
      present,
      `Allowed values used for ${listWords(
        compiled.allowedValues
          .filter((_, r) => (present & (1 << r)) !== 0)
          .map(rule => rule.key),
      )}`,
    )
  );
}

/** The texts of a `tagging.allowed-values` failure, but for the resource's ARN. */
export interface AllowedFailure {
  /** The message. */
  message: string;
  /** What to do, before the command. */
  advice: string;
  /** The `--tags` argument with the fixes. */
  pairs: string;
}

/** Describes the values the rules do not allow. */
export function allowedFailure(
  rules: CompiledChecklistConfig['allowedValues'],
  tags: TagLookup,
): AllowedFailure {
  const wrong: string[] = [];
  const fixes: Array<readonly [string, string]> = [];
  const suggestions: string[] = [];
  for (const rule of rules) {
    const value = tags.get(rule.key);
    if (value === undefined) continue;
    const key = tags.keyOf(rule.key) ?? rule.key;
    if (rule.valueSet.has(value)) continue;
    wrong.push(`${key}=${JSON.stringify(displayValue(value))}`);
    const suggestion = rule.byLower.get(value.trim().toLowerCase());
    if (suggestion !== undefined) {
      fixes.push([key, suggestion]);
      suggestions.push(`use ${suggestion} for ${key}`);
    } else {
      fixes.push([key, placeholderFor(rule.key)]);
      suggestions.push(`${key} is one of ${rule.values.join(', ')}`);
    }
  }
  return {
    message: `Values not allowed: ${wrong.join(', ')}`,
    advice: suggestions.join('; '),
    pairs: tagPairs(fixes),
  };
}

// Wrong values repeat (Prod, production): the texts of a single wrong value
// under its configured key are built once per rule (of one config) and value.
const allowedFailures = new TwoKeyMemo<
  CompiledAllowedValues,
  string,
  AllowedFailure
>();

/** `allowedFailure` of a single wrong value under its configured key: shared. */
export function knownAllowedFailure(
  rule: CompiledAllowedValues,
  value: string,
  tags: TagLookup,
): AllowedFailure {
  return (
    allowedFailures.get(rule, value) ??
    allowedFailures.set(rule, value, allowedFailure([rule], tags))
  );
}

let passStyle = '';
let passStyleText = '';

/** The pass message of `tagging.key-style` (remembered for the last style). */
export function keyStylePass(style: string): string {
  if (style !== passStyle) {
    passStyleText = `Tag keys follow the ${style} style`;
    passStyle = style;
  }
  return passStyleText;
}

/** The texts of a `tagging.key-style` failure, but for the resource's ARN. */
export interface KeyStyleFailure {
  /** The message. */
  message: string;
  /** What to do, before the command. */
  advice: string;
  /** The `--tag-keys` argument removing the old keys. */
  keys: string;
}

function keyStyleFailure(
  style: string,
  offending: ReadonlyArray<string>,
): KeyStyleFailure {
  return {
    message: `Tag keys not in ${style} style: ${offending
      .map(displayKey)
      .join(', ')}`,
    advice: `Copy each value under a ${style}-style key with tag-resources, then remove the old keys`,
    // a key that is itself a credential is not echoed
    keys: untagKeys(offending.filter(k => !looksLikeSecretValue(k))),
  };
}

// by key style and offending key
const keyStyleFailures = new TwoKeyMemo<string, string, KeyStyleFailure>();

/** The texts of a `tagging.key-style` failure; for one offending key (Team, CostCenter), shared. */
export function keyStyleFailureOf(
  style: string,
  offending: ReadonlyArray<string>,
): KeyStyleFailure {
  if (offending.length !== 1) return keyStyleFailure(style, offending);
  return (
    keyStyleFailures.get(style, offending[0]) ??
    keyStyleFailures.set(style, offending[0], keyStyleFailure(style, offending))
  );
}

/**
 * The keys that fold alike, in groups of two or more: each group in tag
 * order, the groups in the order their second key appears.
 */
export function duplicateGroups(
  keys: ReadonlyArray<string>,
  lowerKeys: ReadonlyArray<string>,
  hashes: ArrayLike<number>,
): string[][] {
  const groups: string[][] = [];
  // each key's group, or -1; a key joins the group of the first earlier key
  // that folds alike (folded strings built only when the hashes are equal)
  const groupOf: number[] = new Array(keys.length).fill(-1);
  for (let i = 1; i < keys.length; i++) {
    for (let j = 0; j < i; j++) {
      if (
        hashes[j] !== hashes[i] ||
        foldLowerKey(lowerKeys[j]) !== foldLowerKey(lowerKeys[i])
      ) {
        continue;
      }
      if (groupOf[j] < 0) {
        groupOf[j] = groups.length;
        groups.push([keys[j]]);
      }
      groupOf[i] = groupOf[j];
      groups[groupOf[j]].push(keys[i]);
      break;
    }
  }
  return groups;
}

/** The texts of a `tagging.no-case-duplicates` failure, but for the resource's ARN. */
export interface DuplicateFailure {
  /** The message. */
  message: string;
  /** The `--tag-keys` argument removing every spelling but the first. */
  keys: string;
}

function duplicateFailure(groups: ReadonlyArray<string[]>): DuplicateFailure {
  const described: string[] = [];
  const removable: string[] = [];
  for (const group of groups) {
    described.push(group.map(displayKey).join(' / '));
    // keep the first spelling; a key that is itself a credential is not echoed
    for (let k = 1; k < group.length; k++) {
      if (!looksLikeSecretValue(group[k])) removable.push(group[k]);
    }
  }
  return {
    message: `Duplicate tag keys: ${described.join('; ')}`,
    keys: untagKeys(removable),
  };
}

// by the two spellings of a single duplicate (CostCenter, cost-center)
const duplicateFailures = new TwoKeyMemo<string, string, DuplicateFailure>();

/** The texts of a `tagging.no-case-duplicates` failure; for one pair of spellings, shared. */
export function duplicateFailureOf(
  groups: ReadonlyArray<string[]>,
): DuplicateFailure {
  if (groups.length !== 1 || groups[0].length !== 2) {
    return duplicateFailure(groups);
  }
  const [first, second] = groups[0];
  return (
    duplicateFailures.get(first, second) ??
    duplicateFailures.set(first, second, duplicateFailure(groups))
  );
}

/** The texts of a `tagging.no-placeholder-values` failure, but for the resource's ARN. */
export interface PlaceholderFailure {
  /** The message. */
  message: string;
  /** The `--tags` argument setting the keys to placeholders. */
  pairs: string;
}

/** Describes the blank or placeholder tags, `[key, trimmed value]`. */
function placeholderFailure(
  bad: ReadonlyArray<readonly [string, string]>,
): PlaceholderFailure {
  return {
    message: `Blank or placeholder values: ${bad
      .map(([k, v]) => `${displayKey(k)}=${JSON.stringify(v)}`)
      .join(', ')}`,
    pairs: tagPairs(bad.map(([k]) => [k, placeholderFor(k)] as const)),
  };
}

// by key and trimmed value
const placeholderFailures = new TwoKeyMemo<
  string,
  string,
  PlaceholderFailure
>();

/** The texts of a `tagging.no-placeholder-values` failure; for one bad tag (owner=tbd), shared. */
export function placeholderFailureOf(
  bad: ReadonlyArray<readonly [string, string]>,
): PlaceholderFailure {
  if (bad.length !== 1) return placeholderFailure(bad);
  const [key, value] = bad[0];
  return (
    placeholderFailures.get(key, value) ??
    placeholderFailures.set(key, value, placeholderFailure(bad))
  );
}

const usedMessages: string[] = [];

/** `N of 50 user tags used`, made once per N. */
export function usedMessage(used: number): string {
  if (used > 64) return `${used} of 50 user tags used`;
  return (usedMessages[used] ??= `${used} of 50 user tags used`);
}
