// The game's state and the one reducer that changes it (immer, applied here at the boundary only).
import {produce, castDraft} from 'immer';
import type {Result, Tier} from '../../engine/index.js';
import type {ActiveChallenge, Campaign, ConceptCard, Records, ReviewState, Settings} from './services.js';
import type {QuizState} from './quiz.js';
import type {PlayMode, Screen} from './screens.js';
import type {SandboxSpec} from './sandbox.js';

export interface SandboxOptions {
  /** Undefined: the level's own seed. */
  seed?: number;
  /** false: the level's incidents are switched off. */
  incidents: boolean;
  /** The empty sandbox's workload, budget and incidents (default DEFAULT_SANDBOX). */
  spec?: SandboxSpec;
}

export interface LastRun {
  levelId: string;
  mode: PlayMode;
  result: Result;
  /** The run beat the player's previous best stars. */
  newBest: boolean;
}

export interface ChallengeState extends ActiveChallenge {
  player?: string;
  /** Per level: what the last submitted run scored on the public seed. */
  submitted: Record<string, {points: number; stars: number}>;
  /** The submission file last written. */
  submissionPath?: string;
}

export interface AppState {
  stack: Screen[];
  help: boolean;
  /** Loading, loaded, or a problem with the level files. */
  content: {status: 'loading'} | {status: 'ready'; campaign: Campaign; concepts: Record<string, ConceptCard>} | {status: 'error'; error: string};
  records: Records;
  settings: Settings;
  /** Shown on the title and menu until dismissed: e.g. the corrupt progress file was moved aside. */
  notice?: string;
  /** A problem the player must see whatever screen is up (a failed run or save): shown over it until a key. */
  alert?: string;
  /** One line under the current screen (saved, exported, an error). Cleared on navigation. */
  message?: string;
  /** The current build per level: retry and re-entering the builder keep it. */
  builds: Record<string, Tier[]>;
  /** False until the progress file has been read (the builder waits for it: it opens on the last build run). */
  progressLoaded?: boolean;
  lastRun?: LastRun;
  sandbox: SandboxOptions;
  /** Spaced review: the cards and their due dates (from the progress file). */
  review: ReviewState;
  /** The classroom challenge being played, if any. */
  challenge?: ChallengeState;
}

export type Action =
  | {type: 'content-loaded'; campaign: Campaign; concepts: ConceptCard[]}
  | {type: 'content-failed'; error: string}
  | {type: 'progress-loaded'; records: Records; notice?: string; settings?: Settings; builds?: Record<string, Tier[]>; review?: ReviewState}
  | {type: 'review'; review: ReviewState}
  /** The top quiz screen's session, kept on the screen so a concept card opened from it does not end it. */
  | {type: 'quiz'; quiz: QuizState}
  | {type: 'settings'; settings: Settings}
  | {type: 'records'; records: Records}
  | {type: 'push'; screen: Screen}
  | {type: 'replace'; screen: Screen}
  /** Pops `count` screens (default 1); never pops the last one. */
  | {type: 'back'; count?: number}
  /** The top screen's list cursor. */
  | {type: 'cursor'; cursor: number}
  /** The top screen's current tab. */
  | {type: 'panel'; panel: number}
  | {type: 'help'; open: boolean}
  | {type: 'message'; text?: string}
  | {type: 'alert'; text?: string}
  | {type: 'dismiss-notice'}
  | {type: 'set-build'; levelId: string; tiers: Tier[]}
  | {type: 'run-finished'; levelId: string; mode: PlayMode; result: Result; records?: Records}
  | {type: 'sandbox'; options: Partial<SandboxOptions>}
  | {type: 'challenge-loaded'; challenge: ActiveChallenge; player?: string}
  | {type: 'challenge-player'; player: string}
  | {type: 'challenge-submitted'; levelId: string; points: number; stars: number; path: string};

export const initialState: AppState = {
  stack: [{name: 'title'}],
  help: false,
  content: {status: 'loading'},
  records: {},
  settings: {},
  builds: {},
  progressLoaded: false,
  sandbox: {incidents: true},
  review: {cards: {}, shown: 0},
};

export const reduce = produce((draft: AppState, action: Action): void => {
  switch (action.type) {
    case 'content-loaded':
      draft.content = castDraft({
        status: 'ready',
        campaign: action.campaign,
        concepts: Object.fromEntries(action.concepts.map((card) => [card.id, card])),
      });
      return;
    case 'content-failed':
      draft.content = {status: 'error', error: action.error};
      return;
    case 'progress-loaded':
      draft.records = action.records;
      if (action.notice !== undefined) draft.notice = action.notice;
      if (action.settings !== undefined) draft.settings = action.settings;
      // The builder opens on the last build run on each level (a build already made this session wins).
      for (const [levelId, tiers] of Object.entries(action.builds ?? {})) draft.builds[levelId] ??= castDraft(tiers);
      draft.progressLoaded = true;
      if (action.review !== undefined) draft.review = action.review;
      return;
    case 'review':
      draft.review = action.review;
      return;
    case 'quiz': {
      const top = draft.stack[draft.stack.length - 1];
      if (top?.name === 'quiz') top.quiz = castDraft(action.quiz);
      return;
    }
    case 'settings':
      draft.settings = action.settings;
      return;
    case 'records':
      draft.records = action.records;
      return;
    case 'push':
      draft.stack.push(action.screen);
      draft.help = false;
      draft.message = undefined;
      return;
    case 'replace':
      draft.stack[draft.stack.length - 1] = action.screen;
      draft.help = false;
      draft.message = undefined;
      return;
    case 'back': {
      const count = Math.min(action.count ?? 1, draft.stack.length - 1);
      draft.stack.splice(draft.stack.length - count, count);
      draft.help = false;
      draft.message = undefined;
      return;
    }
    case 'cursor': {
      const top = draft.stack[draft.stack.length - 1];
      if (top) top.cursor = action.cursor;
      return;
    }
    case 'panel': {
      const top = draft.stack[draft.stack.length - 1];
      if (top && (top.name === 'results' || top.name === 'briefing')) top.panel = action.panel;
      return;
    }
    case 'help':
      draft.help = action.open;
      return;
    case 'message':
      draft.message = action.text;
      return;
    case 'alert':
      draft.alert = action.text;
      return;
    case 'dismiss-notice':
      draft.notice = undefined;
      return;
    case 'set-build':
      draft.builds[action.levelId] = castDraft(action.tiers);
      return;
    case 'run-finished': {
      const before = draft.records[action.levelId]?.stars ?? 0;
      if (action.records) draft.records = action.records;
      draft.lastRun = castDraft({
        levelId: action.levelId,
        mode: action.mode,
        result: action.result,
        newBest: action.mode === 'campaign' && action.result.stars > before,
      });
      draft.stack.push({name: 'run', levelId: action.levelId, mode: action.mode});
      draft.help = false;
      draft.message = undefined;
      return;
    }
    case 'sandbox':
      Object.assign(draft.sandbox, action.options);
      return;
    case 'challenge-loaded':
      draft.challenge = castDraft({...action.challenge, submitted: {}, ...(action.player === undefined ? {} : {player: action.player})});
      return;
    case 'challenge-player':
      if (draft.challenge) {
        draft.challenge.player = action.player;
        draft.challenge.submitted = {};
        draft.challenge.submissionPath = undefined;
      }
      return;
    case 'challenge-submitted':
      if (draft.challenge) {
        draft.challenge.submitted[action.levelId] = {points: action.points, stars: action.stars};
        draft.challenge.submissionPath = action.path;
      }
      return;
  }
});
