/**
 * Case-insensitive, read-only view of a resource's tags, built once per rating.
 *
 * @public
 */
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

  constructor(tags: Readonly<Record<string, string>>) {
    this.entries = Object.entries(tags);
    const lowerKeys: string[] = [];
    let userTags = 0;
    for (const [key] of this.entries) {
      const lower = key.toLowerCase();
      lowerKeys.push(lower);
      if (!lower.startsWith('aws:')) userTags++;
    }
    this.lowerKeys = lowerKeys;
    this.userTagCount = userTags;
  }

  /** The index of `key`: the exact lowercase key, else the first other casing; -1 if absent. */
  private indexOf(key: string): number {
    const lower = key.toLowerCase();
    let found = -1;
    for (let i = 0; i < this.lowerKeys.length; i++) {
      if (this.lowerKeys[i] !== lower) continue;
      if (this.entries[i][0] === lower) return i;
      if (found < 0) found = i;
    }
    return found;
  }

  get(key: string): string | undefined {
    const i = this.indexOf(key);
    return i < 0 ? undefined : this.entries[i][1];
  }

  keyOf(key: string): string | undefined {
    const i = this.indexOf(key);
    return i < 0 ? undefined : this.entries[i][0];
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
