// Scoring one build for the search: the engine's own simulate (the one scoring path), reduced to what the search
// keeps. Used in process and inside the search's worker threads alike.
import {simulate, type Level, type Tier} from '../../engine/index.js';
import type {Scored} from './search.js';

export function scoreBuild(level: Level, tiers: Tier[], seed: number): Scored {
  const result = simulate(level, {tiers}, {seed});
  return {stars: result.stars, points: result.points, monthlyCostUsd: result.metrics.monthlyCostUsd, findings: [...new Set(result.findings.map((f) => f.id))]};
}
