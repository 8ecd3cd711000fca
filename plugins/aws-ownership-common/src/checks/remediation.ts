import type { AwsResource } from '../model/types';

// The characters a word may hold unquoted: A-Z a-z 0-9 _ . , : / = @ + % -
// (a regex: the engine scans an ARN for it faster than a character loop).
const shellSafePattern = /^[A-Za-z0-9_.,:/=@+%-]+$/;

function isShellSafe(word: string): boolean {
  return shellSafePattern.test(word);
}

/** Quotes a word for a POSIX shell when it needs it. */
export function shellQuote(word: string): string {
  if (isShellSafe(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

const placeholders = new Map<string, string>();

/** A placeholder value for a tag key: `owner` becomes `OWNER`, `cost-center` `COST_CENTER`. */
export function placeholderFor(key: string): string {
  const known = placeholders.get(key);
  if (known !== undefined) return known;
  const upper = key
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const placeholder = upper === '' ? 'VALUE' : upper;
  if (placeholders.size < 1000) placeholders.set(key, placeholder);
  return placeholder;
}

type CommandTarget = Pick<AwsResource, 'arn' | 'region' | 'sourceRegion'>;

// Several checks fail on the same resource in turn: quote its ARN and region once.
let lastTarget: CommandTarget | undefined;
let lastArn = '';
let lastRegion = '';

function quoteTarget(resource: CommandTarget): void {
  if (resource === lastTarget) return;
  // the tagging API is regional: global resources use the region they were read from
  const region = resource.region || resource.sourceRegion;
  lastArn = shellQuote(resource.arn);
  lastRegion = region ? ` --region ${shellQuote(region)}` : '';
  lastTarget = resource;
}

/** The `--tags` argument of tag-resources: `key=value` pairs, each quoted when it needs it. @internal */
export function tagPairs(
  tags: ReadonlyArray<readonly [key: string, value: string]>,
): string {
  let pairs = '';
  for (let i = 0; i < tags.length; i++) {
    if (i) pairs += ',';
    pairs += tagPair(tags[i][0], tags[i][1]);
  }
  return pairs;
}

/** One `key=value` pair of the `--tags` argument. */
function tagPair(key: string, value: string): string {
  // `=` is safe: when key and value are, the pair is (no concatenated string to scan)
  return isShellSafe(key) && (value === '' || isShellSafe(value))
    ? `${key}=${value}`
    : shellQuote(`${key}=${value}`);
}

/** `tagResourcesCommand` with the `--tags` argument already built by `tagPairs`. @internal */
export function tagResourcesCommandWithPairs(
  resource: CommandTarget,
  pairs: string,
): string {
  quoteTarget(resource);
  return `aws resourcegroupstaggingapi tag-resources --resource-arn-list ${lastArn} --tags ${pairs}${lastRegion}`;
}

/**
 * The `aws resourcegroupstaggingapi tag-resources` command that sets the given
 * tags on the resource (the region flag follows, since the API is regional).
 */
export function tagResourcesCommand(
  resource: CommandTarget,
  tags: ReadonlyArray<readonly [key: string, value: string]>,
): string {
  return tagResourcesCommandWithPairs(resource, tagPairs(tags));
}

/** The `aws resourcegroupstaggingapi untag-resources` command that removes the given keys. */
export function untagResourcesCommand(
  resource: CommandTarget,
  keys: ReadonlyArray<string>,
): string {
  quoteTarget(resource);
  return `aws resourcegroupstaggingapi untag-resources --resource-arn-list ${lastArn} --tag-keys ${keys
    .map(shellQuote)
    .join(' ')}${lastRegion}`;
}
