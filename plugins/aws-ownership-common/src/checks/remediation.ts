import type { AwsResource } from '../model/types';

// The characters a word may hold unquoted: A-Z a-z 0-9 _ . , : / = @ + % -
const shellSafeChars = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.,:/=@+%-')
  shellSafeChars[c.charCodeAt(0)] = 1;

function isShellSafe(word: string): boolean {
  const n = word.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128 || shellSafeChars[c] === 0) return false;
  }
  return true;
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

/**
 * The `aws resourcegroupstaggingapi tag-resources` command that sets the given
 * tags on the resource (the region flag follows, since the API is regional).
 */
export function tagResourcesCommand(
  resource: CommandTarget,
  tags: ReadonlyArray<readonly [key: string, value: string]>,
): string {
  quoteTarget(resource);
  let pairs = '';
  for (let i = 0; i < tags.length; i++) {
    if (i) pairs += ',';
    const key = tags[i][0];
    const value = tags[i][1];
    // `=` is safe: when key and value are, the pair is (no concatenated string to scan)
    pairs +=
      isShellSafe(key) && (value === '' || isShellSafe(value))
        ? `${key}=${value}`
        : shellQuote(`${key}=${value}`);
  }
  return `aws resourcegroupstaggingapi tag-resources --resource-arn-list ${lastArn} --tags ${pairs}${lastRegion}`;
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
