/**
 * A token bucket per key (an IP address, a conversation): `limit` requests at once, refilled
 * evenly over `windowMs`. Pure and in memory; each Strapi node limits on its own.
 */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Beyond this many keys the least recently seen are forgotten, so a flood of IPs cannot fill memory. */
const DEFAULT_MAX_KEYS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rule: RateLimitRule,
    private readonly maxKeys: number = DEFAULT_MAX_KEYS,
  ) {
    if (!(rule.limit >= 1) || !(rule.windowMs > 0)) throw new RangeError('a rate limit needs limit ≥ 1 and windowMs > 0');
  }

  /** Takes one request's token for `key` if there is one. */
  hit(key: string, now: number): RateLimitDecision {
    const refillPerMs = this.rule.limit / this.rule.windowMs;
    const previous = this.buckets.get(key);
    const tokens = previous
      ? Math.min(this.rule.limit, previous.tokens + Math.max(0, now - previous.updatedAt) * refillPerMs)
      : this.rule.limit;
    // Re-inserted so that Map order is least recently seen first.
    this.buckets.delete(key);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, updatedAt: now });
      return { allowed: false, retryAfterMs: Math.ceil((1 - tokens) / refillPerMs) };
    }
    this.buckets.set(key, { tokens: tokens - 1, updatedAt: now });
    while (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value as string;
      this.buckets.delete(oldest);
    }
    return { allowed: true };
  }

  get size(): number {
    return this.buckets.size;
  }
}
