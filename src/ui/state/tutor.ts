// Derived views for the tutor screens (practice, review, codex, readiness, lessons). Pure, like selectors.ts.
import {conceptKey, filterBank, quizBank, type QuizBankItem, type QuizFilter} from '../../content/index.js';
import {dueKeys, endOfDay, type ReviewState} from '../../store/index.js';
import type {Metric, Result} from '../../engine/index.js';
import {levelStatuses} from './selectors.js';
import type {Campaign, Records} from './services.js';

/** Every question of the campaign, locked levels included (readiness counts them all). */
export function campaignBank(campaign: Campaign): QuizBankItem[] {
  return quizBank(campaign.levels);
}

/** The questions of the levels the learner has unlocked, in campaign order: what practice asks from. */
export function openBank(campaign: Campaign, records: Records): QuizBankItem[] {
  return quizBank(levelStatuses(campaign, records).filter((s) => s.unlocked).map((s) => s.level));
}

export interface DueReview {
  /** Question keys due (open levels only), soonest first. */
  questions: string[];
  /** Concept ids whose card is due (a lost objective, not yet reviewed). */
  concepts: string[];
}

/** What is due by the end of `now`'s day. */
export function dueToday(campaign: Campaign, records: Records, review: ReviewState, now: Date): DueReview {
  const open = new Set(openBank(campaign, records).map((item) => item.key));
  const keys = dueKeys(review, endOfDay(now));
  return {
    questions: keys.filter((key) => open.has(key)),
    concepts: keys.filter((key) => key.startsWith('c:')).map((key) => key.slice(2)),
  };
}

export function dueCount(due: DueReview): number {
  return due.questions.length + due.concepts.length;
}

/** The questions a review session asks: the due questions, then the open questions on each due concept. */
export function reviewKeys(campaign: Campaign, records: Records, due: DueReview): string[] {
  const bank = openBank(campaign, records);
  const keys = [...due.questions];
  for (const concept of due.concepts) {
    for (const item of filterBank(bank, {kind: 'concept', concept})) if (!keys.includes(item.key)) keys.push(item.key);
  }
  return keys;
}

/** The keys a practice filter picks from the open levels (a `keys` filter keeps its own order), at most `limit`. */
export function practiceKeys(campaign: Campaign, records: Records, filter: QuizFilter, limit?: number): string[] {
  const bank = openBank(campaign, records);
  const keys = filter.kind === 'keys' ? filter.keys.filter((key) => bank.some((item) => item.key === key)) : filterBank(bank, filter).map((item) => item.key);
  return limit === undefined ? keys : keys.slice(0, limit);
}

export interface ConceptStatus {
  /** The levels whose concepts list it, in campaign order. */
  levels: {id: string; title: string; number: number; won: boolean}[];
  questions: number;
  /** Questions on it whose latest answer was right. */
  right: number;
  /** Won a level that teaches it, or answered every question on it right (at least one). */
  shown: boolean;
  /** Its review card is due now. */
  due: boolean;
}

export function conceptStatus(campaign: Campaign, records: Records, review: ReviewState, conceptId: string, now: Date): ConceptStatus {
  const levels = levelStatuses(campaign, records)
    .filter((s) => s.level.concepts.includes(conceptId))
    .map((s) => ({id: s.level.id, title: s.level.title, number: s.number, won: s.stars > 0}));
  const questions = filterBank(campaignBank(campaign), {kind: 'concept', concept: conceptId});
  const right = questions.filter((item) => review.cards[item.key]?.lastRight === true).length;
  const card = review.cards[conceptKey(conceptId)];
  return {
    levels,
    questions: questions.length,
    right,
    shown: levels.some((l) => l.won) || (questions.length > 0 && right === questions.length),
    due: card !== undefined && new Date(card.due).getTime() <= now.getTime(),
  };
}

/** The card to study when an objective is lost and the score names no finding behind it. */
const METRIC_CONCEPT: Record<Metric, string> = {
  availability: 'high-availability',
  p95LatencyMs: 'right-sizing',
  monthlyCostUsd: 'purchase-options',
  idleCostShare: 'idle-cost',
  jobsOnTime: 'compute-choices',
  eventsWithinMaxAge: 'triggers-and-events',
  opsHoursPerMonth: 'undifferentiated-heavy-lifting',
};

export interface Lesson {
  metric: Metric;
  /** The objective missed its pass line (else it passed short of gold). */
  failed: boolean;
  conceptId: string;
  /** The finding the score names for it, if any. */
  finding?: string;
}

/** Each objective that lost points, with the concept card that teaches what it lost to. */
export function lessonsOf(result: Result, known: (conceptId: string) => boolean): Lesson[] {
  return result.objectives.flatMap((o) => {
    if (o.atGold) return [];
    const finding = o.lostTo === undefined ? undefined : result.findings.find((f) => f.id === o.lostTo);
    const fromFinding = finding?.concept;
    const conceptId = fromFinding !== undefined && known(fromFinding) ? fromFinding : METRIC_CONCEPT[o.metric];
    if (!known(conceptId)) return [];
    return [{metric: o.metric, failed: !o.met, conceptId, ...(o.lostTo === undefined ? {} : {finding: o.lostTo})}];
  });
}
