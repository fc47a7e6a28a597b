// Spaced review: every question answered (and every concept of a lost objective) is a card scheduled by
// FSRS (ts-fsrs). A miss is rated Again (back in 10 minutes, then relearned), a right answer Good (days
// later, growing); a lost objective rates its concept Again. Pure: the clock is always passed in.
// The state lives in the progress file as an optional `review` section (absent = nothing reviewed yet).
import {z} from 'zod';
import {createEmptyCard, fsrs, Rating, State, type Card, type Grade} from 'ts-fsrs';

/** No fuzz (same answers at the same times ⇒ same schedule); one 10-minute step while learning or relearning. */
const scheduler = fsrs({enable_fuzz: false, enable_short_term: true, learning_steps: ['10m'], relearning_steps: ['10m']});

/** Far above any campaign's questions and concepts; a bigger section is not ours. */
export const MAX_REVIEW_CARDS = 10_000;

const count = z.number().int().min(0).max(1e9);
const reviewCardSchema = z.object({
  due: z.iso.datetime(),
  stability: z.number().min(0).max(1e6),
  difficulty: z.number().min(0).max(100),
  elapsedDays: z.number().min(0).max(1e6),
  scheduledDays: z.number().min(0).max(1e6),
  learningSteps: count,
  reps: count,
  lapses: count,
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
  state: z.number().int().min(0).max(3),
  lastReview: z.iso.datetime().optional(),
  /** Answers to this question (0 for a concept card). */
  right: count,
  wrong: count,
  lastRight: z.boolean().optional(),
});

export const reviewSchema = z.object({
  cards: z
    .record(z.string().regex(/^[qc]:[a-z0-9:-]{1,160}$/), reviewCardSchema)
    .refine((cards) => Object.keys(cards).length <= MAX_REVIEW_CARDS, `at most ${MAX_REVIEW_CARDS} cards`),
  /** Questions shown so far: seeds each showing's choice order, so the same progress gives the same order. */
  shown: count,
});

export type ReviewCard = z.output<typeof reviewCardSchema>;
export type ReviewState = z.output<typeof reviewSchema>;

export function emptyReview(): ReviewState {
  return {cards: {}, shown: 0};
}

/** The review section of a progress file (absent in files written before it existed: empty). */
export function reviewOf(progress: {review?: ReviewState | undefined}): ReviewState {
  return progress.review ?? emptyReview();
}

function toFsrs(card: ReviewCard | undefined, now: Date): Card {
  if (!card) return createEmptyCard(now);
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as State,
    ...(card.lastReview === undefined ? {} : {last_review: new Date(card.lastReview)}),
  };
}

function fromFsrs(card: Card, answers: Pick<ReviewCard, 'right' | 'wrong' | 'lastRight'>): ReviewCard {
  const out: ReviewCard = {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    right: answers.right,
    wrong: answers.wrong,
  };
  if (card.last_review) out.lastReview = card.last_review.toISOString();
  if (answers.lastRight !== undefined) out.lastRight = answers.lastRight;
  return out;
}

function rate(review: ReviewState, key: string, grade: Grade, now: Date, answered?: boolean): ReviewState {
  const before = Object.hasOwn(review.cards, key) ? review.cards[key] : undefined;
  // A card reviewed with a clock behind its last review (a clock change) is rated as of that review.
  const last = before?.lastReview === undefined ? undefined : new Date(before.lastReview);
  const at = last !== undefined && last > now ? last : now;
  const next = scheduler.next(toFsrs(before, at), at, grade).card;
  const answers =
    answered === undefined
      ? {right: before?.right ?? 0, wrong: before?.wrong ?? 0, lastRight: before?.lastRight}
      : {right: (before?.right ?? 0) + (answered ? 1 : 0), wrong: (before?.wrong ?? 0) + (answered ? 0 : 1), lastRight: answered};
  return {...review, cards: {...review.cards, [key]: fromFsrs(next, answers)}};
}

/**
 * One answer: the question's card is rated Good (right) or Again (missed); each of its concepts that is
 * already a card (a lost objective put it there) is reviewed with the same grade. Counts a showing.
 */
export function recordAnswer(review: ReviewState, answer: {key: string; right: boolean; conceptKeys?: readonly string[]}, now: Date): ReviewState {
  const grade = answer.right ? Rating.Good : Rating.Again;
  let next = rate(review, answer.key, grade, now, answer.right);
  for (const concept of answer.conceptKeys ?? []) {
    if (Object.hasOwn(next.cards, concept)) next = rate(next, concept, grade, now);
  }
  return {...next, shown: next.shown + 1};
}

/** The concepts of a run's lost objectives: each is rated Again, so it comes back within minutes. */
export function recordLost(review: ReviewState, conceptKeys: readonly string[], now: Date): ReviewState {
  return [...new Set(conceptKeys)].reduce((state, key) => rate(state, key, Rating.Again, now), review);
}

/** A concept card read while due counts as reviewed (Good); one not due is left alone. */
export function recordRead(review: ReviewState, conceptKey: string, now: Date): ReviewState {
  const card = Object.hasOwn(review.cards, conceptKey) ? review.cards[conceptKey] : undefined;
  if (!card || new Date(card.due) > now) return review;
  return rate(review, conceptKey, Rating.Good, now);
}

/** Keys of the cards due at `at`, soonest first. */
export function dueKeys(review: ReviewState, at: Date): string[] {
  return Object.entries(review.cards)
    .filter(([, card]) => new Date(card.due).getTime() <= at.getTime())
    .sort((a, b) => a[1].due.localeCompare(b[1].due) || a[0].localeCompare(b[0]))
    .map(([key]) => key);
}

/** The end of `now`'s day in local time: "due today" means due before the next midnight. */
export function endOfDay(now: Date): Date {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return end;
}

/** The earliest due date among the cards, if any. */
export function nextDue(review: ReviewState): string | undefined {
  return Object.values(review.cards).reduce<string | undefined>((soonest, card) => (soonest === undefined || card.due < soonest ? card.due : soonest), undefined);
}
