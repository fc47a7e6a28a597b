// The screens of the game as data: the navigation stack holds these; the top one is on screen.
// `panel` remembers a screen's tab, so coming back from a concept card lands where the player was.
import type {QuizFilter} from '../../content/index.js';
import type {QuizState} from './quiz.js';

export type PlayMode = 'campaign' | 'sandbox' | 'challenge';

export type Screen = ScreenOf &
  /** Where the screen's list cursor was, so coming back lands on the same row. */
  {cursor?: number};

type ScreenOf =
  | {name: 'title'}
  | {name: 'menu'}
  | {name: 'campaign'}
  /** The campaign-finished summary: stars, money saved against each level's start, concepts shown. */
  | {name: 'finished'}
  | {name: 'briefing'; levelId: string; panel?: number; mode?: PlayMode}
  | {name: 'slots'; levelId: string}
  | {name: 'builder'; levelId: string; mode: PlayMode}
  | {name: 'run'; levelId: string; mode: PlayMode}
  | {name: 'results'; levelId: string; mode: PlayMode; panel?: number}
  | {name: 'concept'; conceptId: string}
  | {name: 'codex'}
  /** All questions of the open levels, or one level's (`levelId`), or those a filter picks; `limit` asks at most that many. */
  | {name: 'quiz'; levelId?: string; filter?: QuizFilter; title?: string; limit?: number; quiz?: QuizState}
  /** Practice: pick what to be asked (everything open, due for review, an exam, a domain, a concept). */
  | {name: 'practice'}
  | {name: 'readiness'}
  /** The lost objectives of the last run, each with its concept card and a short quiz. */
  | {name: 'lessons'; levelId: string}
  | {name: 'sandbox'}
  | {name: 'settings'}
  /** The Class challenge: open a challenge file, say who is playing, pick a level. */
  | {name: 'challenge'; join?: boolean};

export type ScreenName = ScreenOf['name'];
