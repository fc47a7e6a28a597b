// --seed: a whole number the engine's 32-bit PRNG can take without two seeds meaning the same run.
export const MAX_SEED = 4_294_967_295;

export type ParsedSeed = {ok: true; seed: number} | {ok: false; message: string};

export function parseSeed(text: string): ParsedSeed {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return {ok: false, message: `--seed must be a whole number from 0 to ${MAX_SEED} (got '${text}')`};
  const seed = Number(trimmed);
  if (seed > MAX_SEED) return {ok: false, message: `--seed must be at most ${MAX_SEED} (got ${trimmed})`};
  return {ok: true, seed};
}
