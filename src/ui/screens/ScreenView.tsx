// The screen on top of the stack, by name.
import type {ReactNode} from 'react';
import {Text} from 'ink';
import type {Game} from '../hooks/use-game.js';
import {buildFor, buildKey, playLevel} from '../state/selectors.js';
import {ChallengeScreen} from './ChallengeScreen.js';
import type {Screen} from '../state/screens.js';
import {Title} from './Title.js';
import {Menu} from './Menu.js';
import {Campaign} from './Campaign.js';
import {Finished} from './Finished.js';
import {Briefing} from './Briefing.js';
import {Results} from './Results.js';
import {Concept} from './Concept.js';
import {Codex} from './Codex.js';
import {Slots} from './Slots.js';
import {Quiz} from './Quiz.js';
import {Practice} from './Practice.js';
import {Readiness} from './Readiness.js';
import {Lessons} from './Lessons.js';
import {Sandbox} from './Sandbox.js';
import {Settings} from './Settings.js';
import {BuilderScreen, RunScreen} from './play-screens.js';

export function ScreenView({screen, game}: {screen: Screen; game: Game}): ReactNode {
  const {state, dispatch, actions} = game;
  switch (screen.name) {
    case 'title':
      return <Title />;
    case 'menu':
      return <Menu />;
    case 'campaign':
      return <Campaign />;
    case 'finished':
      return <Finished />;
    case 'briefing':
      return <Briefing levelId={screen.levelId} panel={screen.panel} mode={screen.mode} />;
    case 'slots':
      return <Slots levelId={screen.levelId} />;
    case 'concept':
      return <Concept conceptId={screen.conceptId} />;
    case 'codex':
      return <Codex />;
    case 'quiz':
      return <Quiz levelId={screen.levelId} filter={screen.filter} title={screen.title} limit={screen.limit} saved={screen.quiz} />;
    case 'practice':
      return <Practice />;
    case 'readiness':
      return <Readiness />;
    case 'lessons':
      return <Lessons levelId={screen.levelId} />;
    case 'sandbox':
      return <Sandbox />;
    case 'settings':
      return <Settings />;
    case 'challenge':
      return <ChallengeScreen join={screen.join === true} />;
    case 'results':
      return <Results levelId={screen.levelId} mode={screen.mode} panel={screen.panel} />;
    case 'builder':
    case 'run': {
      const level = playLevel(state, screen.levelId, screen.mode);
      if (!level) return null;
      if (screen.name === 'builder') {
        // The builder opens on the last build run, which is in the progress file: wait for it (milliseconds).
        if (state.progressLoaded === false) return <Text>Loading your progress…</Text>;
        return (
          <BuilderScreen
            level={level}
            initialTiers={buildFor(state, level, screen.mode)}
            onRun={(tiers) => actions.run(level, tiers, screen.mode)}
            onBack={(tiers) => {
              dispatch({type: 'set-build', levelId: buildKey(level.id, screen.mode), tiers});
              dispatch({type: 'back'});
            }}
            onSave={(tiers, name) => {
              dispatch({type: 'set-build', levelId: buildKey(level.id, screen.mode), tiers});
              return actions.saveSlot(level.id, name, tiers);
            }}
          />
        );
      }
      const result = state.lastRun?.levelId === level.id ? state.lastRun.result : undefined;
      if (!result) return null;
      return <RunScreen level={level} result={result} onDone={() => dispatch({type: 'replace', screen: {name: 'results', levelId: level.id, mode: screen.mode}})} />;
    }
  }
}
