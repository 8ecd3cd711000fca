import { outcome } from './outcome';
import {
  placeholderFor,
  tagResourcesCommand,
  tagResourcesCommandWithPairs,
  untagResourcesCommand,
  untagResourcesCommandWithKeys,
} from './remediation';
import {
  displayKey,
  isSecretTag,
  looksLikeSecretKey,
  looksLikeSecretValue,
} from './secrets';
import { foldedHash, hasFoldedDuplicate } from './keyShape';
import { isAwsKey, isBlank, listWords } from './tagHelpers';
import { tagArrays, tagScanOf } from './tagIndex';
import { isBlankOrPlaceholder, keyFlag, offendsKeyStyle } from './tagScan';
import {
  allowedFailure,
  allowedPassMessage,
  checkedKeys,
  duplicateFailureOf,
  duplicateGroups,
  keyStyleFailureOf,
  keyStylePass,
  knownAllowedFailure,
  placeholderFailureOf,
  requiredFailure,
  requiredTexts,
  usedMessage,
} from './taggingTexts';
import type { Check, CheckOutcome } from './types';
import type { CompiledAllowedValues } from '../config/compileChecklistConfig';

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
  evaluate(input) {
    const { resource, config, compiled, tags } = input;
    const required = config.tagging.requiredKeys;
    const texts = requiredTexts(required, compiled);
    // which keys fail, as bits (missing: bit k, blank: bit k + 15), while the
    // texts can be shared: the keys as written are the configured ones
    let failing = false;
    let mask = 0;
    let shareable = required.length <= 15 && tagScanOf(input) !== undefined;
    for (let k = 0; k < required.length; k++) {
      const key = required[k];
      const value = tags.get(key);
      if (value === undefined) {
        failing = true;
        mask |= 1 << k;
      } else if (isBlank(value)) {
        failing = true;
        mask |= 1 << (k + 15);
        if (tags.keyOf(key) !== key) shareable = false;
      }
    }
    if (!failing) return pass(texts.pass);
    let failure = shareable ? texts.failures.get(mask) : undefined;
    if (failure === undefined) {
      failure = requiredFailure(required, input);
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
    const rules = compiled.allowedValues;
    // which rules' keys are present (bit r), whether they are written as
    // configured (then the pass message can be shared), and the wrong values
    let present = 0;
    let asConfigured = true;
    let wrongCount = 0;
    let wrongRule: CompiledAllowedValues | undefined;
    let wrongValue = '';
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r];
      const value = tags.get(rule.key);
      if (value === undefined) continue;
      present |= 1 << r;
      if (tags.keyOf(rule.key) !== rule.key) asConfigured = false;
      if (!rule.valueSet.has(value)) {
        wrongCount++;
        wrongRule = rule;
        wrongValue = value;
      }
    }
    if (present === 0) {
      return outcome('not-applicable', 'No tag with a restricted vocabulary');
    }
    if (wrongCount === 0) {
      if (asConfigured && rules.length <= 30) {
        return pass(allowedPassMessage(compiled, present));
      }
      return pass(
        `Allowed values used for ${listWords(checkedKeys(rules, tags))}`,
      );
    }
    // one wrong value under its configured key: texts shared by every
    // resource with that value
    const failure =
      wrongCount === 1 && tags.keyOf(wrongRule!.key) === wrongRule!.key
        ? knownAllowedFailure(wrongRule!, wrongValue, tags)
        : allowedFailure(rules, tags);
    const command = tagResourcesCommandWithPairs(resource, failure.pairs);
    return outcome(
      'fail',
      failure.message,
      `${failure.advice}: ${command}`,
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
    const style = config.tagging.keyStyle;
    const scan = tagScanOf(input);
    if (scan !== undefined && !scan.any(keyFlag.offendsStyle)) {
      return pass(keyStylePass(style));
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
    if (offending.length === 0) return pass(keyStylePass(style));
    // one offending key (Team, CostCenter): texts shared by every resource with it
    const failure = keyStyleFailureOf(style, offending);
    const command = untagResourcesCommandWithKeys(resource, failure.keys);
    return outcome(
      'fail',
      failure.message,
      `${failure.advice}: ${command}`,
      command,
    );
  },
};

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
    // the engine's scan has the hashes, and has answered whether there is a duplicate
    const hashes = scan?.foldedHashes() ?? lowerKeys.map(foldedHash);
    if (scan === undefined && !hasFoldedDuplicate(lowerKeys, hashes)) {
      return pass('No duplicate tag keys');
    }
    const groups = duplicateGroups(keys, lowerKeys, hashes);
    const failure = duplicateFailureOf(groups);
    const command = untagResourcesCommandWithKeys(resource, failure.keys);
    return outcome(
      'fail',
      failure.message,
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
      // `backup=none` is a statement (judged by responsibility.backup), not a placeholder
      let noneIsExplicit: boolean;
      if (scan !== undefined) {
        const flags = scan.flagsAt(i);
        if (flags & keyFlag.aws) continue;
        noneIsExplicit = (flags & keyFlag.noneIsExplicit) !== 0;
      } else {
        if (isAwsKey(key)) continue;
        noneIsExplicit = compiled.explicitNoneKeys.has(key.toLowerCase());
      }
      if (isBlankOrPlaceholder(values[i], noneIsExplicit, compiled)) {
        (bad ??= []).push([key, values[i].trim()]);
      }
    }
    if (bad === undefined) return pass('No blank or placeholder tag values');
    // one bad tag (owner=tbd): texts shared by every resource with it
    const failure = placeholderFailureOf(bad);
    const command = tagResourcesCommandWithPairs(resource, failure.pairs);
    return outcome(
      'fail',
      failure.message,
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
