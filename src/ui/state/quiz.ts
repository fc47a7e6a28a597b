// The practice quiz as a pure reducer: answer, then next; the score counts first answers only.
import type {QuizItem} from './selectors.js';

export interface QuizState {
  index: number;
  /** The choice picked for the current question, once answered. */
  picked?: number;
  correct: number;
  answered: number;
  done: boolean;
}

export type QuizAction = {type: 'answer'; choice: number} | {type: 'next'} | {type: 'restart'};

export const quizStart: QuizState = {index: 0, correct: 0, answered: 0, done: false};

export function quizReduce(items: readonly QuizItem[], state: QuizState, action: QuizAction): QuizState {
  switch (action.type) {
    case 'answer': {
      const item = items[state.index];
      if (!item || state.picked !== undefined || state.done) return state;
      if (action.choice < 0 || action.choice >= item.choices.length) return state;
      return {...state, picked: action.choice, answered: state.answered + 1, correct: state.correct + (action.choice === item.answer ? 1 : 0)};
    }
    case 'next':
      if (state.picked === undefined) return state;
      return state.index + 1 >= items.length ? {...state, done: true} : {...state, index: state.index + 1, picked: undefined};
    case 'restart':
      return quizStart;
  }
}
