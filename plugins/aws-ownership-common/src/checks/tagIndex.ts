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

// Up to this many tags a linear scan of the (mostly internalised) lowercase
// keys beats building a Map for every resource.
const scanLimit = 12;


/** `text.toLowerCase()`, without the (ICU) call when `text` is lowercase ASCII already, as most tag keys are. */
export function toLower(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return text.toLowerCase();
  }
  return text;
}

/**
 * The tag keys a config makes the checks look up, numbered: the tag view finds
 * their positions in its one pass over the tags, so a lookup of one of them is
 * a Map hit instead of lowercasing the key and scanning the tags.
 */
export class KeySlots {
  /** Slot by key as the checks pass it (any casing). */
  readonly byKey = new Map<string, number>();
  /** Slot by lowercase key. */
  readonly byLower = new Map<string, number>();
  /** One `-1` per slot, copied for each resource. */
  readonly empty: number[] = [];

  constructor(keys: Iterable<unknown>) {
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
}

/**
 * The tag view: parallel arrays of keys, values and lowercase keys, filled in
 * one pass over the record. A class, not an object of closures, for a stable
 * shape; the `[key, value]` tuples of `entries` and the lookup Map (for
 * resources with many tags) are only built when asked for.
 */
export class TagIndex implements TagLookup {
  /** The keys as written, in the resource's order. */
  readonly keys: string[];
  /** The values, same order. */
  readonly values: string[];
  readonly lowerKeys: string[];
  readonly userTagCount: number;
  private byLower: Map<string, number> | undefined = undefined;
  private tuples: Array<readonly [string, string]> | undefined = undefined;
  private readonly slots: KeySlots | undefined;
  /** The index of each slot's key, or -1. */
  private readonly slotIndex: number[] | undefined;

  constructor(
    tags: Readonly<Record<string, string>> | undefined,
    slots?: KeySlots,
  ) {
    let users = 0;
    this.slots = slots;
    const slotIndex = slots === undefined ? undefined : slots.empty.slice();
    this.slotIndex = slotIndex;
    if (tags) {
      // own enumerable keys, in for-in order, as one array of the right size
      const keys = Object.keys(tags);
      const n = keys.length;
      const values: string[] = new Array(n);
      const lowerKeys: string[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const key = keys[i];
        const raw = tags[key];
        const lower = toLower(key);
        values[i] = typeof raw === 'string' ? raw : String(raw ?? '');
        lowerKeys[i] = lower;
        if (!lower.startsWith('aws:')) users++;
        if (slotIndex !== undefined) {
          const slot = slots!.byLower.get(lower);
          if (slot !== undefined) {
            // the first casing found, unless an exact lowercase key comes later
            const at = slotIndex[slot];
            if (at < 0 || (key === lower && keys[at] !== lower)) {
              slotIndex[slot] = i;
            }
          }
        }
      }
      this.keys = keys;
      this.values = values;
      this.lowerKeys = lowerKeys;
    } else {
      this.keys = [];
      this.values = [];
      this.lowerKeys = [];
    }
    this.userTagCount = users;
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
