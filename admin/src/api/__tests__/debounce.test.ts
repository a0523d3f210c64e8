import { debounceDelay, debounced } from '../debounce';

const timing = { delayMs: 200, maxWaitMs: 1000 };

describe('debounceDelay', () => {
  it('waits the delay after an ask early in the burst', () => {
    expect(debounceDelay(timing, 0, 0)).toBe(200);
    expect(debounceDelay(timing, 0, 500)).toBe(200);
  });

  it('shortens the wait so the run comes at the latest maxWait after the first ask', () => {
    expect(debounceDelay(timing, 0, 900)).toBe(100);
    expect(debounceDelay(timing, 0, 1000)).toBe(0);
    expect(debounceDelay(timing, 0, 5000)).toBe(0);
  });
});

describe('debounced', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs a burst once, after the last ask', () => {
    const run = jest.fn();
    const refresh = debounced(run, timing, 50, () => Date.now());
    refresh.soon();
    jest.advanceTimersByTime(150);
    refresh.soon();
    jest.advanceTimersByTime(150);
    expect(run).not.toHaveBeenCalled();
    jest.advanceTimersByTime(50);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs by maxWait however steady the stream of asks', () => {
    const run = jest.fn();
    const refresh = debounced(run, timing, 50, () => Date.now());
    const runsAt: number[] = [];
    run.mockImplementation(() => void runsAt.push(Date.now()));
    const start = Date.now();
    // An ask every 100 ms for 3.5 s: a plain debounce of 200 ms would never run.
    for (let elapsed = 0; elapsed < 3500; elapsed += 100) {
      refresh.soon();
      jest.advanceTimersByTime(100);
    }
    expect(runsAt.map((at) => at - start)).toEqual([1000, 2000, 3000]);
  });

  it('asks again while the run says later, still by the same burst', () => {
    let inFlight = true;
    const run = jest.fn(() => (inFlight ? ('later' as const) : undefined));
    const refresh = debounced(run, timing, 50, () => Date.now());
    refresh.soon();
    jest.advanceTimersByTime(200);
    expect(run).toHaveBeenCalledTimes(1);
    inFlight = false;
    jest.advanceTimersByTime(50);
    expect(run).toHaveBeenCalledTimes(2);
    jest.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('runs at once on now() and not again; cancel() drops a pending run', () => {
    const run = jest.fn();
    const refresh = debounced(run, timing, 50, () => Date.now());
    refresh.soon();
    refresh.now();
    jest.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
    refresh.soon();
    refresh.cancel();
    jest.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
