/**
 * Values remembered by two keys, within a bound: failure texts and quoted
 * pairs repeat from resource to resource (the same key with the same wrong
 * value), but arbitrary input must not grow the table forever: at the bound
 * it starts afresh. @internal
 */
export class TwoKeyMemo<A, B, T> {
  private readonly byFirst = new Map<A, Map<B, T>>();
  private size = 0;

  constructor(private readonly maxSize = 5000) {}

  /** The value remembered for `a` and `b`. */
  get(a: A, b: B): T | undefined {
    return this.byFirst.get(a)?.get(b);
  }

  /** Remembers `value` for `a` and `b`, and returns it. */
  set(a: A, b: B, value: T): T {
    if (this.size >= this.maxSize) this.clear();
    let byB = this.byFirst.get(a);
    if (byB === undefined) {
      byB = new Map();
      this.byFirst.set(a, byB);
    }
    byB.set(b, value);
    this.size++;
    return value;
  }

  /** Forgets everything. */
  clear(): void {
    this.byFirst.clear();
    this.size = 0;
  }
}
