import type { AwsResource } from '../model/types';
import { TwoKeyMemo } from './memo';

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

/**
 * The parts of a resource its remediation commands need.
 *
 * @public
 */
export type CommandTarget = Pick<
  AwsResource,
  'arn' | 'region' | 'sourceRegion'
>;

// Several checks fail on the same resource in turn: quote its ARN and region
// once, and start its commands once.
let lastTarget: CommandTarget | undefined;
let lastArn = '';
let lastRegion = '';
let tagPrefix = '';
let untagPrefix = '';
// consecutive resources mostly share a region: its flag is remembered
let regionFor = '';
let regionFlag = '';

function quoteTarget(resource: CommandTarget): void {
  if (resource === lastTarget) return;
  // the tagging API is regional: global resources use the region they were read from
  const region = resource.region || resource.sourceRegion;
  if (region !== regionFor) {
    regionFlag = region ? ` --region ${shellQuote(region)}` : '';
    regionFor = region;
  }
  lastArn = shellQuote(resource.arn);
  lastRegion = regionFlag;
  tagPrefix = '';
  untagPrefix = '';
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
  if (tagPrefix === '') {
    tagPrefix = `aws resourcegroupstaggingapi tag-resources --resource-arn-list ${lastArn} --tags `;
  }
  return tagPrefix + pairs + lastRegion;
}

// Single pairs repeat from resource to resource (a configured key with its
// placeholder or an allowed value): each is quoted once.
const quotedPairs = new TwoKeyMemo<string, string, string>();

/** `tagPair`, remembered: for a pair that repeats across resources. */
function knownPair(key: string, value: string): string {
  return (
    quotedPairs.get(key, value) ??
    quotedPairs.set(key, value, tagPair(key, value))
  );
}

/**
 * `tagResourcesCommand` for one tag whose key and value repeat across
 * resources (a configured key, a placeholder or configured value): the pair is
 * quoted once. @internal
 */
export function tagResourceCommand(
  resource: CommandTarget,
  key: string,
  value: string,
): string {
  return tagResourcesCommandWithPairs(resource, knownPair(key, value));
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
  return tagResourcesCommandWithPairs(resource, tagPairs(tags));
}

/** The `--tag-keys` argument of untag-resources: the keys, each quoted when it needs it. @internal */
export function untagKeys(keys: ReadonlyArray<string>): string {
  return keys.map(shellQuote).join(' ');
}

/** `untagResourcesCommand` with the `--tag-keys` argument already built by `untagKeys`. @internal */
export function untagResourcesCommandWithKeys(
  resource: CommandTarget,
  keys: string,
): string {
  quoteTarget(resource);
  if (untagPrefix === '') {
    untagPrefix = `aws resourcegroupstaggingapi untag-resources --resource-arn-list ${lastArn} --tag-keys `;
  }
  return untagPrefix + keys + lastRegion;
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
  return untagResourcesCommandWithKeys(resource, untagKeys(keys));
}
