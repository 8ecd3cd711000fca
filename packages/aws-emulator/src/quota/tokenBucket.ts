/** A token bucket: `ratePerSecond` tokens a second, holding at most `capacity` (one second's worth by default). */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number = ratePerSecond,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** Takes one token if there is one; false means the call is over the rate. */
  tryTake(): boolean {
    const at = this.now();
    this.tokens = Math.min(
      this.capacity,
      this.tokens + ((at - this.last) / 1000) * this.ratePerSecond,
    );
    this.last = at;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }
}
