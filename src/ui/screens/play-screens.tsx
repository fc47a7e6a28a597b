// The builder and the run screens, by the names the game uses. Until src/ui/builder and src/ui/run land,
// these minimal stand-ins keep the loop playable: enter runs the current build, enter skips the run.
import {Text} from 'ink';
import type {Level, Result, Tier} from '../../engine/types.js';
import {useKeys} from '../input/key-router.js';
import {Frame} from '../components/Frame.js';

export function BuilderScreen(props: {level: Level; initialTiers: Tier[]; onRun(tiers: Tier[]): void; onBack(): void; onSave?(tiers: Tier[]): void}) {
  useKeys((input, key) => {
    if (key.return) props.onRun(props.initialTiers);
    else if (input === 'q' || key.escape) props.onBack();
    else return false;
    return true;
  });
  return (
    <Frame title={`${props.level.title} — builder`} hints={[['enter', 'run'], ['q', 'back']]}>
      {props.initialTiers.map((tier) => (
        <Text key={tier.workload}>
          {tier.workload}: {tier.compute}
        </Text>
      ))}
    </Frame>
  );
}

export function RunScreen(props: {level: Level; result: Result; onDone(): void}) {
  useKeys((input, key) => {
    if (key.return || input === 's') {
      props.onDone();
      return true;
    }
    return false;
  });
  return (
    <Frame title={`${props.level.title} — run`} hints={[['enter/s', 'skip']]}>
      <Text>The week is running…</Text>
    </Frame>
  );
}
