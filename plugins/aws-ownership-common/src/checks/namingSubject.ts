import { looksGenerated, generatedIdTypes } from '../classification/typeSets';
import { nameFromId } from '../model/nameFromId';
import { isBlank } from './tagHelpers';
import type { CheckInput } from './types';

/** The name the naming checks judge, and whether it is only an AWS-generated id. */
export interface NamingSubject {
  /** The `Name` tag (trimmed), or the human part of the id. */
  name: string;
  /** Whether the name came from the `Name` tag. */
  fromTag: boolean;
  /** Whether the type's id is AWS-generated (`naming.name-present` applies). */
  generatedId: boolean;
  /** An AWS-generated id without a `Name` tag: no name for the other naming checks to judge. */
  anonymous: boolean;
}

// The four naming checks ask in turn about the same input: remember the last.
let lastInput: CheckInput | undefined;
let lastSubject: NamingSubject | undefined;

/** Works out the name the naming checks judge (memoised for the last input). */
export function namingSubject(input: CheckInput): NamingSubject {
  if (input === lastInput && lastSubject) return lastSubject;
  lastSubject = computeSubject(input);
  lastInput = input;
  return lastSubject;
}

function computeSubject(input: CheckInput): NamingSubject {
  const { resource, tags } = input;
  // the name in the id is only needed when the type does not tell, or there is no Name tag
  let idName: string | undefined;
  const generatedId =
    resource.service === 'ec2' ||
    generatedIdTypes.has(resource.resourceType) ||
    looksGenerated(
      (idName = nameFromId(resource.resourceType, resource.resourceId)),
    );
  const tagValue = tags.get('Name');
  if (tagValue !== undefined && !isBlank(tagValue)) {
    return {
      name: tagValue.trim(),
      fromTag: true,
      generatedId,
      anonymous: false,
    };
  }
  return {
    name: idName ?? nameFromId(resource.resourceType, resource.resourceId),
    fromTag: false,
    generatedId,
    anonymous: generatedId,
  };
}
