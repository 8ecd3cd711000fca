import { RequestPacer } from './RequestPacer';

describe('RequestPacer', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  // Each take() resolves at the virtual time it is released.
  const releaseTimes = (takes: Promise<void>[]) => {
    const times: number[] = [];
    takes.forEach((take, i) =>
      take.then(() => {
        times[i] = Date.now();
      }),
    );
    return times;
  };

  it('spaces calls evenly at the rate', async () => {
    const pacer = new RequestPacer(50); // one every 20 ms
    const times = releaseTimes(Array.from({ length: 6 }, () => pacer.take()));
    await jest.advanceTimersByTimeAsync(1000);
    expect(times).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('holds the next call until its slot', async () => {
    const pacer = new RequestPacer(10); // one every 100 ms
    await pacer.take();
    const times = releaseTimes([pacer.take()]);
    await jest.advanceTimersByTimeAsync(99);
    expect(times).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(times).toEqual([100]);
  });

  it('lets a call through at once after a quiet spell', async () => {
    const pacer = new RequestPacer(10);
    await pacer.take();
    await jest.advanceTimersByTimeAsync(500);
    const times = releaseTimes([pacer.take()]);
    await jest.advanceTimersByTimeAsync(0);
    expect(times).toEqual([500]);
  });

  it('stops waiting when the signal aborts', async () => {
    const pacer = new RequestPacer(1); // one a second
    await pacer.take();
    const controller = new AbortController();
    const waiting = pacer.take(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(jest.getTimerCount()).toBe(0);
  });
});
