// Per-address rate limits: a token bucket per (address, kind). Each bucket holds `burst` tokens and refills at
// `perMinute`; a request takes one or is told how long to wait. The table is bounded: the least recently seen
// addresses are forgotten first, so a flood of spoofed-looking addresses cannot grow it without end.
export interface RateRule {
  perMinute: number;
  burst: number;
}

export interface RateLimiter {
  /** 0 when allowed, else the seconds to wait (Retry-After). */
  take(address: string, kind: string): number;
}

const MAX_ADDRESSES = 10_000;

export function rateLimiter(rules: Readonly<Record<string, RateRule>>, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, {tokens: number; at: number}>();
  return {
    take(address, kind) {
      const rule = rules[kind];
      if (!rule || rule.perMinute <= 0) return 0;
      const key = `${kind} ${address}`;
      const t = now();
      const bucket = buckets.get(key) ?? {tokens: rule.burst, at: t};
      buckets.delete(key);
      bucket.tokens = Math.min(rule.burst, bucket.tokens + ((t - bucket.at) / 60_000) * rule.perMinute);
      bucket.at = t;
      buckets.set(key, bucket);
      if (buckets.size > MAX_ADDRESSES) buckets.delete(buckets.keys().next().value as string);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil(((1 - bucket.tokens) / rule.perMinute) * 60));
    },
  };
}
