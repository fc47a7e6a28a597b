// Spaced review: FSRS scheduling with an injected clock, and the review section of the progress file
// (optional: today's v1 files have none and load with their stars and an empty review).
import {writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {
  dueKeys,
  emptyReview,
  endOfDay,
  loadProgress,
  nextDue,
  parseProgress,
  progressPath,
  recordAnswer,
  recordLost,
  recordRead,
  reviewOf,
  saveProgress,
  type ReviewState,
} from '../../src/store/index.js';
import {useTempHome} from './home.js';

useTempHome();

const NOW = new Date('2026-12-02T10:00:00.000Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const days = (n: number) => minutes(n * 24 * 60);
const dueOf = (review: ReviewState, key: string) => new Date(review.cards[key]?.due ?? 0);

/** A v1 progress file exactly as rightsize writes it today (before review state existed). */
const V1_FILE = `{
  "formatVersion": 1,
  "levels": {
    "stay-up": {"stars": 3, "bestPoints": 1000, "completedAt": "2026-11-30T09:00:00.000Z"},
    "pack-the-cluster": {"stars": 1, "bestPoints": 640}
  },
  "settings": {"screenReader": true}
}
`;

describe('scheduling (ts-fsrs, clock injected)', () => {
  it('a missed question is due sooner than a known one', () => {
    let review = emptyReview();
    review = recordAnswer(review, {key: 'q:stay-up:missed00', right: false}, NOW);
    review = recordAnswer(review, {key: 'q:stay-up:known000', right: true}, NOW);
    const missed = dueOf(review, 'q:stay-up:missed00');
    const known = dueOf(review, 'q:stay-up:known000');
    expect(missed.getTime()).toBeLessThan(known.getTime());
    // Named numbers: a miss comes back in the 10-minute relearning step, a first right answer in days.
    expect(missed).toEqual(minutes(10));
    expect(known.getTime()).toBeGreaterThanOrEqual(days(1).getTime());
    expect(dueKeys(review, minutes(10))).toEqual(['q:stay-up:missed00']);
    expect(review.cards['q:stay-up:missed00']).toMatchObject({right: 0, wrong: 1, lastRight: false});
    expect(review.cards['q:stay-up:known000']).toMatchObject({right: 1, wrong: 0, lastRight: true});
    expect(review.shown).toBe(2);
  });

  it('known answers space out: each right review puts the next one further away', () => {
    let review = emptyReview();
    let at = NOW;
    const gaps: number[] = [];
    for (let i = 0; i < 4; i++) {
      review = recordAnswer(review, {key: 'q:l:aaaaaaaa', right: true}, at);
      const due = dueOf(review, 'q:l:aaaaaaaa');
      gaps.push(due.getTime() - at.getTime());
      at = due;
    }
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
    expect(new Set(gaps).size).toBe(4);
  });

  it('the same answers at the same times give the same schedule (no fuzz, no hidden clock)', () => {
    const play = () => recordAnswer(recordAnswer(emptyReview(), {key: 'q:l:aaaaaaaa', right: true}, NOW), {key: 'q:l:aaaaaaaa', right: false}, days(3));
    expect(play()).toEqual(play());
  });

  it('concepts of lost objectives come back within minutes; answering or reading them reviews them', () => {
    let review = recordLost(emptyReview(), ['c:availability-zones', 'c:availability-zones'], NOW);
    expect(Object.keys(review.cards)).toEqual(['c:availability-zones']);
    expect(dueOf(review, 'c:availability-zones')).toEqual(minutes(10));
    // A right answer on a question about it reviews the concept too.
    const answered = recordAnswer(review, {key: 'q:l:bbbbbbbb', right: true, conceptKeys: ['c:availability-zones', 'c:not-a-card']}, minutes(15));
    expect(dueOf(answered, 'c:availability-zones').getTime()).toBeGreaterThan(days(1).getTime());
    expect(answered.cards['c:not-a-card']).toBeUndefined();
    // Reading the card before it is due changes nothing; once due, it counts as reviewed.
    expect(recordRead(review, 'c:availability-zones', minutes(5))).toBe(review);
    review = recordRead(review, 'c:availability-zones', minutes(11));
    expect(dueOf(review, 'c:availability-zones').getTime()).toBeGreaterThan(minutes(11).getTime());
  });

  it('due today runs to local midnight; nextDue is the soonest card', () => {
    const review = recordAnswer(recordAnswer(emptyReview(), {key: 'q:l:aaaaaaaa', right: false}, NOW), {key: 'q:l:bbbbbbbb', right: true}, NOW);
    expect(nextDue(review)).toBe(minutes(10).toISOString());
    expect(dueKeys(review, endOfDay(NOW))).toContain('q:l:aaaaaaaa');
    expect(dueKeys(review, endOfDay(NOW))).not.toContain('q:l:bbbbbbbb');
    expect(nextDue(emptyReview())).toBeUndefined();
  });
});

describe('the review section of the progress file', () => {
  it("today's v1 file loads with its stars kept and an empty review", () => {
    const parsed = parseProgress(V1_FILE);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.progress.levels).toEqual({
      'stay-up': {stars: 3, bestPoints: 1000, completedAt: '2026-11-30T09:00:00.000Z'},
      'pack-the-cluster': {stars: 1, bestPoints: 640},
    });
    expect(parsed.progress.settings).toEqual({screenReader: true});
    expect(reviewOf(parsed.progress)).toEqual(emptyReview());
  });

  it('review state survives a save and a load (a restart), next to the stars', async () => {
    writeFileSync(progressPath(), V1_FILE);
    const {progress} = await loadProgress();
    const review = recordLost(recordAnswer(reviewOf(progress), {key: 'q:stay-up:0badf00d', right: false}, NOW), ['c:load-balancer'], NOW);
    await saveProgress({...progress, review});
    const again = await loadProgress();
    expect(again.notice).toBeUndefined();
    expect(reviewOf(again.progress)).toEqual(review);
    expect(again.progress.levels['stay-up']?.stars).toBe(3);
  });

  it('an unusable review section is dropped, never the stars (the file is not moved aside)', () => {
    for (const bad of ['"yes"', '{"cards": {"q:x:1": {"due": "tomorrow"}}, "shown": 0}', '{"cards": {"../../etc": {}}, "shown": -1}']) {
      const text = V1_FILE.replace('"settings"', `"review": ${bad},\n  "settings"`);
      const parsed = parseProgress(text);
      if (!parsed.ok) throw new Error(parsed.reason);
      expect(parsed.progress.levels['stay-up']?.stars).toBe(3);
      expect(reviewOf(parsed.progress)).toEqual(emptyReview());
    }
  });
});
