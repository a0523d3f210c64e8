/** One key's window: when it ends and how many requests it has counted. */
interface Window {
  count: number;
  endsAt: number;
}

/**
 * Requests counted per key in fixed windows: a key's window opens at its first request and lasts
 * `windowMs`; within it, `limit` requests are allowed and the rest refused until it ends.
 *
 * Synchronous on purpose: it sits on every socket event and REST request, and answering without
 * a promise keeps the message path free of the allocations a promise costs per check (Strapi
 * runs with async hooks on, so each promise also pays a hook). A request within its window
 * allocates nothing; memory holds only the keys whose window opened in the last two windows,
 * swept by one timer that runs only while there are keys.
 */
export class FixedWindowCounter {
  private readonly windows = new Map<string, Window>();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(limit >= 1) || !(windowMs > 0)) throw new RangeError('FixedWindowCounter needs a limit of at least 1 and a window above 0 ms');
  }

  /** Counts one request for `key`: 0 when it is within the allowance, else the milliseconds until its window ends. */
  hit(key: string): number {
    const now = this.now();
    this.sweeper ??= setInterval(() => this.sweep(), this.windowMs).unref();
    const window = this.windows.get(key);
    if (window && window.endsAt > now) {
      window.count += 1;
      return window.count > this.limit ? window.endsAt - now : 0;
    }
    if (window) {
      window.count = 1;
      window.endsAt = now + this.windowMs;
    } else {
      this.windows.set(key, { count: 1, endsAt: now + this.windowMs });
    }
    return 0;
  }

  /** Keys held now (ended windows included until the next sweep). */
  get size(): number {
    return this.windows.size;
  }

  /** Drops the windows that have ended; stops the timer when none is left. */
  sweep(): void {
    const now = this.now();
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
    if (this.windows.size === 0) this.close();
  }

  /** Stops the sweep timer (the counts stay; a later request starts it again). */
  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }
}
