import { outcome } from './outcome';
import {
  placeholderFor,
  tagResourcesCommand,
  untagResourcesCommand,
} from './remediation';
import {
  displayKey,
  displayValue,
  isSecretTag,
  looksLikeSecretKey,
  looksLikeSecretValue,
} from './secrets';
import { isAwsKey, listConfigWords, listWords } from './tagHelpers';
import { tagArrays } from './tagIndex';
import type { Check, CheckOutcome } from './types';
import { tagKeyStylePatterns } from '../config/compileChecklistConfig';

const isLowerAlnum = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isUpper = (c: number) => c >= 65 && c <= 90;
const isAlnum = (c: number) => isLowerAlnum(c) || isUpper(c);

// kebab / snake: words of [a-z0-9] joined by `sep`, in `:`-separated segments;
// that is: only those characters, and every separator between two word characters.
function separatedWords(key: string, sep: number): boolean {
  const n = key.length;
  if (n === 0) return false;
  let previousWord = false;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    if (isLowerAlnum(c)) {
      previousWord = true;
    } else if (c === sep || c === 58) {
      if (!previousWord) return false;
      previousWord = false;
    } else {
      return false;
    }
  }
  return previousWord;
}

// camel / pascal: `:`-separated segments, each a first letter of the given case then [a-zA-Z0-9]*.
function casedSegments(key: string, upperFirst: boolean): boolean {
  const n = key.length;
  let segmentStart = true;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    if (segmentStart) {
      if (upperFirst ? !isUpper(c) : !(c >= 97 && c <= 122)) return false;
      segmentStart = false;
    } else if (c === 58) {
      segmentStart = true;
    } else if (!isAlnum(c)) {
      return false;
    }
  }
  return !segmentStart;
}

/** Whether a key follows a key style: the style's regex, as a plain character loop for the built-in styles. */
function followsKeyStyle(style: RegExp, key: string): boolean {
  if (style === tagKeyStylePatterns.kebab) return separatedWords(key, 45);
  if (style === tagKeyStylePatterns.snake) return separatedWords(key, 95);
  if (style === tagKeyStylePatterns.camel) return casedSegments(key, false);
  if (style === tagKeyStylePatterns.pascal) return casedSegments(key, true);
  return style.test(key);
}

const hasPrefix = (lower: string, prefixes: ReadonlyArray<string>) => {
  for (let p = 0; p < prefixes.length; p++) {
    if (lower.startsWith(prefixes[p])) return true;
  }
  return false;
};

const pass = (message: string): CheckOutcome => outcome('pass', message);

/** `tagging.required`: every required key is present with a non-blank value. */
export const requiredTagsCheck: Check = {
  id: 'tagging.required',
  checklist: 'tagging',
  title: 'Required tags present',
  description:
    'Every resource carries the tags the organisation relies on for ownership, cost and lifecycle (default: owner, environment, cost-center, application).',
  severity: 'high',
  appliesTo: 'All resources.',
  remediation:
    'Add each missing tag with the tag-resources command in the result; keys match case-insensitively.',
  evaluate({ resource, config, compiled, tags }) {
    const missing: string[] = [];
    const blank: string[] = [];
    for (const key of config.tagging.requiredKeys) {
      const value = tags.get(key);
      if (value === undefined) missing.push(key);
      else if (value.trim() === '') blank.push(key);
    }
    if (missing.length === 0 && blank.length === 0) {
      return pass(
        `All required tags present: ${listConfigWords(
          config.tagging.requiredKeys,
        )}`,
      );
    }
    const parts: string[] = [];
    if (missing.length) parts.push(`missing ${listWords(missing)}`);
    if (blank.length) parts.push(`blank ${listWords(blank)}`);
    const toSet = [...missing, ...blank].map(
      key => [tags.keyOf(key) ?? key, placeholderFor(key)] as const,
    );
    const hints = [...missing, ...blank]
      .map(key => compiled.allowedValuesByKey.get(key.toLowerCase()))
      .filter(rule => rule !== undefined)
      .map(rule => `${rule!.key} is one of ${rule!.values.join(', ')}`);
    const command = tagResourcesCommand(resource, toSet);
    return outcome(
      'fail',
      `Required tags ${parts.join('; ')}`,
      `Tag it, replacing the placeholder values${
        hints.length ? ` (${hints.join('; ')})` : ''
      }: ${command}`,
      command,
    );
  },
};

/** `tagging.allowed-values`: keys with a list of allowed values use one of them, exactly. */
export const allowedValuesCheck: Check = {
  id: 'tagging.allowed-values',
  checklist: 'tagging',
  title: 'Tag values from the allowed list',
  description:
    'Keys with a fixed vocabulary (environment, data-classification) use it exactly, so filters and policies match: Prod is not prod.',
  severity: 'medium',
  appliesTo:
    'Resources carrying a key listed in tagging.allowedValues (default environment and data-classification).',
  remediation:
    'Set the value to one of the allowed values, exactly as written.',
  evaluate({ resource, compiled, tags }) {
    const checked: string[] = [];
    const wrong: string[] = [];
    const fixes: Array<readonly [string, string]> = [];
    const suggestions: string[] = [];
    for (const rule of compiled.allowedValues) {
      const value = tags.get(rule.key);
      if (value === undefined) continue;
      const key = tags.keyOf(rule.key) ?? rule.key;
      checked.push(key);
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
    if (checked.length === 0) {
      return outcome('not-applicable', 'No tag with a restricted vocabulary');
    }
    if (wrong.length === 0) {
      return pass(`Allowed values used for ${listWords(checked)}`);
    }
    const command = tagResourcesCommand(resource, fixes);
    return outcome(
      'fail',
      `Values not allowed: ${wrong.join(', ')}`,
      `${suggestions.join('; ')}: ${command}`,
      command,
    );
  },
};

/** `tagging.key-style`: user tag keys follow `tagging.keyStyle`. */
export const keyStyleCheck: Check = {
  id: 'tagging.key-style',
  checklist: 'tagging',
  title: 'Tag keys in house style',
  description:
    'User tag keys follow one style (default kebab-case with optional prefix: namespaces) so tools and people find them; aws: keys, Name and the Patch Manager keys are exempt.',
  severity: 'low',
  appliesTo: 'All resources (their user tag keys).',
  remediation:
    'Re-tag under the conforming key, then remove the old one with untag-resources.',
  evaluate({ resource, config, compiled, tags }) {
    const offending: string[] = [];
    const prefixes = compiled.keyStyleExemptPrefixes;
    const { keys, lowerKeys } = tagArrays(tags);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (followsKeyStyle(compiled.keyStyle, key)) continue;
      if (compiled.keyStyleExemptKeys.has(key) || isAwsKey(key)) continue;
      if (!hasPrefix(lowerKeys[i], prefixes)) offending.push(key);
    }
    if (offending.length === 0) {
      return pass(`Tag keys follow the ${config.tagging.keyStyle} style`);
    }
    const shown = offending.map(displayKey);
    const command = untagResourcesCommand(
      resource,
      offending.filter(k => !looksLikeSecretValue(k)),
    );
    return outcome(
      'fail',
      `Tag keys not in ${config.tagging.keyStyle} style: ${shown.join(', ')}`,
      `Copy each value under a ${config.tagging.keyStyle}-style key with tag-resources, then remove the old keys: ${command}`,
      command,
    );
  },
};

const foldPattern = /[-_\s]+/g;

// Whether a char code is `-`, `_` or matched by `\s`.
function isFoldedAway(c: number): boolean {
  if (c === 45 || c === 95 || c === 32) return true;
  if (c < 160) return c >= 9 && c <= 13;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** A hash of `foldLowerKey(lower)`, computed without building it. */
function foldedHash(lower: string): number {
  let h = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (!isFoldedAway(c)) h = (Math.imul(h, 31) + c) | 0;
  }
  return h;
}

/** The key folded for comparison: lowercase, without `-`, `_` and whitespace (from its lowercase form). */
function foldLowerKey(lower: string): string {
  for (let i = 0; i < lower.length; i++) {
    if (isFoldedAway(lower.charCodeAt(i)))
      return lower.replace(foldPattern, '');
  }
  return lower;
}

/**
 * Whether two keys fold alike. Compares a hash of each folded key first, so
 * no folded string is built unless two keys may collide.
 */
function hasFoldedDuplicate(lowerKeys: ReadonlyArray<string>): boolean {
  const hashes: number[] = [];
  for (let i = 0; i < lowerKeys.length; i++) {
    const h = foldedHash(lowerKeys[i]);
    for (let j = 0; j < i; j++) {
      if (
        hashes[j] === h &&
        foldLowerKey(lowerKeys[j]) === foldLowerKey(lowerKeys[i])
      ) {
        return true;
      }
    }
    hashes.push(h);
  }
  return false;
}

/** `tagging.no-case-duplicates`: no two keys are equal once case and separators are folded. */
export const noCaseDuplicatesCheck: Check = {
  id: 'tagging.no-case-duplicates',
  checklist: 'tagging',
  title: 'No duplicate keys in different spellings',
  description:
    'Owner and owner, or cost_center and cost-center, are different keys to AWS: reports and policies read one and miss the other.',
  severity: 'medium',
  appliesTo: 'All resources.',
  remediation: 'Keep one spelling, merge the values, and remove the others.',
  evaluate({ resource, tags }) {
    const { keys, lowerKeys } = tagArrays(tags);
    const n = keys.length;
    if (n < 2) {
      return pass('No duplicate tag keys');
    }
    if (!hasFoldedDuplicate(lowerKeys)) return pass('No duplicate tag keys');
    const seen = new Map<string, string>();
    const groups = new Map<string, string[]>();
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      const folded = foldLowerKey(lowerKeys[i]);
      const first = seen.get(folded);
      if (first === undefined) {
        seen.set(folded, key);
      } else {
        const group = groups.get(folded) ?? [first];
        group.push(key);
        groups.set(folded, group);
      }
    }
    const described = [...groups.values()].map(g =>
      g.map(displayKey).join(' / '),
    );
    const extras = [...groups.values()].flatMap(g => g.slice(1));
    const command = untagResourcesCommand(
      resource,
      extras.filter(k => !looksLikeSecretValue(k)),
    );
    return outcome(
      'fail',
      `Duplicate tag keys: ${described.join('; ')}`,
      `Keep one spelling per key (move its value over if needed) and remove the others: ${command}`,
      command,
    );
  },
};

/** `tagging.no-placeholder-values`: no user tag value is blank or a placeholder. */
export const noPlaceholderValuesCheck: Check = {
  id: 'tagging.no-placeholder-values',
  checklist: 'tagging',
  title: 'No blank or placeholder values',
  description:
    'A tag of tbd, n/a, unknown or blank only looks like information; it hides that nobody filled it in.',
  severity: 'medium',
  appliesTo: 'All resources (their user tags).',
  remediation: 'Fill in the real value, or remove the tag.',
  evaluate({ resource, compiled, tags }) {
    let bad: Array<[string, string]> | undefined;
    const { keys, values } = tagArrays(tags);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (isAwsKey(key)) continue;
      const trimmed = values[i].trim();
      if (trimmed === '') {
        (bad ??= []).push([key, trimmed]);
        continue;
      }
      const lower = trimmed.toLowerCase();
      if (
        compiled.placeholderValues.has(lower) &&
        // `backup=none` is a statement (judged by responsibility.backup), not a placeholder
        !(lower === 'none' && compiled.explicitNoneKeys.has(key.toLowerCase()))
      ) {
        (bad ??= []).push([key, trimmed]);
      }
    }
    if (bad === undefined) return pass('No blank or placeholder tag values');
    const command = tagResourcesCommand(
      resource,
      bad.map(([k]) => [k, placeholderFor(k)] as const),
    );
    return outcome(
      'fail',
      `Blank or placeholder values: ${bad
        .map(([k, v]) => `${displayKey(k)}=${JSON.stringify(v)}`)
        .join(', ')}`,
      `Set real values: ${command}`,
      command,
    );
  },
};

/** `tagging.tag-policy`: AWS reports the resource compliant with the organisation's tag policy. */
export const tagPolicyCheck: Check = {
  id: 'tagging.tag-policy',
  checklist: 'tagging',
  title: 'Compliant with the tag policy',
  description:
    'AWS Organizations tag policies are the organisation\u2019s own rules; AWS reports each resource\u2019s compliance.',
  severity: 'high',
  appliesTo:
    'Resources with compliance details (collected when includeComplianceDetails is on).',
  remediation:
    'Fix the keys and values the policy names; the tag policy in AWS Organizations lists what it expects.',
  evaluate({ resource }) {
    const compliance = resource.compliance;
    if (!compliance) {
      return outcome(
        'not-applicable',
        'No tag-policy compliance details were collected',
      );
    }
    if (compliance.compliant) {
      return pass('AWS reports the resource compliant with the tag policy');
    }
    const parts: string[] = [];
    if (compliance.noncompliantKeys?.length) {
      parts.push(
        `keys ${listWords(compliance.noncompliantKeys.map(displayKey))}`,
      );
    }
    if (compliance.keysWithNoncompliantValues?.length) {
      parts.push(
        `values of ${listWords(
          compliance.keysWithNoncompliantValues.map(displayKey),
        )}`,
      );
    }
    const keys = [
      ...(compliance.noncompliantKeys ?? []),
      ...(compliance.keysWithNoncompliantValues ?? []),
    ];
    const command = keys.length
      ? tagResourcesCommand(
          resource,
          keys.map(k => [k, placeholderFor(k)] as const),
        )
      : undefined;
    return outcome(
      'fail',
      `Not compliant with the tag policy${
        parts.length ? `: ${parts.join('; ')}` : ''
      }`,
      command
        ? `Set the keys and values the tag policy expects: ${command}`
        : 'Check the tag policy in AWS Organizations for what it expects.',
      command,
    );
  },
};

const usedMessages: string[] = [];

/** `N of 50 user tags used`, made once per N. */
function usedMessage(used: number): string {
  if (used > 64) return `${used} of 50 user tags used`;
  return (usedMessages[used] ??= `${used} of 50 user tags used`);
}

/** `tagging.headroom`: at most `tagging.maxUserTags` of the 50 user tags are used. */
export const headroomCheck: Check = {
  id: 'tagging.headroom',
  checklist: 'tagging',
  title: 'Room for more tags',
  description:
    'AWS allows 50 user tags per resource; a resource at the limit cannot take the next required tag.',
  severity: 'low',
  appliesTo: 'All resources.',
  remediation: 'Remove tags nobody reads, or fold related ones into one.',
  evaluate({ config, tags }) {
    const max = config.tagging.maxUserTags;
    const used = tags.userTagCount;
    if (used <= max) return pass(usedMessage(used));
    return outcome(
      'fail',
      `${used} of 50 user tags used (more than ${max})`,
      `Remove at least ${used - max} tags nobody reads with untag-resources.`,
    );
  },
};

/** `tagging.no-secrets`: no tag key or value looks like a secret. */
export const noSecretsCheck: Check = {
  id: 'tagging.no-secrets',
  checklist: 'tagging',
  title: 'No secrets in tags',
  description:
    'Tags are readable by anyone with tag:GetResources and copied into billing reports: a password, token or access key in a tag is leaked.',
  severity: 'critical',
  appliesTo: 'All resources.',
  remediation:
    'Remove the tag at once, rotate the credential, and keep secrets in Secrets Manager or SSM Parameter Store.',
  evaluate({ resource, tags }) {
    const { keys, values } = tagArrays(tags);
    let i = 0;
    while (i < keys.length && !isSecretTag(keys[i], values[i])) i++;
    if (i === keys.length) return pass('No tag looks like a secret');
    const byKey: string[] = [];
    const byValue: string[] = [];
    const removable: string[] = [];
    let unnamedKeys = 0;
    for (; i < keys.length; i++) {
      const key = keys[i];
      const value = values[i];
      const keyLeaks = looksLikeSecretValue(key);
      if (keyLeaks || looksLikeSecretKey(key)) {
        if (keyLeaks) unnamedKeys++;
        else byKey.push(key);
        if (!keyLeaks) removable.push(key);
      } else if (looksLikeSecretValue(value)) {
        byValue.push(key);
        removable.push(key);
      }
    }
    if (byKey.length === 0 && byValue.length === 0 && unnamedKeys === 0) {
      return pass('No tag looks like a secret');
    }
    const parts: string[] = [];
    if (byKey.length) {
      parts.push(
        `keys named like secrets: ${byKey.map(displayKey).join(', ')}`,
      );
    }
    if (byValue.length) {
      parts.push(
        `values that look like credentials under ${byValue
          .map(displayKey)
          .join(', ')}`,
      );
    }
    if (unnamedKeys)
      parts.push(`${unnamedKeys} key(s) that are themselves credentials`);
    const command = removable.length
      ? untagResourcesCommand(resource, removable)
      : undefined;
    return outcome(
      'fail',
      `Tags look like secrets (${parts.join('; ')}); values not shown`,
      `Remove the tags${
        command ? ` (${command})` : ''
      }, rotate the credential, and store secrets in Secrets Manager.`,
      command,
    );
  },
};

/** The tagging checklist, in order. */
export const taggingChecks: ReadonlyArray<Check> = [
  requiredTagsCheck,
  allowedValuesCheck,
  keyStyleCheck,
  noCaseDuplicatesCheck,
  noPlaceholderValuesCheck,
  tagPolicyCheck,
  headroomCheck,
  noSecretsCheck,
];
