/** Case-insensitive, read-only view of a resource's tags, built once per rating. */
export interface TagLookup {
  /** The value of `key`, matched case-insensitively (an exact lowercase key wins over other casings). */
  get(key: string): string | undefined;
  /** The key as written on the resource for `key`, matched case-insensitively. */
  keyOf(key: string): string | undefined;
  /** Every tag as `[key, value]`, in the resource's order. */
  readonly entries: ReadonlyArray<readonly [string, string]>;
  /** How many user tags (keys not starting with `aws:`) the resource carries. */
  readonly userTagCount: number;
}

/** Builds the case-insensitive view of a tag record. */
export function tagLookup(
  tags: Readonly<Record<string, string>> | undefined,
): TagLookup {
  const entries = Object.keys(tags ?? {}).map(
    key => [key, String(tags![key] ?? '')] as const,
  );
  const keyByLower = new Map<string, string>();
  const values = new Map<string, string>();
  for (const [key, value] of entries) {
    const lower = key.toLowerCase();
    // the first casing found, unless the exact lowercase key comes later
    if (!keyByLower.has(lower) || key === lower) {
      keyByLower.set(lower, key);
      values.set(lower, value);
    }
  }
  return {
    get: key => values.get(key.toLowerCase()),
    keyOf: key => keyByLower.get(key.toLowerCase()),
    entries,
    userTagCount: entries.filter(
      ([key]) => !key.toLowerCase().startsWith('aws:'),
    ).length,
  };
}

/** Whether a value is missing or only whitespace. */
export function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

/** Whether a key belongs to AWS (`aws:` prefix, any case). */
export function isAwsKey(key: string): boolean {
  return key.toLowerCase().startsWith('aws:');
}

/** The first of `keys` present with a non-blank value, as `[key as written, value]`. */
export function firstPresent(
  tags: TagLookup,
  keys: ReadonlyArray<string>,
): [string, string] | undefined {
  for (const key of keys) {
    const value = tags.get(key);
    if (!isBlank(value)) return [tags.keyOf(key) ?? key, value!];
  }
  return undefined;
}

/** Joins words as `a, b and c` (or `a, b or c`). */
export function listWords(
  words: ReadonlyArray<string>,
  conjunction: 'and' | 'or' = 'and',
): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words.at(-1)}`;
}
