// Seeded randomness as a value in the simulation state (never a global): a 32-bit state, mulberry32 steps.
// Same seed ⇒ same sequence on every machine; the state is a plain number, so it lives in immutable state too.

export interface Rng {
  state: number;
}

export function createRng(seed: number): Rng {
  // Mix the seed so nearby seeds give unrelated sequences.
  let s = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  s = Math.imul(s ^ (s >>> 16), 0x85ebca6b) >>> 0;
  s = Math.imul(s ^ (s >>> 13), 0xc2b2ae35) >>> 0;
  return {state: (s ^ (s >>> 16)) >>> 0};
}

/** Next float in [0, 1); advances the state in place. */
export function nextFloat(rng: Rng): number {
  rng.state = (rng.state + 0x6d2b79f5) >>> 0;
  let t = rng.state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Integer in [0, n). */
export function nextInt(rng: Rng, n: number): number {
  return Math.floor(nextFloat(rng) * n);
}

/** Uniform in [-1, 1). */
export function nextSigned(rng: Rng): number {
  return nextFloat(rng) * 2 - 1;
}

/** A seeded Fisher–Yates shuffle of a copy. */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = nextInt(rng, i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
