import type { TagLookup } from './tagIndex';

/** Whether a value is missing or only whitespace. */
export function isBlank(value: string | undefined): boolean {
  if (value === undefined) return true;
  // a value that starts with a printable ASCII character is not, without a trim
  const first = value.charCodeAt(0); // NaN for ''
  if (first > 32 && first < 127) return false;
  return value.trim() === '';
}

/** The first of `keys` present with a non-blank value, as `[key as written, value]`. */
export function firstPresent(
  tags: TagLookup,
  keys: ReadonlyArray<string>,
): [string, string] | undefined {
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const value = tags.get(key);
    if (value !== undefined && !isBlank(value)) {
      return [tags.keyOf(key) ?? key, value];
    }
  }
  return undefined;
}

/** Joins words as `a, b and c` (or `a, b or c`). */
export function listWords(
  words: ReadonlyArray<string>,
  conjunction: 'and' | 'or' = 'and',
): string {
  if (words.length <= 1) return words.length ? words[0] : '';
  if (words.length === 2) return `${words[0]} ${conjunction} ${words[1]}`;
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${
    words[words.length - 1]
  }`;
}

const joinedConfig = {
  and: new WeakMap<ReadonlyArray<string>, string>(),
  or: new WeakMap<ReadonlyArray<string>, string>(),
};

/** `listWords` memoised per array: for config lists, which live as long as the config. */
export function listConfigWords(
  words: ReadonlyArray<string>,
  conjunction: 'and' | 'or' = 'and',
): string {
  const cache = joinedConfig[conjunction];
  let text = cache.get(words);
  if (text === undefined) {
    text = listWords(words, conjunction);
    cache.set(words, text);
  }
  return text;
}

/** Whether a key belongs to AWS (`aws:` prefix, any case). */
export function isAwsKey(key: string): boolean {
  return (
    key.length >= 4 &&
    (key.charCodeAt(0) | 32) === 97 &&
    (key.charCodeAt(1) | 32) === 119 &&
    (key.charCodeAt(2) | 32) === 115 &&
    key.charCodeAt(3) === 58
  );
}
