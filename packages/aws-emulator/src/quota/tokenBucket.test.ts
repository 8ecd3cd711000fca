import { TokenBucket } from './tokenBucket';
import { Quota } from './quota';

describe('TokenBucket', () => {
  it('allows a burst of one second, then refills at the rate', () => {
    let now = 0;
    const bucket = new TokenBucket(15, 15, () => now);
    const burst = Array.from({ length: 20 }, () => bucket.tryTake()).filter(
      Boolean,
    ).length;
    expect(burst).toBe(15);
    now += 200; // 3 tokens
    expect([
      bucket.tryTake(),
      bucket.tryTake(),
      bucket.tryTake(),
      bucket.tryTake(),
    ]).toEqual([true, true, true, false]);
    now += 10_000;
    const refilled = Array.from({ length: 20 }, () => bucket.tryTake()).filter(
      Boolean,
    ).length;
    expect(refilled).toBe(15);
  });
});

describe('Quota', () => {
  it('keeps a bucket per account and region, and a smaller one for tag reads', () => {
    const now = 0;
    const quota = new Quota(
      { getResourcesPerSecond: 2, tagReadsPerSecond: 1 },
      () => now,
    );
    expect(
      [1, 2, 3].map(() => quota.allow('a', 'us-east-1', 'GetResources')),
    ).toEqual([true, true, false]);
    expect(quota.allow('a', 'eu-west-1', 'GetResources')).toBe(true);
    expect(quota.allow('b', 'us-east-1', 'GetResources')).toBe(true);
    expect(quota.allow('a', 'us-east-1', 'GetTagKeys')).toBe(true);
    expect(quota.allow('a', 'us-east-1', 'GetTagValues')).toBe(false);
  });

  it('keeps the defaults for settings left undefined', () => {
    const quota = new Quota({
      getResourcesPerSecond: undefined,
      enabled: undefined,
    });
    expect(quota.current()).toEqual({
      enabled: true,
      getResourcesPerSecond: 15,
      tagReadsPerSecond: 5,
      organizationsPerSecond: 5,
    });
  });

  it('lets everything through when disabled, and rejects a rate that is not positive', () => {
    const quota = new Quota(
      { enabled: false, getResourcesPerSecond: 1 },
      () => 0,
    );
    expect([1, 2, 3].every(() => quota.allow('a', 'r', 'GetResources'))).toBe(
      true,
    );
    expect(() => quota.configure({ getResourcesPerSecond: 0 })).toThrow(
      /positive/,
    );
    expect(quota.current().getResourcesPerSecond).toBe(1);
  });
});
