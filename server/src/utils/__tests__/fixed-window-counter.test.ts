import { FixedWindowCounter } from '../fixed-window-counter';

describe('FixedWindowCounter', () => {
  let now = 0;
  const clock = () => now;
  let counter: FixedWindowCounter;
  beforeEach(() => {
    jest.useFakeTimers();
    now = 1_000_000;
    counter = new FixedWindowCounter(3, 60_000, clock);
  });
  afterEach(() => {
    counter.close();
    jest.useRealTimers();
  });

  it('allows `limit` requests in a key window, then answers the milliseconds until the window ends', () => {
    expect([counter.hit('a'), counter.hit('a'), counter.hit('a')]).toEqual([0, 0, 0]);
    now += 20_000;
    expect(counter.hit('a')).toBe(40_000);
    now += 39_999;
    expect(counter.hit('a')).toBe(1);
    // The window opened at the first request; at its end a new one opens with a full allowance.
    now += 1;
    expect([counter.hit('a'), counter.hit('a'), counter.hit('a'), counter.hit('a')]).toEqual([0, 0, 0, 60_000]);
  });

  it('gives every key its own window', () => {
    for (let index = 0; index < 4; index += 1) counter.hit('a');
    now += 30_000;
    expect(counter.hit('b')).toBe(0);
    expect(counter.hit('a')).toBe(30_000);
    now += 30_000;
    // a's window ended, b's has 30 s left.
    expect(counter.hit('a')).toBe(0);
    expect([counter.hit('b'), counter.hit('b'), counter.hit('b')]).toEqual([0, 0, 30_000]);
  });

  it('forgets ended windows with one timer that runs only while keys are held', () => {
    expect(jest.getTimerCount()).toBe(0);
    for (let index = 0; index < 200; index += 1) counter.hit(`198.51.100.${index}`);
    expect(counter.size).toBe(200);
    expect(jest.getTimerCount()).toBe(1);

    now += 30_000;
    counter.hit('late');
    // The first sweep comes a window after the first key: every window but the late one has ended.
    now += 30_000;
    jest.advanceTimersByTime(60_000);
    expect(counter.size).toBe(1);
    expect(jest.getTimerCount()).toBe(1);

    now += 60_000;
    jest.advanceTimersByTime(60_000);
    expect(counter.size).toBe(0);
    expect(jest.getTimerCount()).toBe(0);

    // A request after the flood starts the timer again.
    counter.hit('again');
    expect(jest.getTimerCount()).toBe(1);
  });

  it('close stops the timer and a later request starts it again, its count kept', () => {
    counter.hit('a');
    counter.close();
    expect(jest.getTimerCount()).toBe(0);
    counter.hit('a');
    counter.hit('a');
    expect(jest.getTimerCount()).toBe(1);
    expect(counter.hit('a')).toBe(60_000);
  });

  it('refuses a limit under 1 or an empty window', () => {
    expect(() => new FixedWindowCounter(0, 60_000)).toThrow(RangeError);
    expect(() => new FixedWindowCounter(3, 0)).toThrow(RangeError);
  });
});
