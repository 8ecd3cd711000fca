import { parse, validate } from '@aws-sdk/util-arn-parser';
import type { ParsedArn } from '../model/types';
import { InvalidArnError } from './InvalidArnError';
import { splitResourcePart } from './resourceParts';

/**
 * AWS partitions an ARN may name.
 *
 * @public
 */
export const awsPartitions: ReadonlyArray<string> = [
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
  'aws-eusc',
];

const partitions = new Set(awsPartitions);
const servicePattern = /^[a-z0-9][a-z0-9-]*$/;
const regionPattern = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const accountPattern = /^(?:\d{12}|aws)$/;
// ARNs never hold control characters; `\s` at the ends means a copy-paste slip.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const controlPattern = /[\u0000-\u001f\u007f]/;
const maxArnLength = 2048;

/**
 * Splits an ARN into partition, service, region, account, normalised type and
 * id; throws `InvalidArnError` (and nothing else) for anything that is not one.
 *
 * @public
 */
export function parseResourceArn(arn: string): ParsedArn {
  if (typeof arn !== 'string') {
    throw new InvalidArnError(arn, 'not a string');
  }
  if (arn.length > maxArnLength) {
    throw new InvalidArnError(arn, `longer than ${maxArnLength} characters`);
  }
  if (!validate(arn)) {
    throw new InvalidArnError(
      arn,
      'expected arn:partition:service:region:account-id:resource',
    );
  }
  if (controlPattern.test(arn) || arn.trim() !== arn) {
    throw new InvalidArnError(
      arn,
      'contains control characters or surrounding whitespace',
    );
  }
  const { partition, service, region, accountId, resource } = parse(arn);
  if (!partitions.has(partition)) {
    throw new InvalidArnError(arn, `unknown partition "${partition}"`);
  }
  if (!servicePattern.test(service)) {
    throw new InvalidArnError(arn, 'the service is empty or malformed');
  }
  if (region !== '' && !regionPattern.test(region)) {
    throw new InvalidArnError(arn, `malformed region "${region}"`);
  }
  if (accountId !== '' && !accountPattern.test(accountId)) {
    throw new InvalidArnError(arn, `malformed account id "${accountId}"`);
  }
  const [type, resourceId] = splitResourcePart(service, resource);
  if (type === '' || resourceId === '') {
    throw new InvalidArnError(arn, 'the resource part has no type or no id');
  }
  return {
    arn,
    partition,
    service,
    region,
    accountId,
    resourceType: `${service}:${type}`,
    resourceId,
  };
}
