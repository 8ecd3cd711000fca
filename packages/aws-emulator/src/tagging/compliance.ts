import type { TagPolicy } from '../inventory/types';

/** `ComplianceDetails` as GetResources returns it. */
export interface ComplianceDetails {
  NoncompliantKeys: string[];
  KeysWithNoncompliantValues: string[];
  ComplianceStatus: boolean;
}

const COMPLIANT: ComplianceDetails = Object.freeze({
  NoncompliantKeys: [],
  KeysWithNoncompliantValues: [],
  ComplianceStatus: true,
}) as ComplianceDetails;

function valueAllowed(value: string, allowed: string[]): boolean {
  return allowed.some(a =>
    a.endsWith('*') ? value.startsWith(a.slice(0, -1)) : value === a,
  );
}

function requiredOn(
  types: string[],
  service: string,
  resourceType: string,
): boolean {
  return types.some(t => t === '*' || t === service || t === resourceType);
}

/**
 * Evaluates a resource's tags against a tag policy: a key in the wrong capitalisation or a
 * required key that is missing is a noncompliant key; a value outside the allowed ones is a
 * key with a noncompliant value.
 */
export function evaluateCompliance(
  tags: Record<string, string>,
  service: string,
  resourceType: string,
  policy: TagPolicy | undefined,
): ComplianceDetails {
  if (!policy) {
    return COMPLIANT;
  }
  const noncompliantKeys: string[] = [];
  const badValues: string[] = [];
  const present = new Map<string, string>();
  for (const key of Object.keys(tags)) {
    present.set(key.toLowerCase(), key);
  }
  for (const [policyKey, rule] of Object.entries(policy.tags)) {
    const actual = present.get(policyKey.toLowerCase());
    if (actual === undefined) {
      if (
        rule.requiredFor &&
        requiredOn(rule.requiredFor, service, resourceType)
      ) {
        noncompliantKeys.push(policyKey);
      }
      continue;
    }
    if (actual !== policyKey) {
      noncompliantKeys.push(actual);
    }
    if (rule.values && !valueAllowed(tags[actual], rule.values)) {
      badValues.push(actual);
    }
  }
  if (noncompliantKeys.length === 0 && badValues.length === 0) {
    return COMPLIANT;
  }
  return {
    NoncompliantKeys: noncompliantKeys,
    KeysWithNoncompliantValues: badValues,
    ComplianceStatus: false,
  };
}
