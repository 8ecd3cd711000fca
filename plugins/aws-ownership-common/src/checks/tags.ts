/** Case-insensitive, read-only view of a resource's tags, built once per rating. */
export interface TagLookup {
  /** The value of `key`, matched case-insensitively (an exact lowercase key wins over other casings). */
  get(key: string): string | undefined;
  /** The key as written on the resource for `key`, matched case-insensitively. */
  keyOf(key: string): string | undefined;
  /** Every tag as `[key, value]`, in the resource's order. */
  readonly entries: ReadonlyArray<readonly [string, string]>;
  /** The keys of `entries`, lowercased, in the same order. */
  readonly lowerKeys: ReadonlyArray<string>;
  /** How many user tags (keys not starting with `aws:`) the resource carries. */
  readonly userTagCount: number;
}

/** The case-insensitive view of a tag record that the checks see. */
class TagView implements TagLookup {
  readonly entries: ReadonlyArray<readonly [string, string]>;
  readonly lowerKeys: ReadonlyArray<string>;
  readonly userTagCount: number;
  // by lowercase key: the first casing found, unless the exact lowercase key comes later
  private readonly byLower = new Map<string, readonly [string, string]>();

  constructor(tags: Readonly<Record<string, string>>) {
    this.entries = Object.entries(tags);
    const lowerKeys: string[] = [];
    let users = 0;
    for (const entry of this.entries) {
      const lower = entry[0].toLowerCase();
      lowerKeys.push(lower);
      if (entry[0] === lower || !this.byLower.has(lower)) {
        this.byLower.set(lower, entry);
      }
      if (!lower.startsWith('aws:')) users++;
    }
    this.lowerKeys = lowerKeys;
    this.userTagCount = users;
  }

  get(key: string): string | undefined {
    return this.byLower.get(key.toLowerCase())?.[1];
  }

  keyOf(key: string): string | undefined {
    return this.byLower.get(key.toLowerCase())?.[0];
  }
}

/** Builds the case-insensitive view of a tag record. */
export function tagLookup(
  tags: Readonly<Record<string, string>> | undefined,
): TagLookup {
  return new TagView(tags ?? {});
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
  let text = words[0] ?? '';
  for (let i = 1; i < words.length; i++) {
    text += `${i === words.length - 1 ? ` ${conjunction} ` : ', '}${words[i]}`;
  }
  return text;
}
