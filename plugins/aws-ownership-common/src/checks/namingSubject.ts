import { generatedIdTypes, looksGenerated } from '../classification/typeSets';
import { nameFromId } from '../model/nameFromId';
import type { AwsResource } from '../model/types';
import { displayValue } from './secrets';
import { isBlank, type TagLookup } from './tags';

/**
 * The name the naming checks judge, and whether the resource's id is only an AWS-generated one.
 *
 * @public
 */
export interface NamingSubject {
  /** The `Name` tag (trimmed) when it is not blank, otherwise the human part of the id. */
  name: string;
  /** The name as messages show it (secret-looking names redacted, long ones shortened). */
  shown: string;
  /** Whether the type's id is AWS-generated (the EC2 family, KMS keys, ..., or any id that looks generated). */
  generatedId: boolean;
  /** Whether the name came from the `Name` tag. */
  fromTag: boolean;
}

/** The naming subject of a resource, from its id and its (case-insensitive) tags. */
export function namingSubject(
  resource: Pick<AwsResource, 'service' | 'resourceType' | 'resourceId'>,
  tags: TagLookup,
): NamingSubject {
  const idName = nameFromId(resource.resourceType, resource.resourceId);
  const generatedId =
    resource.service === 'ec2' ||
    generatedIdTypes.has(resource.resourceType) ||
    looksGenerated(idName);
  const tag = tags.get('Name');
  const fromTag = !isBlank(tag);
  const name = fromTag ? tag!.trim() : idName;
  return { name, shown: displayValue(name), generatedId, fromTag };
}
