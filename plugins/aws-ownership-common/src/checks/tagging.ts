import type { TagKeyStyle } from '../config/types';
import { notApplicable, pass } from './outcome';
import {
  placeholderFor,
  tagResourcesCommand,
  untagResourcesCommand,
} from './remediation';
import {
  displayKey,
  displayValue,
  looksLikeSecretKey,
  looksLikeSecretValue,
} from './secrets';
import { isBlank, listWords } from './tags';
import type { Check, CheckInput, CheckOutcome } from './types';

/** The regex of each tag key style; `prefix:` namespaces allowed in each. */
export const tagKeyStylePatterns: Readonly<Record<TagKeyStyle, RegExp>> = {
  kebab: /^[a-z0-9]+(?:-[a-z0-9]+)*(?::[a-z0-9]+(?:-[a-z0-9]+)*)*$/,
  snake: /^[a-z0-9]+(?:_[a-z0-9]+)*(?::[a-z0-9]+(?:_[a-z0-9]+)*)*$/,
  camel: /^[a-z][a-zA-Z0-9]*(?::[a-z][a-zA-Z0-9]*)*$/,
  pascal: /^[A-Z][a-zA-Z0-9]*(?::[A-Z][a-zA-Z0-9]*)*$/,
};

/** A failing outcome whose remediation ends with the fixing command. */
function fail(message: string, advice: string, command: string): CheckOutcome {
  return {
    status: 'fail',
    message,
    remediation: `${advice}: ${command}`,
    command,
  };
}

/** The allowed-values rules that restrict something: `[key, values]` with at least one value. */
function allowedValueRules(input: CheckInput): Array<[string, string[]]> {
  return Object.entries(input.config.tagging.allowedValues).filter(
    ([, values]) => values.length > 0,
  );
}

/** The allowed values of a tag key (matched case-insensitively), or undefined when unrestricted. */
export function allowedValuesOf(
  input: CheckInput,
  key: string,
): string[] | undefined {
  const lower = key.toLowerCase();
  return allowedValueRules(input).find(([k]) => k.toLowerCase() === lower)?.[1];
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
    const { resource, config, tags } = input;
    const required = config.tagging.requiredKeys;
    const missing: string[] = [];
    const blank: string[] = [];
    for (const key of required) {
      const value = tags.get(key);
      if (value === undefined) missing.push(key);
      else if (isBlank(value)) blank.push(key);
    }
    if (missing.length === 0 && blank.length === 0) {
      return pass(`All required tags present: ${listWords(required)}`);
    }
    const parts = [
      missing.length && `missing ${listWords(missing)}`,
      blank.length && `blank ${listWords(blank)}`,
    ].filter(Boolean);
    const failing = [...missing, ...blank];
    const hints = failing.flatMap(key => {
      const values = allowedValuesOf(input, key);
      return values ? [`${key} is one of ${values.join(', ')}`] : [];
    });
    const command = tagResourcesCommand(
      resource,
      failing.map(key => [tags.keyOf(key) ?? key, placeholderFor(key)]),
    );
    return fail(
      `Required tags ${parts.join('; ')}`,
      `Tag it, replacing the placeholder values${
        hints.length ? ` (${hints.join('; ')})` : ''
      }`,
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
  evaluate(input) {
    const { resource, tags } = input;
    const present = allowedValueRules(input).filter(
      ([key]) => tags.get(key) !== undefined,
    );
    if (present.length === 0) {
      return notApplicable('No tag with a restricted vocabulary');
    }
    const wrong = present.filter(
      ([key, values]) => !values.includes(tags.get(key)!),
    );
    if (wrong.length === 0) {
      return pass(
        `Allowed values used for ${listWords(
          present.map(([key]) => tags.keyOf(key)!),
        )}`,
      );
    }
    const fixes = wrong.map(([key, values]) => {
      const written = tags.keyOf(key)!;
      const value = tags.get(key)!;
      const lower = value.trim().toLowerCase();
      const suggestion = values.find(v => v.toLowerCase() === lower);
      return {
        shown: `${written}=${JSON.stringify(displayValue(value))}`,
        tag: [written, suggestion ?? placeholderFor(key)] as const,
        advice: suggestion
          ? `use ${suggestion} for ${written}`
          : `${written} is one of ${values.join(', ')}`,
      };
    });
    return fail(
      `Values not allowed: ${fixes.map(f => f.shown).join(', ')}`,
      fixes.map(f => f.advice).join('; '),
      tagResourcesCommand(
        resource,
        fixes.map(f => f.tag),
      ),
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
  evaluate({ resource, config, tags }) {
    const { keyStyle, keyStyleExemptKeys, keyStyleExemptPrefixes } =
      config.tagging;
    const pattern = tagKeyStylePatterns[keyStyle] ?? tagKeyStylePatterns.kebab;
    const offending = tags.entries
      .filter(
        ([key], i) =>
          !pattern.test(key) &&
          !keyStyleExemptKeys.includes(key) &&
          !tags.lowerKeys[i].startsWith('aws:') &&
          !keyStyleExemptPrefixes.some(p => tags.lowerKeys[i].startsWith(p)),
      )
      .map(([key]) => key);
    if (offending.length === 0) {
      return pass(`Tag keys follow the ${keyStyle} style`);
    }
    return fail(
      `Tag keys not in ${keyStyle} style: ${offending
        .map(displayKey)
        .join(', ')}`,
      `Copy each value under a ${keyStyle}-style key with tag-resources, then remove the old keys`,
      // a key that is itself a credential is not echoed
      untagResourcesCommand(
        resource,
        offending.filter(k => !looksLikeSecretValue(k)),
      ),
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
  evaluate({ resource, tags }) {
    // each key with case and separators folded; at most 50 user tags, so a
    // linear search per key is plenty
    const folded = tags.lowerKeys.map(lower => lower.replace(/[-_\s]+/g, ''));
    const repeated = folded.filter((fold, i) => folded.indexOf(fold) !== i);
    if (repeated.length === 0) return pass('No duplicate tag keys');
    // every spelling of each repeated key, in the resource's order
    const groups = [...new Set(repeated)].map(fold =>
      tags.entries.filter((_, i) => folded[i] === fold).map(([key]) => key),
    );
    // keep the first spelling; a key that is itself a credential is not echoed
    const removable = groups
      .flatMap(group => group.slice(1))
      .filter(k => !looksLikeSecretValue(k));
    return fail(
      `Duplicate tag keys: ${groups
        .map(group => group.map(displayKey).join(' / '))
        .join('; ')}`,
      'Keep one spelling per key (move its value over if needed) and remove the others',
      untagResourcesCommand(resource, removable),
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
  evaluate({ resource, config, tags }) {
    const { placeholderValues } = config.tagging;
    const isBackupKey = (lowerKey: string) =>
      config.responsibility.backupTagKeys.some(
        k => k.toLowerCase() === lowerKey,
      );
    const bad = tags.entries.filter(([, value], i) => {
      const lowerKey = tags.lowerKeys[i];
      if (lowerKey.startsWith('aws:')) return false;
      const lower = value.trim().toLowerCase();
      // `backup=none` is a statement (judged by responsibility.backup), not a placeholder
      if (lower === 'none' && isBackupKey(lowerKey)) return false;
      return lower === '' || placeholderValues.includes(lower);
    });
    if (bad.length === 0) return pass('No blank or placeholder tag values');
    return fail(
      `Blank or placeholder values: ${bad
        .map(([k, v]) => `${displayKey(k)}=${JSON.stringify(v.trim())}`)
        .join(', ')}`,
      'Set real values',
      tagResourcesCommand(
        resource,
        bad.map(([k]) => [k, placeholderFor(k)]),
      ),
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
      return notApplicable('No tag-policy compliance details were collected');
    }
    if (compliance.compliant) {
      return pass('AWS reports the resource compliant with the tag policy');
    }
    const badKeys = compliance.noncompliantKeys ?? [];
    const badValues = compliance.keysWithNoncompliantValues ?? [];
    const parts = [
      badKeys.length && `keys ${listWords(badKeys.map(displayKey))}`,
      badValues.length && `values of ${listWords(badValues.map(displayKey))}`,
    ].filter(Boolean);
    const message = `Not compliant with the tag policy${
      parts.length ? `: ${parts.join('; ')}` : ''
    }`;
    const keys = [...badKeys, ...badValues];
    if (keys.length === 0) {
      return {
        status: 'fail',
        message,
        remediation:
          'Check the tag policy in AWS Organizations for what it expects.',
      };
    }
    return fail(
      message,
      'Set the keys and values the tag policy expects',
      tagResourcesCommand(
        resource,
        keys.map(k => [k, placeholderFor(k)]),
      ),
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
    if (used <= max) return pass(`${used} of 50 user tags used`);
    return {
      status: 'fail',
      message: `${used} of 50 user tags used (more than ${max})`,
      remediation: `Remove at least ${
        used - max
      } tags nobody reads with untag-resources.`,
    };
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
    const byKey: string[] = [];
    const byValue: string[] = [];
    // keys that are themselves credentials are counted, never named
    let credentialKeys = 0;
    for (const [key, value] of tags.entries) {
      if (looksLikeSecretValue(key)) credentialKeys++;
      else if (looksLikeSecretKey(key)) byKey.push(key);
      else if (looksLikeSecretValue(value)) byValue.push(key);
    }
    if (credentialKeys + byKey.length + byValue.length === 0) {
      return pass('No tag looks like a secret');
    }
    const parts = [
      byKey.length &&
        `keys named like secrets: ${byKey.map(displayKey).join(', ')}`,
      byValue.length &&
        `values that look like credentials under ${byValue
          .map(displayKey)
          .join(', ')}`,
      credentialKeys &&
        `${credentialKeys} key(s) that are themselves credentials`,
    ].filter(Boolean);
    const removable = tags.entries
      .map(([key]) => key)
      .filter(key => byKey.includes(key) || byValue.includes(key));
    const command = removable.length
      ? untagResourcesCommand(resource, removable)
      : undefined;
    return {
      status: 'fail',
      message: `Tags look like secrets (${parts.join('; ')}); values not shown`,
      remediation: `Remove the tags${
        command ? ` (${command})` : ''
      }, rotate the credential, and store secrets in Secrets Manager.`,
      ...(command ? { command } : {}),
    };
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
