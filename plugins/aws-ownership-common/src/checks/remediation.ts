import type { AwsResource } from '../model/types';

/**
 * What a remediation command needs of a resource.
 *
 * @public
 */
export type CommandTarget = Pick<
  AwsResource,
  'arn' | 'region' | 'sourceRegion'
>;

/** A word a POSIX shell takes literally outside quotes: not empty, no special character. */
const shellLiteral = /^[A-Za-z0-9_.,:/=@+%-]+$/;

/** Quotes a word for a POSIX shell when it needs it (when it is empty or holds a special character). */
export function shellQuote(word: string): string {
  if (shellLiteral.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A placeholder value for a tag key: `owner` becomes `OWNER`, `cost-center` `COST_CENTER`. */
export function placeholderFor(key: string): string {
  const upper = key
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return upper === '' ? 'VALUE' : upper;
}

// The tagging API is regional: global resources use the region they were read from.
function regionFlag(resource: CommandTarget): string {
  const region = resource.region || resource.sourceRegion;
  return region ? ` --region ${shellQuote(region)}` : '';
}

/**
 * The `aws resourcegroupstaggingapi tag-resources` command that sets the given
 * tags on the resource (the region flag follows, since the API is regional).
 *
 * @public
 */
export function tagResourcesCommand(
  resource: CommandTarget,
  tags: ReadonlyArray<readonly [key: string, value: string]>,
): string {
  const pairs = tags.map(([key, value]) => shellQuote(`${key}=${value}`));
  return `aws resourcegroupstaggingapi tag-resources --resource-arn-list ${shellQuote(
    resource.arn,
  )} --tags ${pairs.join(',')}${regionFlag(resource)}`;
}

/**
 * The `aws resourcegroupstaggingapi untag-resources` command that removes the given keys.
 *
 * @public
 */
export function untagResourcesCommand(
  resource: CommandTarget,
  keys: ReadonlyArray<string>,
): string {
  return `aws resourcegroupstaggingapi untag-resources --resource-arn-list ${shellQuote(
    resource.arn,
  )} --tag-keys ${keys.map(shellQuote).join(' ')}${regionFlag(resource)}`;
}
