import { parseResourceArn } from '../arn/parseResourceArn';
import { resourceName } from './resourceName';
import type { AwsResource, AwsTag, BuildResourceInput } from './types';

function setTag(record: Record<string, string>, key: string, value: string) {
  if (key === '__proto__') {
    // a plain assignment would set the prototype instead of the tag
    Object.defineProperty(record, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    record[key] = value;
  }
}

function toTagRecord(tags: BuildResourceInput['tags']): Record<string, string> {
  const record: Record<string, string> = {};
  if (!tags) return record;
  if (Array.isArray(tags)) {
    for (const tag of tags as ReadonlyArray<AwsTag>) {
      if (tag && typeof tag.Key === 'string') {
        setTag(record, tag.Key, typeof tag.Value === 'string' ? tag.Value : '');
      }
    }
    return record;
  }
  for (const [key, value] of Object.entries(tags)) {
    setTag(
      record,
      key,
      typeof value === 'string' ? value : String(value ?? ''),
    );
  }
  return record;
}

/**
 * Assembles an `AwsResource` from one GetResources entry (tags as a record or
 * as `{ Key, Value }[]`); throws `InvalidArnError` for a malformed ARN.
 *
 * @public
 */
export function buildResource(input: BuildResourceInput): AwsResource {
  const parsed = parseResourceArn(input.arn);
  const tags = toTagRecord(input.tags);
  const resource: AwsResource = {
    ...parsed,
    name: resourceName({ ...parsed, tags }),
    tags,
    sourceRegion: input.sourceRegion,
  };
  if (input.compliance) {
    resource.compliance = {
      compliant: input.compliance.compliant,
      noncompliantKeys: [...(input.compliance.noncompliantKeys ?? [])],
      keysWithNoncompliantValues: [
        ...(input.compliance.keysWithNoncompliantValues ?? []),
      ],
    };
  }
  return resource;
}
