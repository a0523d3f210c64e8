/**
 * A debounce with a maximum wait: a burst of asks runs once, `delayMs` after the last ask, but
 * never later than `maxWaitMs` after the first ask of the burst, so a steady stream of asks
 * (pushes arriving faster than `delayMs` apart) cannot postpone the run forever.
 */

export interface DebounceTiming {
  delayMs: number;
  maxWaitMs: number;
}

/** How long from `now` until the run, for a burst whose first ask came at `firstAskedAt`. */
export function debounceDelay(timing: DebounceTiming, firstAskedAt: number, now: number): number {
  return Math.max(0, Math.min(timing.delayMs, firstAskedAt + timing.maxWaitMs - now));
}

export interface Debounced {
  /** Ask for a run: within `delayMs` of quiet, at the latest `maxWaitMs` after this burst began. */
  soon(): void;
  /** Run now (ending the burst). */
  now(): void;
  cancel(): void;
}

/**
 * `run` is called when a burst ends; it may answer `'later'` (a request is still in flight,
 * say) to be asked again after `retryMs`, still within the same burst.
 */
export function debounced(run: () => void | 'later', timing: DebounceTiming, retryMs = 50, clock: () => number = Date.now): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAskedAt: number | null = null;
  const fire = () => {
    if (run() === 'later') {
      timer = setTimeout(fire, retryMs);
      return;
    }
    firstAskedAt = null;
  };
  return {
    soon() {
      const now = clock();
      firstAskedAt ??= now;
      clearTimeout(timer);
      timer = setTimeout(fire, debounceDelay(timing, firstAskedAt, now));
    },
    now() {
      clearTimeout(timer);
      fire();
    },
    cancel() {
      clearTimeout(timer);
      firstAskedAt = null;
    },
  };
}
