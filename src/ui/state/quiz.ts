// The practice quiz as a pure reducer: answer, then next; the score counts first answers only.
// A round is a list of question keys; after it, the missed ones can be asked again.
// Choices are shuffled for every showing (a pressed key says nothing about the answer): the order comes from
// a seed taken from the learner's progress (questions shown so far) and the showing's number, so the same
// progress gives the same order and a test can fix it.
import {createRng, shuffled} from '../../engine/index.js';

export interface QuizState {
  /** The questions of this round (bank keys), in order. */
  round: string[];
  /** The questions the session started with (r asks them again). */
  all: string[];
  /** Position in `round`. */
  position: number;
  /** The shown position of each choice: order[i] is the question's own index of the choice shown i-th. */
  order: number[];
  /** The shown choice picked for the current question, once answered. */
  picked?: number;
  correct: number;
  answered: number;
  /** Questions of this round answered wrongly. */
  missed: string[];
  done: boolean;
  /** The learner's showings before this session; with `showing`, seeds each order. */
  seed: number;
  /** Showings in this session so far (the current one included). */
  showing: number;
}

/** What the reducer needs of a question. */
export interface QuizQuestionLike {
  choices: readonly string[];
  answer: number;
}

export type QuizLookup = (key: string) => QuizQuestionLike | undefined;

export type QuizAction = {type: 'answer'; choice: number} | {type: 'next'} | {type: 'restart'} | {type: 'review-missed'};

/** The order choices are shown in for one showing: a seeded shuffle of 0..count-1. */
export function choiceOrder(count: number, seed: number, showing: number): number[] {
  const rng = createRng((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(showing + 1, 0x85ebca6b)) >>> 0);
  return shuffled(
    rng,
    Array.from({length: count}, (_, i) => i),
  );
}

function show(state: Omit<QuizState, 'order'>, lookup: QuizLookup): QuizState {
  const key = state.done ? undefined : state.round[state.position];
  const question = key === undefined ? undefined : lookup(key);
  return {...state, order: question ? choiceOrder(question.choices.length, state.seed, state.showing) : []};
}

export function quizStart(keys: readonly string[], seed: number, lookup: QuizLookup): QuizState {
  return show({round: [...keys], all: [...keys], position: 0, correct: 0, answered: 0, missed: [], done: keys.length === 0, seed, showing: 0}, lookup);
}

/** The question on screen (its key), if any. */
export function currentKey(state: QuizState): string | undefined {
  return state.done ? undefined : state.round[state.position];
}

/** The question's own index of the choice shown at `shown`. */
export function choiceAt(state: QuizState, shown: number): number | undefined {
  return state.order[shown];
}

/** Whether picking the shown choice `shown` answers the current question right. */
export function isRight(state: QuizState, lookup: QuizLookup, shown: number): boolean {
  const key = currentKey(state);
  const question = key === undefined ? undefined : lookup(key);
  return question !== undefined && choiceAt(state, shown) === question.answer;
}

export function quizReduce(lookup: QuizLookup, state: QuizState, action: QuizAction): QuizState {
  switch (action.type) {
    case 'answer': {
      const key = currentKey(state);
      const question = key === undefined ? undefined : lookup(key);
      if (key === undefined || !question || state.picked !== undefined) return state;
      if (action.choice < 0 || action.choice >= state.order.length) return state;
      const right = isRight(state, lookup, action.choice);
      return {
        ...state,
        picked: action.choice,
        answered: state.answered + 1,
        correct: state.correct + (right ? 1 : 0),
        missed: right ? state.missed : [...state.missed, key],
      };
    }
    case 'next': {
      if (state.picked === undefined) return state;
      const {picked: _picked, ...rest} = state;
      if (state.position + 1 >= state.round.length) return {...rest, done: true, order: []};
      return show({...rest, position: state.position + 1, showing: state.showing + 1}, lookup);
    }
    case 'restart': {
      const {picked: _picked, ...rest} = state;
      return show({...rest, round: state.all, position: 0, correct: 0, answered: 0, missed: [], done: state.all.length === 0, showing: state.showing + 1}, lookup);
    }
    case 'review-missed': {
      if (!state.done || state.missed.length === 0) return state;
      return show({...state, round: state.missed, position: 0, correct: 0, answered: 0, missed: [], done: false, showing: state.showing + 1}, lookup);
    }
  }
}
