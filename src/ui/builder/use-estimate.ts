// The live estimate beside the builder: the engine's steady-state monthly cost and static findings for the
// build (estimate), and the problems that would stop it running (checkSolution). Memoised per build: immer
// gives an edited build a new identity and an unedited one the same. An engine error shows as text instead of
// breaking the screen.
import {useMemo} from 'react';
import {checkSolution, estimate, type CostLine, type Finding, type Level, type Problem, type Tier} from '../../engine/index.js';

export interface EstimateView {
  /** undefined when the engine could not price this build. */
  monthlyCostUsd: number | undefined;
  cost: CostLine[];
  findings: Finding[];
  /** What would stop the run. */
  problems: Problem[];
  error?: string;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function estimateBuild(level: Level, tiers: Tier[]): EstimateView {
  let problems: Problem[];
  try {
    problems = checkSolution(level, {formatVersion: 1, level: level.id, tiers});
  } catch (error) {
    return {monthlyCostUsd: undefined, cost: [], findings: [], problems: [], error: messageOf(error)};
  }
  // A build with problems (say a task too big for its cluster instance) may not be priceable.
  try {
    const {monthlyCostUsd, cost, findings} = estimate(level, tiers);
    return {monthlyCostUsd, cost, findings, problems};
  } catch (error) {
    return {monthlyCostUsd: undefined, cost: [], findings: [], problems, error: messageOf(error)};
  }
}

export function useEstimate(level: Level, tiers: Tier[]): EstimateView {
  return useMemo(() => estimateBuild(level, tiers), [level, tiers]);
}
