import { useEffect, useState } from 'react';

import { useLiveQueue } from '../api/liveHooks';
import { serverNow } from '../api/serverClock';

/** Server clock minus browser clock, from the desk's queue snapshot (0 until it has arrived). */
export function useServerClockOffset(): number {
  return useLiveQueue().current?.clockOffsetMs ?? 0;
}

/** The server's time, ticking every second: for waits and "ago" that count up on screen. */
export function useServerNow(): number {
  const offset = useServerClockOffset();
  const [browserNow, setBrowserNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setBrowserNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return serverNow(offset, browserNow);
}
