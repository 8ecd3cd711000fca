import type { CompiledChecklistConfig } from '../config/compileChecklistConfig';
import {
  foldedHash,
  hasFoldedDuplicate,
  followsKeyStyle,
  hasPrefix,
} from './keyShape';
import { looksLikeSecretKey, looksLikeSecretValue } from './secrets';
import { isAwsKey } from './tagHelpers';

// Several tagging and responsibility checks walk every tag of a resource and
// ask the same questions of each key (its style, whether it names a secret,
// a managed-by prefix, ...). Keys repeat across an inventory, so the answers
// are worked out once per key and config (`KeyFacts`), and the per-resource
// questions once per resource (`TagScan`); a check then only reads a flag,
// and walks the tags itself only to describe a failure.

/** Bits of `KeyFacts.flags`. */
export const keyFlag = {
  /** Not `aws:` in its lowercase form: counts towards the 50 user tags. */
  userTag: 1,
  /** Breaks `tagging.keyStyle` and is not exempt (`tagging.key-style` reports it). */
  offendsStyle: 2,
  /** Named like a secret, or itself a credential (`tagging.no-secrets`). */
  secret: 4,
  /** Starts with a managed-by prefix (`responsibility.managed-by-code`). */
  managedPrefix: 8,
  /** An `aws:` key, any case (`isAwsKey`). */
  aws: 16,
  /** A key under which `none` is a statement, not a placeholder (the backup keys). */
  noneIsExplicit: 32,
} as const;

/** What the checks ask of one tag key under one config. */
export interface KeyFacts {
  /** The key lowercased. */
  readonly lower: string;
  /** `keyFlag` bits. */
  readonly flags: number;
  /** `foldedHash(lower)`. */
  readonly foldedHash: number;
  /** The key's slot among the keys the checks look up (see `KeySlots`), or -1. */
  readonly slot: number;
}

/**
 * Whether a tag key breaks `tagging.keyStyle` and is not exempt (an exempt
 * key, an `aws:` key, or an exempt prefix of its lowercase form `lower`).
 */
export function offendsKeyStyle(
  key: string,
  lower: string,
  compiled: CompiledChecklistConfig,
): boolean {
  return (
    !followsKeyStyle(compiled.keyStyle, key) &&
    !compiled.keyStyleExemptKeys.has(key) &&
    !isAwsKey(key) &&
    !hasPrefix(lower, compiled.keyStyleExemptPrefixes)
  );
}

/** Judges one key (with its lowercase form, as the tag view has it) under a config. */
export function judgeKey(
  key: string,
  lower: string,
  compiled: CompiledChecklistConfig,
  slot: number,
): KeyFacts {
  let flags = 0;
  if (!lower.startsWith('aws:')) flags |= keyFlag.userTag;
  const aws = isAwsKey(key);
  if (aws) flags |= keyFlag.aws;
  if (offendsKeyStyle(key, lower, compiled)) flags |= keyFlag.offendsStyle;
  if (looksLikeSecretValue(key) || looksLikeSecretKey(key)) {
    flags |= keyFlag.secret;
  }
  if (hasPrefix(lower, compiled.managedByTagPrefixes)) {
    flags |= keyFlag.managedPrefix;
  }
  if (compiled.explicitNoneKeys.has(key.toLowerCase())) {
    flags |= keyFlag.noneIsExplicit;
  }
  return { lower, flags, foldedHash: foldedHash(lower), slot };
}

// Whether `trim` could remove this character: conservative (any control,
// space or non-ASCII character), it only decides whether to look closer.
const mayTrim = (c: number) => c <= 32 || c >= 127;

/** What a value must have to possibly be a placeholder of a set. */
interface PlaceholderShape {
  /** The length of the longest placeholder. */
  longest: number;
  /** 1 for each ASCII character a placeholder starts with (either case). */
  firstChars: Uint8Array;
}

let shapeFor: ReadonlySet<string> | undefined;
let shape: PlaceholderShape = { longest: 0, firstChars: new Uint8Array(128) };

/** The shape of a placeholder set (remembered for the last set). */
function placeholderShape(placeholders: ReadonlySet<string>): PlaceholderShape {
  if (placeholders !== shapeFor) {
    const firstChars = new Uint8Array(128);
    let longest = 0;
    for (const value of placeholders) {
      if (value.length > longest) longest = value.length;
      const c = value.charCodeAt(0);
      if (c < 128) {
        firstChars[c] = 1;
        // the set holds lowercase values; a value is lowercased before lookup
        if (c >= 97 && c <= 122) firstChars[c - 32] = 1;
      }
    }
    shape = { longest, firstChars };
    shapeFor = placeholders;
  }
  return shape;
}

/**
 * Whether a user tag's value is blank or a placeholder, as
 * `tagging.no-placeholder-values` judges it. Most values are cleared without
 * trim, lowercase and set lookup: a value that `trim` leaves alone cannot be
 * blank, nor a placeholder if it is longer than every placeholder
 * (lowercasing never shortens a string: checked for every code point) or starts with an ASCII character no
 * placeholder starts with (lowercasing keeps ASCII ASCII). `noneIsExplicit`:
 * the key is one under which `none` is a statement (the backup keys).
 */
export function isBlankOrPlaceholder(
  value: string,
  noneIsExplicit: boolean,
  compiled: CompiledChecklistConfig,
): boolean {
  const n = value.length;
  if (n > 0) {
    const first = value.charCodeAt(0);
    if (!mayTrim(first) && !mayTrim(value.charCodeAt(n - 1))) {
      const { longest, firstChars } = placeholderShape(
        compiled.placeholderValues,
      );
      if (n > longest || firstChars[first] === 0) return false;
    }
  }
  const trimmed = value.trim();
  if (trimmed === '') return true;
  const lower = trimmed.toLowerCase();
  return (
    compiled.placeholderValues.has(lower) &&
    // `backup=none` is a statement (judged by responsibility.backup), not a placeholder
    !(lower === 'none' && noneIsExplicit)
  );
}

// Scratch space of `TagScan.findFoldedDuplicate`, reused from resource to resource.
let hashBuffer = new Int32Array(64);

const placeholderFound = 1;
const secretFound = 2;

/**
 * The per-resource answers of the tag-walking checks, from the facts of each
 * key; the value questions are asked on first use, in one pass.
 */
export class TagScan {
  /** The OR of every key's flags. */
  readonly anyFlags: number;
  private valueBits = -1;
  private duplicate = -1;

  constructor(
    private readonly values: ReadonlyArray<string>,
    private readonly lowerKeys: ReadonlyArray<string>,
    private readonly facts: ReadonlyArray<KeyFacts>,
    /** The config the facts were judged under. */
    readonly compiled: CompiledChecklistConfig,
  ) {
    let any = 0;
    for (let i = 0; i < facts.length; i++) any |= facts[i].flags;
    this.anyFlags = any;
  }

  /** Whether some key has the `keyFlag` bit. */
  any(flag: number): boolean {
    return (this.anyFlags & flag) !== 0;
  }

  /** The `keyFlag` bits of tag `i`. */
  flagsAt(i: number): number {
    return this.facts[i].flags;
  }

  /** The index of the first key with the `keyFlag` bit, or -1. */
  firstWith(flag: number): number {
    if ((this.anyFlags & flag) === 0) return -1;
    const facts = this.facts;
    for (let i = 0; i < facts.length; i++) {
      if ((facts[i].flags & flag) !== 0) return i;
    }
    return -1;
  }

  /**
   * Whether two keys fold alike (`tagging.no-case-duplicates`). Compares the
   * folded hashes first, so no folded string is built unless two may collide.
   */
  hasFoldedDuplicate(): boolean {
    if (this.duplicate < 0) {
      this.duplicate = this.findFoldedDuplicate() ? 1 : 0;
    }
    return this.duplicate === 1;
  }

  private findFoldedDuplicate(): boolean {
    const facts = this.facts;
    const n = facts.length;
    // the hashes side by side, so the comparison is a tight loop
    if (hashBuffer.length < n) hashBuffer = new Int32Array(n * 2);
    for (let i = 0; i < n; i++) hashBuffer[i] = facts[i].foldedHash;
    return hasFoldedDuplicate(this.lowerKeys, hashBuffer);
  }

  /** Each tag's `foldedHash`, in tag order. */
  foldedHashes(): number[] {
    const facts = this.facts;
    const hashes: number[] = new Array(facts.length);
    for (let i = 0; i < facts.length; i++) hashes[i] = facts[i].foldedHash;
    return hashes;
  }

  /** Whether a user tag's value is blank or a placeholder (`tagging.no-placeholder-values`). */
  hasPlaceholderValue(): boolean {
    return (this.scanValues() & placeholderFound) !== 0;
  }

  /** Whether a tag looks like a secret by its key or value (`tagging.no-secrets`). */
  hasSecret(): boolean {
    return (this.scanValues() & secretFound) !== 0;
  }

  private scanValues(): number {
    if (this.valueBits >= 0) return this.valueBits;
    let bits = 0;
    const { values, facts, compiled } = this;
    for (let i = 0; i < values.length; i++) {
      const flags = facts[i].flags;
      const value = values[i];
      if (
        (bits & placeholderFound) === 0 &&
        (flags & keyFlag.aws) === 0 &&
        isBlankOrPlaceholder(
          value,
          (flags & keyFlag.noneIsExplicit) !== 0,
          compiled,
        )
      ) {
        bits |= placeholderFound;
      }
      if (
        (bits & secretFound) === 0 &&
        ((flags & keyFlag.secret) !== 0 || looksLikeSecretValue(value))
      ) {
        bits |= secretFound;
      }
    }
    this.valueBits = bits;
    return bits;
  }
}
