/**
 * Rate limiting primitives: a token bucket per client and a bounded map of
 * buckets keyed by an opaque client key (kept in memory only, never logged).
 */

export interface RateLimit {
  /** Burst size: how many messages may arrive at once. */
  capacity: number;
  /** Sustained rate, tokens added per second. */
  refillPerSecond: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = limit.capacity;
    this.last = now();
  }

  /** Takes one token; false when the client is over its rate. */
  take(): boolean {
    const t = this.now();
    const elapsed = Math.max(0, t - this.last) / 1000;
    this.last = t;
    this.tokens = Math.min(this.limit.capacity, this.tokens + elapsed * this.limit.refillPerSecond);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Seconds until the next token is available (for Retry-After). */
  retryAfterSeconds(): number {
    const missing = 1 - this.tokens;
    return missing <= 0 ? 0 : Math.ceil(missing / this.limit.refillPerSecond);
  }
}

/**
 * One bucket per key, at most `maxKeys` keys: the least recently used key is
 * dropped first, so a flood of distinct clients cannot grow memory unbounded.
 */
export class KeyedRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Returns 0 when allowed, or the seconds to wait before retrying. */
  check(key: string): number {
    let bucket = this.buckets.get(key);
    if (bucket) {
      this.buckets.delete(key);
    } else {
      bucket = new TokenBucket(this.limit, this.now);
      if (this.buckets.size >= this.maxKeys) {
        const oldest = this.buckets.keys().next().value;
        if (oldest !== undefined) this.buckets.delete(oldest);
      }
    }
    this.buckets.set(key, bucket);
    return bucket.take() ? 0 : Math.max(1, bucket.retryAfterSeconds());
  }
}

/** Parses "30/s" or "30/s,60" (rate, then burst) as used by environment variables; null for "0" (disabled). */
export function parseRateLimit(text: string): RateLimit | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*s)?\s*(?:,\s*(\d+))?\s*$/.exec(text);
  if (!m) throw new Error(`invalid rate limit "${text}" (expected e.g. "20/s" or "20/s,40")`);
  const rate = Number(m[1]);
  if (rate === 0) return null;
  const burst = m[2] ? Number(m[2]) : Math.max(1, Math.ceil(rate * 2));
  return { capacity: burst, refillPerSecond: rate };
}
