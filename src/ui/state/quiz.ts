// The practice quiz as a pure reducer: answer, then next; the score counts first answers only.
// A round is a list of question indices; after it, the missed ones can be asked again (review of weak spots).

export interface QuizState {
  /** Indices into the question list, in the order of this round. */
  round: number[];
  /** Position in `round`. */
  position: number;
  /** The choice picked for the current question, once answered. */
  picked?: number;
  correct: number;
  answered: number;
  /** Questions of this round answered wrongly. */
  missed: number[];
  done: boolean;
}

/** What the reducer needs of a question. */
export interface QuizQuestionLike {
  choices: readonly string[];
  answer: number;
}

export type QuizAction = {type: 'answer'; choice: number} | {type: 'next'} | {type: 'restart'} | {type: 'review-missed'};

export function quizStart(count: number): QuizState {
  return {round: Array.from({length: count}, (_, i) => i), position: 0, correct: 0, answered: 0, missed: [], done: false};
}

/** The question on screen (index into the list), if any. */
export function currentQuestion(state: QuizState): number | undefined {
  return state.done ? undefined : state.round[state.position];
}

export function quizReduce(items: readonly QuizQuestionLike[], state: QuizState, action: QuizAction): QuizState {
  switch (action.type) {
    case 'answer': {
      const index = currentQuestion(state);
      const item = index === undefined ? undefined : items[index];
      if (index === undefined || !item || state.picked !== undefined) return state;
      if (action.choice < 0 || action.choice >= item.choices.length) return state;
      const right = action.choice === item.answer;
      return {
        ...state,
        picked: action.choice,
        answered: state.answered + 1,
        correct: state.correct + (right ? 1 : 0),
        missed: right ? state.missed : [...state.missed, index],
      };
    }
    case 'next':
      if (state.picked === undefined) return state;
      return state.position + 1 >= state.round.length ? {...state, picked: undefined, done: true} : {...state, position: state.position + 1, picked: undefined};
    case 'restart':
      return quizStart(items.length);
    case 'review-missed':
      if (!state.done || state.missed.length === 0) return state;
      return {round: state.missed, position: 0, correct: 0, answered: 0, missed: [], done: false};
  }
}
