// The screens of the game as data: the navigation stack holds these; the top one is on screen.
export type PlayMode = 'campaign' | 'sandbox';

export type Screen =
  | {name: 'title'}
  | {name: 'menu'}
  | {name: 'campaign'}
  | {name: 'briefing'; levelId: string}
  | {name: 'slots'; levelId: string}
  | {name: 'builder'; levelId: string; mode: PlayMode}
  | {name: 'run'; levelId: string; mode: PlayMode}
  | {name: 'results'; levelId: string; mode: PlayMode}
  | {name: 'concept'; conceptId: string}
  | {name: 'codex'}
  | {name: 'quiz'}
  | {name: 'sandbox'}
  | {name: 'settings'};

export type ScreenName = Screen['name'];
