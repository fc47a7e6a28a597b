// The screens of the game as data: the navigation stack holds these; the top one is on screen.
// `panel` remembers a screen's tab, so coming back from a concept card lands where the player was.
export type PlayMode = 'campaign' | 'sandbox';

export type Screen = ScreenOf &
  /** Where the screen's list cursor was, so coming back lands on the same row. */
  {cursor?: number};

type ScreenOf =
  | {name: 'title'}
  | {name: 'menu'}
  | {name: 'campaign'}
  /** The campaign-finished summary: stars, money saved against each level's start, concepts shown. */
  | {name: 'finished'}
  | {name: 'briefing'; levelId: string; panel?: number}
  | {name: 'slots'; levelId: string}
  | {name: 'builder'; levelId: string; mode: PlayMode}
  | {name: 'run'; levelId: string; mode: PlayMode}
  | {name: 'results'; levelId: string; mode: PlayMode; panel?: number}
  | {name: 'concept'; conceptId: string}
  | {name: 'codex'}
  /** All questions of the open levels, or one level's. */
  | {name: 'quiz'; levelId?: string}
  | {name: 'sandbox'}
  | {name: 'settings'};

export type ScreenName = ScreenOf['name'];
