// Derived views of the state. Pure: the screens call these, tests call them without a terminal.
import type {Level, QuizQuestion, Tier} from '../../engine/index.js';
import type {AppState} from './app-state.js';
import type {Campaign, ConceptCard, Records} from './services.js';
import type {PlayMode, Screen} from './screens.js';
import {DEFAULT_SANDBOX, SANDBOX_LEVEL_ID, sandboxLevel, unlockAll, type SandboxSpec} from './sandbox.js';

export function topScreen(state: AppState): Screen {
  return state.stack[state.stack.length - 1] ?? {name: 'menu'};
}

export function campaignOf(state: AppState): Campaign | undefined {
  return state.content.status === 'ready' ? state.content.campaign : undefined;
}

export function conceptsOf(state: AppState): Record<string, ConceptCard> {
  return state.content.status === 'ready' ? state.content.concepts : {};
}

export function levelById(campaign: Campaign | undefined, id: string): Level | undefined {
  return campaign?.levels.find((level) => level.id === id);
}

export interface LevelStatus {
  level: Level;
  /** Campaign position, from 1. */
  number: number;
  stars: number;
  bestPoints: number;
  unlocked: boolean;
}

/** A level unlocks when the one before it in campaign order has at least one star; the first is always open. */
export function levelStatuses(campaign: Campaign, records: Records): LevelStatus[] {
  let previousStars = 1;
  return campaign.levels.map((level, index) => {
    const record = records[level.id];
    const status: LevelStatus = {
      level,
      number: index + 1,
      stars: record?.stars ?? 0,
      bestPoints: record?.bestPoints ?? 0,
      unlocked: index === 0 || previousStars >= 1,
    };
    previousStars = status.stars;
    return status;
  });
}

export function isUnlocked(campaign: Campaign, records: Records, levelId: string): boolean {
  return levelStatuses(campaign, records).some((s) => s.level.id === levelId && s.unlocked);
}

/** The level after this one in campaign order, if any. */
export function nextLevelId(campaign: Campaign, levelId: string): string | undefined {
  const index = campaign.levels.findIndex((level) => level.id === levelId);
  return index >= 0 ? campaign.levels[index + 1]?.id : undefined;
}

/** Where a level's current build is kept: free-play builds apart, so unlocked choices never leak into the campaign. */
export function buildKey(levelId: string, mode: PlayMode = 'campaign'): string {
  return mode === 'sandbox' ? `free-play:${levelId}` : levelId;
}

/** The build the builder opens with: the player's current build, else the level's start. */
export function buildFor(state: AppState, level: Level, mode: PlayMode = 'campaign'): Tier[] {
  return state.builds[buildKey(level.id, mode)] ?? level.start.tiers;
}

const unlocked = new WeakMap<Level, Level>();
let sandboxCache: {key: string; level: Level} | undefined;

/**
 * The level a builder, run or results screen plays: in free play, the campaign level with everything unlocked, or
 * the empty sandbox built from the player's choices; in a challenge, its pinned level. The same object while its inputs stay the same.
 */
export function playLevel(state: AppState, levelId: string, mode: PlayMode | undefined): Level | undefined {
  // A challenge plays its own (pinned) copy of each level.
  if (mode === 'challenge') return state.challenge?.levels.find((level) => level.id === levelId);
  if (mode === 'sandbox' && levelId === SANDBOX_LEVEL_ID) {
    const spec: SandboxSpec = state.sandbox.spec ?? DEFAULT_SANDBOX;
    const key = JSON.stringify(spec);
    if (sandboxCache?.key !== key) sandboxCache = {key, level: sandboxLevel(spec)};
    return sandboxCache.level;
  }
  const level = levelById(campaignOf(state), levelId);
  if (!level || mode !== 'sandbox') return level;
  let open = unlocked.get(level);
  if (!open) unlocked.set(level, (open = unlockAll(level)));
  return open;
}

export interface QuizItem extends QuizQuestion {
  levelId: string;
  levelTitle: string;
}

/** Every quiz question of the levels the player has unlocked, in campaign order. */
export function quizItems(campaign: Campaign, records: Records): QuizItem[] {
  return levelStatuses(campaign, records)
    .filter((s) => s.unlocked)
    .flatMap((s) => s.level.quiz.map((q) => ({...q, levelId: s.level.id, levelTitle: s.level.title})));
}

export function starText(stars: number, of = 3): string {
  const filled = Math.max(0, Math.min(of, stars));
  return '★'.repeat(filled) + '☆'.repeat(of - filled);
}

/** A chapter's stars out of three per level, for the campaign map's headers. */
export function chapterProgress(campaign: Campaign, records: Records): {id: string; title: string; stars: number; total: number}[] {
  return campaign.chapters.map((chapter) => ({
    id: chapter.id,
    title: chapter.title,
    stars: chapter.levels.reduce((sum, id) => sum + (records[id]?.stars ?? 0), 0),
    total: chapter.levels.length * 3,
  }));
}

/** Finished: every level of the campaign has at least one star. */
export function campaignFinished(campaign: Campaign, records: Records): boolean {
  return campaign.levels.length > 0 && campaign.levels.every((level) => (records[level.id]?.stars ?? 0) >= 1);
}

export interface FinishedSummary {
  stars: number;
  totalStars: number;
  /** Per level: the start's monthly cost and the player's cheapest passing build. */
  levels: {id: string; title: string; stars: number; startUsd: number; bestUsd?: number; savedUsd: number}[];
  savedUsd: number;
  /** Concept ids of the levels the player passed, in campaign order, each once. */
  concepts: string[];
}

/**
 * The campaign-finished summary. `startCostUsd` gives a level's start build's monthly cost (the screen runs the
 * start once through the one scoring path); money saved is start − best, never below zero, per level.
 */
export function finishedSummary(campaign: Campaign, records: Records, startCostUsd: (level: Level) => number): FinishedSummary {
  const levels = campaign.levels.map((level) => {
    const record = records[level.id];
    const startUsd = startCostUsd(level);
    const bestUsd = record?.bestMonthlyCostUsd;
    return {id: level.id, title: level.title, stars: record?.stars ?? 0, startUsd, bestUsd, savedUsd: bestUsd === undefined ? 0 : Math.max(0, startUsd - bestUsd)};
  });
  const concepts = [...new Set(campaign.levels.filter((l) => (records[l.id]?.stars ?? 0) >= 1).flatMap((l) => l.concepts))];
  return {
    stars: levels.reduce((sum, l) => sum + l.stars, 0),
    totalStars: levels.length * 3,
    levels,
    savedUsd: levels.reduce((sum, l) => sum + l.savedUsd, 0),
    concepts,
  };
}
