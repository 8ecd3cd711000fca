import { outcome } from './outcome';
import {
  placeholderFor,
  tagPairs,
  tagResourcesCommand,
  tagResourcesCommandWithPairs,
  untagResourcesCommand,
} from './remediation';
import {
  displayKey,
  displayValue,
  isSecretTag,
  looksLikeSecretKey,
  looksLikeSecretValue,
} from './secrets';
import { foldedHash, foldLowerKey, hasFoldedDuplicate } from './keyShape';
import { isAwsKey, listConfigWords, listWords } from './tagHelpers';
import { tagArrays, tagScanOf } from './tagIndex';
import { isBlankOrPlaceholder, keyFlag, offendsKeyStyle } from './tagScan';
import type { Check, CheckInput, CheckOutcome } from './types';
import type { CompiledChecklistConfig } from '../config/compileChecklistConfig';

const pass = (message: string): CheckOutcome => outcome('pass', message);

/** The texts of a `tagging.required` failure, but for the resource's ARN. */
interface RequiredFailure {
  /** The message. */
  message: string;
  /** The allowed-values hints, ` (...)`, or ''. */
  hints: string;
  /** The `--tags` argument setting the keys to placeholders. */
  pairs: string;
}

function requiredFailure(
  missing: ReadonlyArray<string>,
  blank: ReadonlyArray<string>,
  { compiled, tags }: CheckInput,
): RequiredFailure {
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
interface RequiredTexts {
  compiled: CompiledChecklistConfig;
  keys: ReadonlyArray<string>;
  /** The pass message. */
  pass: string;
  /** Failure texts by the bits of the failing keys (bounded). */
  failures: Map<number, RequiredFailure>;
}

// Most resources that fail miss the same few keys: the failure texts depend
// only on which, so they are built once per combination and config.
let lastRequiredTexts: RequiredTexts | undefined;

function requiredTexts(
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
  evaluate(input) {
    const { resource, config, compiled, tags } = input;
    const required = config.tagging.requiredKeys;
    const texts = requiredTexts(required, compiled);
    let missing: string[] | undefined;
    let blank: string[] | undefined;
    // which keys fail, as bits (missing: bit k, blank: bit k + 15), while the
    // texts can be shared: the keys as written are the configured ones
    let mask = 0;
    let shareable = required.length <= 15 && tagScanOf(input) !== undefined;
    for (let k = 0; k < required.length; k++) {
      const key = required[k];
      const value = tags.get(key);
      if (value === undefined) {
        (missing ??= []).push(key);
        mask |= 1 << k;
      } else if (value.trim() === '') {
        (blank ??= []).push(key);
        mask |= 1 << (k + 15);
        if (tags.keyOf(key) !== key) shareable = false;
      }
    }
    if (mask === 0) return pass(texts.pass);
    let failure = shareable ? texts.failures.get(mask) : undefined;
    if (failure === undefined) {
      failure = requiredFailure(missing ?? [], blank ?? [], input);
      if (shareable && texts.failures.size < 1000) {
        texts.failures.set(mask, failure);
      }
    }
    const command = tagResourcesCommandWithPairs(resource, failure.pairs);
    return outcome(
      'fail',
      failure.message,
      `Tag it, replacing the placeholder values${failure.hints}: ${command}`,
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
  evaluate(input) {
    const { resource, config, compiled, tags } = input;
    const scan = tagScanOf(input);
    if (scan !== undefined && !scan.any(keyFlag.offendsStyle)) {
      return pass(`Tag keys follow the ${config.tagging.keyStyle} style`);
    }
    const offending: string[] = [];
    const { keys, lowerKeys } = tagArrays(tags);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (scan !== undefined) {
        // judged in the scan already
        if (scan.flagsAt(i) & keyFlag.offendsStyle) offending.push(key);
        continue;
      }
      if (offendsKeyStyle(key, lowerKeys[i], compiled)) offending.push(key);
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

/**
 * The keys that fold alike, in groups of two or more: each group in tag
 * order, the groups in the order their second key appears.
 */
function duplicateGroups(
  keys: ReadonlyArray<string>,
  lowerKeys: ReadonlyArray<string>,
): string[][] {
  // folded key -> its group's index, or -1 - the index of its only key so far
  const seen = new Map<string, number>();
  const groups: string[][] = [];
  for (let i = 0; i < keys.length; i++) {
    const folded = foldLowerKey(lowerKeys[i]);
    const at = seen.get(folded);
    if (at === undefined) {
      seen.set(folded, -1 - i);
    } else if (at < 0) {
      seen.set(folded, groups.length);
      groups.push([keys[-1 - at], keys[i]]);
    } else {
      groups[at].push(keys[i]);
    }
  }
  return groups;
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
  evaluate(input) {
    const { resource, tags } = input;
    const scan = tagScanOf(input);
    if (scan !== undefined && !scan.hasFoldedDuplicate()) {
      return pass('No duplicate tag keys');
    }
    const { keys, lowerKeys } = tagArrays(tags);
    // (the engine's scan has answered whether there is a duplicate)
    if (
      scan === undefined &&
      !hasFoldedDuplicate(lowerKeys, lowerKeys.map(foldedHash))
    ) {
      return pass('No duplicate tag keys');
    }
    const groups = duplicateGroups(keys, lowerKeys);
    const described: string[] = [];
    const removable: string[] = [];
    for (const group of groups) {
      described.push(group.map(displayKey).join(' / '));
      // keep the first spelling; a key that is itself a credential is not echoed
      for (let k = 1; k < group.length; k++) {
        if (!looksLikeSecretValue(group[k])) removable.push(group[k]);
      }
    }
    const command = untagResourcesCommand(resource, removable);
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
  evaluate(input) {
    const { resource, compiled, tags } = input;
    const scan = tagScanOf(input);
    if (scan !== undefined && !scan.hasPlaceholderValue()) {
      return pass('No blank or placeholder tag values');
    }
    let bad: Array<[string, string]> | undefined;
    const { keys, values } = tagArrays(tags);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (isAwsKey(key)) continue;
      // `backup=none` is a statement (judged by responsibility.backup), not a placeholder
      const noneIsExplicit = compiled.explicitNoneKeys.has(key.toLowerCase());
      if (isBlankOrPlaceholder(values[i], noneIsExplicit, compiled)) {
        (bad ??= []).push([key, values[i].trim()]);
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
  evaluate(input) {
    const { resource, tags } = input;
    const scan = tagScanOf(input);
    if (scan !== undefined && !scan.hasSecret()) {
      return pass('No tag looks like a secret');
    }
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
