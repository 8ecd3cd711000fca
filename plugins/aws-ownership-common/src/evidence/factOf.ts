import type { AwsResource } from '../model/types';
import { configEvidenceType } from './configEvidenceTypes';
import type { EvidenceFactName, EvidenceFacts, ResultEvidence } from './types';

/**
 * One known fact of a resource, with the provenance a verified result carries.
 */
export interface KnownFact<K extends EvidenceFactName> {
  value: NonNullable<EvidenceFacts[K]>;
  evidence: ResultEvidence;
}

/** The fact `name` of a resource, or undefined when no provider established it. */
export function factOf<K extends EvidenceFactName>(
  resource: AwsResource,
  name: K,
): KnownFact<K> | undefined {
  const evidence = resource.evidence;
  const value = evidence?.facts[name];
  if (!evidence || value === undefined || value === null) return undefined;
  const property = evidence.configType
    ? configEvidenceType(evidence.configType)?.factProperties[name]
    : undefined;
  const result: ResultEvidence = {
    fact: name,
    value: value as ResultEvidence['value'],
    capturedAt: evidence.capturedAt,
    source: evidence.source,
  };
  if (property) result.property = property;
  return { value: value as NonNullable<EvidenceFacts[K]>, evidence: result };
}

/** The message of a check that only a fact can decide, when there is none. */
export function noEvidenceMessage(resource: AwsResource): string {
  const why = resource.evidenceUnavailable;
  return `no evidence: AWS Config does not record this resource here${
    why ? ` (${why})` : ''
  }`;
}
