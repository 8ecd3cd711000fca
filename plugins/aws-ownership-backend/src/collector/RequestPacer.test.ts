import { RequestPacer } from './RequestPacer';

describe('RequestPacer', () => {
  it('spaces calls evenly at the rate', async () => {
    const pacer = new RequestPacer(50); // one every 20 ms
    const started = Date.now();
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      await pacer.take();
      times.push(Date.now() - started);
    }
    expect(times[0]).toBeLessThan(10);
    // the k-th call never comes before k intervals have passed (a late wake-up
    // under load may shorten the next gap, never the schedule)
    times.forEach((t, k) => expect(t).toBeGreaterThanOrEqual(k * 20 - 2));
  });

  it('gives concurrent callers distinct slots', async () => {
    const pacer = new RequestPacer(100); // 10 ms apart
    const started = Date.now();
    const times = await Promise.all(
      Array.from({ length: 5 }, () =>
        pacer.take().then(() => Date.now() - started),
      ),
    );
    expect(Math.max(...times)).toBeGreaterThanOrEqual(38);
  });

  it('stops waiting when the signal aborts', async () => {
    const pacer = new RequestPacer(1); // one a second
    await pacer.take();
    const controller = new AbortController();
    const waiting = pacer.take(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });
});
