import { tagKeyStylePatterns } from '../config/compileChecklistConfig';

// Character-level tests of tag keys shared by the tagging checks and the tag
// scan: key styles and the case/separator folding of duplicate detection.

const isLowerAlnum = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isUpper = (c: number) => c >= 65 && c <= 90;
const isAlnum = (c: number) => isLowerAlnum(c) || isUpper(c);

// kebab / snake: words of [a-z0-9] joined by `sep`, in `:`-separated segments;
// that is: only those characters, and every separator between two word characters.
function separatedWords(key: string, sep: number): boolean {
  const n = key.length;
  if (n === 0) return false;
  let previousWord = false;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    if (isLowerAlnum(c)) {
      previousWord = true;
    } else if (c === sep || c === 58) {
      if (!previousWord) return false;
      previousWord = false;
    } else {
      return false;
    }
  }
  return previousWord;
}

// camel / pascal: `:`-separated segments, each a first letter of the given case then [a-zA-Z0-9]*.
function casedSegments(key: string, upperFirst: boolean): boolean {
  const n = key.length;
  let segmentStart = true;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    if (segmentStart) {
      if (upperFirst ? !isUpper(c) : !(c >= 97 && c <= 122)) return false;
      segmentStart = false;
    } else if (c === 58) {
      segmentStart = true;
    } else if (!isAlnum(c)) {
      return false;
    }
  }
  return !segmentStart;
}

/** Whether a key follows a key style: the style's regex, as a plain character loop for the built-in styles. */
export function followsKeyStyle(style: RegExp, key: string): boolean {
  if (style === tagKeyStylePatterns.kebab) return separatedWords(key, 45);
  if (style === tagKeyStylePatterns.snake) return separatedWords(key, 95);
  if (style === tagKeyStylePatterns.camel) return casedSegments(key, false);
  if (style === tagKeyStylePatterns.pascal) return casedSegments(key, true);
  return style.test(key);
}

/** Whether a lowercase key starts with one of the (lowercase) prefixes. */
export function hasPrefix(
  lower: string,
  prefixes: ReadonlyArray<string>,
): boolean {
  for (let p = 0; p < prefixes.length; p++) {
    if (lower.startsWith(prefixes[p])) return true;
  }
  return false;
}

/** Whether a char code is `-`, `_` or matched by `\s` (the characters `trim` removes, too). */
export function isFoldedAway(c: number): boolean {
  if (c === 45 || c === 95 || c === 32) return true;
  if (c < 160) return c >= 9 && c <= 13;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * A hash of `foldLowerKey(lower)`, computed without building it; 30 bits, so
 * it stays a small integer (no heap number) in arrays and sets.
 */
export function foldedHash(lower: string): number {
  let h = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (!isFoldedAway(c)) h = (Math.imul(h, 31) + c) | 0;
  }
  return h & 0x3fffffff;
}

/**
 * The key folded for comparison: lowercase, without `-`, `_` and whitespace
 * (from its lowercase form). `isFoldedAway` is exactly `[-_\s]`, so removing
 * its characters gives what `lower.replace(/[-_\s]+/g, '')` gives.
 */
export function foldLowerKey(lower: string): string {
  let folded: string | undefined;
  let from = 0;
  for (let i = 0; i < lower.length; i++) {
    if (isFoldedAway(lower.charCodeAt(i))) {
      folded = (folded ?? '') + lower.slice(from, i);
      from = i + 1;
    }
  }
  return folded === undefined ? lower : folded + lower.slice(from);
}

// Up to this many keys, comparing every pair of folded hashes is cheapest.
const pairwiseLimit = 10;

// Scratch table of `hasFoldedDuplicate`, reused from call to call: a slot is
// in use when its stamp is the current one, so it is never cleared.
let slotStamps = new Int32Array(0);
let slotHashes = new Int32Array(0);
let slotKeys = new Int32Array(0);
let stamp = 0;

/** Whether keys `i` and `j` fold alike (their folded hashes being equal). */
function foldsAlike(lowerKeys: ReadonlyArray<string>, i: number, j: number) {
  return foldLowerKey(lowerKeys[i]) === foldLowerKey(lowerKeys[j]);
}

/**
 * Whether two keys fold alike, given each key's `foldedHash`: a folded string
 * is only built for keys whose hashes collide. Pairwise for a few keys; for
 * more, an open-addressing table of the hashes (linear probing, no deletions).
 */
export function hasFoldedDuplicate(
  lowerKeys: ReadonlyArray<string>,
  hashes: ArrayLike<number>,
): boolean {
  const n = lowerKeys.length;
  if (n <= pairwiseLimit) {
    for (let i = 1; i < n; i++) {
      const h = hashes[i];
      for (let j = 0; j < i; j++) {
        if (hashes[j] === h && foldsAlike(lowerKeys, i, j)) return true;
      }
    }
    return false;
  }
  let size = 64;
  while (size < 2 * n) size *= 2;
  if (slotStamps.length < size) {
    slotStamps = new Int32Array(size);
    slotHashes = new Int32Array(size);
    slotKeys = new Int32Array(size);
    stamp = 0;
  }
  if (stamp === 0x7fffffff) {
    slotStamps.fill(0);
    stamp = 0;
  }
  stamp++;
  const mask = size - 1;
  for (let i = 0; i < n; i++) {
    const h = hashes[i];
    let slot = h & mask;
    while (slotStamps[slot] === stamp) {
      if (slotHashes[slot] === h && foldsAlike(lowerKeys, i, slotKeys[slot])) {
        return true;
      }
      slot = (slot + 1) & mask;
    }
    slotStamps[slot] = stamp;
    slotHashes[slot] = h;
    slotKeys[slot] = i;
  }
  return false;
}

/** `text.toLowerCase()`, without the (ICU) call when `text` is lowercase ASCII already, as most tag keys are. */
export function toLower(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return text.toLowerCase();
  }
  return text;
}
