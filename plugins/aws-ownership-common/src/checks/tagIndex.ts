import type { CompiledChecklistConfig } from '../config/compileChecklistConfig';
import { toLower } from './keyShape';
import { displayValue } from './secrets';
import { judgeKey, keyFlag, TagScan, type KeyFacts } from './tagScan';
import type { CheckInput } from './types';

export { toLower } from './keyShape';

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

// Up to this many tags a linear scan of the (mostly internalised) lowercase
// keys beats building a Map for every resource.
const scanLimit = 12;

// Tag keys repeat across an inventory: the facts of this many are remembered
// per config, within a bound so arbitrary input cannot grow the table forever.
const maxKnownKeys = 20000;

/**
 * The tag keys a config makes the checks look up, numbered: the tag view finds
 * their positions in its one pass over the tags, so a lookup of one of them is
 * a Map hit instead of lowercasing the key and scanning the tags. Given the
 * compiled config, it also remembers the `KeyFacts` of every key it meets.
 */
export class KeySlots {
  /** Slot by key as the checks pass it (any casing). */
  readonly byKey = new Map<string, number>();
  /** Slot by lowercase key. */
  readonly byLower = new Map<string, number>();
  /** One `-1` per slot, copied for each resource. */
  readonly empty: number[] = [];
  private readonly known = new Map<string, KeyFacts>();

  constructor(
    keys: Iterable<unknown>,
    /** The config the key facts are judged under; without it, no facts. */
    readonly compiled?: CompiledChecklistConfig,
  ) {
    for (const key of keys) {
      if (typeof key !== 'string' || this.byKey.has(key)) continue;
      const lower = toLower(key);
      let slot = this.byLower.get(lower);
      if (slot === undefined) {
        slot = this.empty.length;
        this.empty.push(-1);
        this.byLower.set(lower, slot);
      }
      this.byKey.set(key, slot);
    }
  }

  /** The facts of a tag key under `compiled` (which must be set). */
  factsOf(key: string): KeyFacts {
    let facts = this.known.get(key);
    if (facts === undefined) {
      const lower = toLower(key);
      facts = judgeKey(
        key,
        lower,
        this.compiled!,
        this.byLower.get(lower) ?? -1,
      );
      if (this.known.size >= maxKnownKeys) this.known.clear();
      this.known.set(key, facts);
    }
    return facts;
  }
}

/**
 * The tag view: parallel arrays of keys, values and lowercase keys, filled in
 * one pass over the record. A class, not an object of closures, for a stable
 * shape; the `[key, value]` tuples of `entries` and the lookup Map (for
 * resources with many tags) are only built when asked for. Built with slots
 * that carry a compiled config, it also holds the resource's `TagScan`.
 */
export class TagIndex implements TagLookup {
  /** The keys as written, in the resource's order. */
  readonly keys: string[];
  /** The values, same order. */
  readonly values: string[];
  readonly lowerKeys: string[];
  readonly userTagCount: number;
  /** The shared answers of the tag-walking checks, when built with a compiled config. */
  readonly scan: TagScan | undefined;
  private byLower: Map<string, number> | undefined = undefined;
  private tuples: Array<readonly [string, string]> | undefined = undefined;
  private readonly slots: KeySlots | undefined;
  /** The index of each slot's key, or -1. */
  private readonly slotIndex: number[] | undefined;

  constructor(
    tags: Readonly<Record<string, string>> | undefined,
    slots?: KeySlots,
  ) {
    this.slots = slots;
    const slotIndex = slots === undefined ? undefined : slots.empty.slice();
    this.slotIndex = slotIndex;
    // own enumerable keys, in for-in order, as one array of the right size
    // (measured: for-in is slower here, its enumeration costs more than the
    // keyed loads it saves)
    const keys = tags ? Object.keys(tags) : [];
    const n = keys.length;
    const values: string[] = new Array(n);
    const lowerKeys: string[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const raw = tags![keys[i]];
      values[i] = typeof raw === 'string' ? raw : String(raw ?? '');
    }
    this.keys = keys;
    this.values = values;
    this.lowerKeys = lowerKeys;
    if (slots !== undefined && slots.compiled !== undefined) {
      const facts: KeyFacts[] = new Array(n);
      let users = 0;
      for (let i = 0; i < n; i++) {
        const key = keys[i];
        const known = slots.factsOf(key);
        facts[i] = known;
        lowerKeys[i] = known.lower;
        if (known.flags & keyFlag.userTag) users++;
        if (known.slot >= 0) this.takeSlot(known.slot, i, key, known.lower);
      }
      this.userTagCount = users;
      this.scan = new TagScan(values, lowerKeys, facts, slots.compiled);
    } else {
      let users = 0;
      for (let i = 0; i < n; i++) {
        const key = keys[i];
        const lower = toLower(key);
        lowerKeys[i] = lower;
        if (!lower.startsWith('aws:')) users++;
        const slot = slots?.byLower.get(lower);
        if (slot !== undefined) this.takeSlot(slot, i, key, lower);
      }
      this.userTagCount = users;
      this.scan = undefined;
    }
  }

  /** Records tag `i` for a slot: the first casing found, unless an exact lowercase key comes later. */
  private takeSlot(slot: number, i: number, key: string, lower: string) {
    const slotIndex = this.slotIndex!;
    const at = slotIndex[slot];
    if (at < 0 || (key === lower && this.keys[at] !== lower)) {
      slotIndex[slot] = i;
    }
  }

  get entries(): ReadonlyArray<readonly [string, string]> {
    if (this.tuples === undefined) {
      const tuples: Array<readonly [string, string]> = [];
      for (let i = 0; i < this.keys.length; i++) {
        tuples.push([this.keys[i], this.values[i]]);
      }
      this.tuples = tuples;
    }
    return this.tuples;
  }

  /** The index of `key` (case-insensitive, an exact lowercase key first), or -1. */
  indexOf(key: string): number {
    if (this.slots !== undefined) {
      const slot = this.slots.byKey.get(key);
      if (slot !== undefined) return this.slotIndex![slot];
    }
    const lower = toLower(key);
    const lowerKeys = this.lowerKeys;
    const n = lowerKeys.length;
    if (n <= scanLimit) {
      let found = -1;
      for (let i = 0; i < n; i++) {
        if (lowerKeys[i] === lower) {
          if (this.keys[i] === lower) return i;
          if (found < 0) found = i;
        }
      }
      return found;
    }
    let byLower = this.byLower;
    if (byLower === undefined) {
      byLower = new Map();
      for (let i = 0; i < n; i++) {
        const l = lowerKeys[i];
        if (this.keys[i] === l || !byLower.has(l)) byLower.set(l, i);
      }
      this.byLower = byLower;
    }
    const index = byLower.get(lower);
    return index === undefined ? -1 : index;
  }

  get(key: string): string | undefined {
    const index = this.indexOf(key);
    return index < 0 ? undefined : this.values[index];
  }

  keyOf(key: string): string | undefined {
    const index = this.indexOf(key);
    return index < 0 ? undefined : this.keys[index];
  }
}

/** Builds the case-insensitive tag view of a tag record. */
export function createTagIndex(
  tags: Readonly<Record<string, string>> | undefined,
): TagLookup {
  return new TagIndex(tags);
}

/**
 * The engine's tag scan of the input's resource, or `undefined` when the tag
 * view is not the engine's (a check called on its own): the check then walks
 * the tags itself.
 */
export function tagScanOf(input: CheckInput): TagScan | undefined {
  const tags = input.tags;
  if (tags instanceof TagIndex && tags.scan !== undefined) {
    // the scan is valid for the config the view was built for
    if (tags.scan.compiled === input.compiled) return tags.scan;
  }
  return undefined;
}

/**
 * `displayValue` of a value the input's tag view returned (`get`, untrimmed):
 * when the engine's scan found no tag that looks like a secret, no value does,
 * and the value only needs shortening.
 */
export function displayTagValue(input: CheckInput, value: string): string {
  const scan = tagScanOf(input);
  if (scan !== undefined && value.length <= 80 && !scan.hasSecret()) {
    return value;
  }
  return displayValue(value);
}

/**
 * `displayValue` of a value said to be (the trimmed value of) tag `key`: with
 * the shortcut of `displayTagValue` when the tag view has exactly that value.
 */
export function displayTaggedValue(
  input: CheckInput,
  key: string,
  value: string,
): string {
  return input.tags.get(key) === value
    ? displayTagValue(input, value)
    : displayValue(value);
}

/** The keys and values of a tag view as parallel arrays (without copying when it is a `TagIndex`). */
export function tagArrays(tags: TagLookup): {
  keys: ReadonlyArray<string>;
  values: ReadonlyArray<string>;
  lowerKeys: ReadonlyArray<string>;
} {
  if (tags instanceof TagIndex) return tags;
  const keys: string[] = [];
  const values: string[] = [];
  for (const [key, value] of tags.entries) {
    keys.push(key);
    values.push(value);
  }
  return { keys, values, lowerKeys: tags.lowerKeys };
}
