// The quiz reducer without a terminal: first answers count, the missed come back, and choices are shuffled
// per showing so that a fixed key scores at chance, whatever the bank's answer positions.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {choiceAt, choiceOrder, currentKey, quizReduce, quizStart, type QuizAction, type QuizLookup, type QuizState} from '../../src/ui/state/quiz.js';

const QUESTIONS: Record<string, {choices: string[]; answer: number}> = {
  a: {choices: ['w', 'x', 'y', 'z'], answer: 1},
  b: {choices: ['w', 'x', 'y', 'z'], answer: 0},
  c: {choices: ['w', 'x', 'y'], answer: 2},
};
const lookup: QuizLookup = (key) => QUESTIONS[key];

/** The shown position of the question's own choice `original`. */
const shownOf = (state: QuizState, original: number) => state.order.indexOf(original);
const answerOriginal = (state: QuizState, original: number) => quizReduce(lookup, state, {type: 'answer', choice: shownOf(state, original)});
const next = (state: QuizState) => quizReduce(lookup, state, {type: 'next'});

describe('quiz reducer', () => {
  it('counts the first answer only, then moves on, then finishes', () => {
    let state = quizStart(['a', 'b', 'c'], 7, lookup);
    state = answerOriginal(state, 1);
    expect(state).toMatchObject({correct: 1, answered: 1});
    expect(quizReduce(lookup, state, {type: 'answer', choice: 0})).toBe(state);
    state = answerOriginal(next(state), 1);
    state = next(answerOriginal(next(state), 2));
    expect(state).toMatchObject({done: true, correct: 2, answered: 3, missed: ['b']});
    expect(currentKey(state)).toBeUndefined();
  });

  it('review asks the missed questions only, with a fresh score and a fresh order', () => {
    let state = quizStart(['a', 'b', 'c'], 7, lookup);
    for (const wrong of [0, 1, 0]) state = next(answerOriginal(state, wrong));
    expect(state.missed).toEqual(['a', 'b', 'c']);
    const review = quizReduce(lookup, state, {type: 'review-missed'});
    expect(review).toMatchObject({round: ['a', 'b', 'c'], position: 0, correct: 0, answered: 0, missed: [], done: false});
    expect(review.showing).toBe(state.showing + 1);
  });

  it('next before answering, out-of-range choices and review with nothing missed change nothing', () => {
    const start = quizStart(['a'], 1, lookup);
    const actions: QuizAction[] = [{type: 'next'}, {type: 'answer', choice: 9}, {type: 'answer', choice: -1}, {type: 'review-missed'}];
    for (const action of actions) expect(quizReduce(lookup, start, action)).toBe(start);
  });

  it('an empty round is done at once', () => {
    expect(quizStart([], 0, lookup)).toMatchObject({done: true, order: []});
  });
});

describe('shuffled choices', () => {
  it('every order is a permutation of the choices, and the picked choice maps back to the question’s own', () => {
    fc.assert(
      fc.property(fc.integer({min: 2, max: 6}), fc.nat(), fc.nat({max: 10_000}), (count, seed, showing) => {
        const order = choiceOrder(count, seed, showing);
        expect([...order].sort()).toEqual(Array.from({length: count}, (_, i) => i));
      }),
    );
    const state = quizStart(['a'], 3, lookup);
    expect(choiceAt(state, shownOf(state, 1))).toBe(1);
  });

  it('the same progress gives the same order; another showing another order', () => {
    expect(choiceOrder(4, 12, 3)).toEqual(choiceOrder(4, 12, 3));
    const orders = new Set(Array.from({length: 24}, (_, showing) => choiceOrder(4, 12, showing).join('')));
    expect(orders.size).toBeGreaterThan(8);
  });

  it.each([0, 1, 2, 3])('pressing key %i on every question of a 400-question bank scores at chance (25% ± 5%)', (pressed) => {
    // The worst bank for a pattern player: the answer is always the first choice as written.
    const bank: Record<string, {choices: string[]; answer: number}> = {};
    for (let i = 0; i < 400; i++) bank[`q${i}`] = {choices: ['right', 'w1', 'w2', 'w3'], answer: 0};
    const look: QuizLookup = (key) => bank[key];
    let state = quizStart(Object.keys(bank), 42, look);
    while (!state.done) state = quizReduce(look, quizReduce(look, state, {type: 'answer', choice: pressed}), {type: 'next'});
    expect(state.answered).toBe(400);
    expect(state.correct / 400).toBeGreaterThan(0.2);
    expect(state.correct / 400).toBeLessThan(0.3);
  });
});
