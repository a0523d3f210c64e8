import type * as Redis from 'redis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

import { FixedWindowCounter } from '../utils/fixed-window-counter';

/** One limited action: `points` requests per key in each window of `durationSeconds`. */
export interface RateLimitRule {
  /** Tells this action's counters apart from the others' (part of every key). */
  name: string;
  points: number;
  durationSeconds: number;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface KeyedRateLimiter {
  /**
   * Counts one request for `key` (an IP address, a conversation id): the decision at once when
   * the counters are in this node's memory, a promise of it when they are in Redis.
   */
  hit(key: string): RateLimitDecision | Promise<RateLimitDecision>;
}

const COMMAND_TIMEOUT_MS = 1000;

/** Where the counters live: this node's memory, or a Redis that all nodes share. */
export interface RateLimitStore {
  readonly shared: boolean;
  limiter(rule: RateLimitRule): KeyedRateLimiter;
  close(): Promise<void>;
}

/** The one answer for every request within its allowance (it is never changed). */
const ALLOWED: RateLimitDecision = Object.freeze({ allowed: true });

/**
 * The Redis limiter's fallback while Redis is away: the library's own memory limiter, which
 * drops each key with a timer when its window ends.
 */
const insuranceLimiter = (rule: RateLimitRule): RateLimiterMemory =>
  new RateLimiterMemory({ points: rule.points, duration: rule.durationSeconds, keyPrefix: rule.name });

function keyed(limiter: RateLimiterAbstract): KeyedRateLimiter {
  return {
    async hit(key) {
      try {
        await limiter.consume(key);
        return ALLOWED;
      } catch (rejection) {
        // The library rejects with its result when the key is over its points; anything else is a failure.
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterMs: rejection.msBeforeNext };
        throw rejection;
      }
    },
  };
}

/**
 * Counts in this node's memory: each node limits on its own. A fixed window per key
 * (`FixedWindowCounter`), answered without a promise; memory holds only the keys seen in the
 * last two windows, so a flood of addresses costs at most what this node can answer in that
 * time, and nothing once it stops.
 */
export function memoryRateLimitStore(): RateLimitStore {
  const counters: FixedWindowCounter[] = [];
  return {
    shared: false,
    limiter(rule) {
      const counter = new FixedWindowCounter(rule.points, rule.durationSeconds * 1000);
      counters.push(counter);
      return {
        hit(key) {
          const waitMs = counter.hit(key);
          return waitMs === 0 ? ALLOWED : { allowed: false, retryAfterMs: waitMs };
        },
      };
    },
    async close() {
      for (const counter of counters) counter.close();
    },
  };
}

/**
 * The Redis client's modules, loaded only when Redis is configured: a single node never holds
 * them (with the Socket.IO adapter, 4 MB of heap after boot that every major collection marks).
 * `require`, not `import()`: Strapi loads the plugin's CommonJS build, and test runners' module
 * sandboxes refuse a dynamic import there.
 */
export function loadRedisClient(): typeof Redis {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('redis') as typeof Redis;
}

/**
 * Counts in Redis, so a client spreading requests over the nodes gets one allowance. Every key
 * starts with `keyPrefix` (derived from the app, like the real-time channels), so two apps on
 * one Redis never share counters. When Redis fails or is unreachable, each limiter falls back to
 * its memory twin (`insuranceLimiter`): the limits hold per node until Redis is back, requests
 * neither fail nor go unlimited. The client queues nothing while disconnected and gives up on a
 * command after a second, so a request never waits for Redis to come back.
 */
export async function connectRedisRateLimitStore(options: {
  url: string;
  keyPrefix: string;
  onError: (error: Error) => void;
}): Promise<RateLimitStore> {
  const { createClient } = loadRedisClient();
  const client = createClient({
    url: options.url,
    // Named so that an operator sees it in CLIENT LIST.
    name: 'live-support-rate-limits',
    disableOfflineQueue: true,
    // A Redis that hangs costs a request at most this long before the memory count takes over.
    commandOptions: { timeout: COMMAND_TIMEOUT_MS },
  });
  // Without a listener, a lost Redis connection would crash Strapi; the client reconnects itself.
  client.on('error', options.onError);
  await client.connect();
  return {
    shared: true,
    limiter(rule) {
      return keyed(
        new RateLimiterRedis({
          storeClient: client,
          // The `redis` package (v4 and later), as the Socket.IO adapter uses.
          useRedisPackage: true,
          rejectIfRedisNotReady: true,
          points: rule.points,
          duration: rule.durationSeconds,
          keyPrefix: `${options.keyPrefix}:${rule.name}`,
          insuranceLimiter: insuranceLimiter(rule),
        }),
      );
    },
    async close() {
      // While Redis is away the client keeps reconnecting; only destroy() stops it.
      if (client.isReady) await client.close();
      else client.destroy();
    },
  };
}
