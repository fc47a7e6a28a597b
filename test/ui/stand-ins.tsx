// Stand-ins for the builder and run screens, so the game's own flow can be tested apart from them:
// "a" adds AZ b to the first tier, enter runs; the run screen finishes on enter.
import {useState} from 'react';
import {Text} from 'ink';
import type {Ec2Tier, Level, Result, Tier} from '../../src/engine/index.js';
import {useKeys} from '../../src/ui/input/key-router.js';

export function BuilderScreen(props: {level: Level; initialTiers: Tier[]; onRun(tiers: Tier[]): void; onBack(): void}) {
  const [tiers, setTiers] = useState(props.initialTiers);
  useKeys((input, key) => {
    if (input === 'a') setTiers(tiers.map((t) => (t.compute === 'ec2' ? ({...t, azs: ['a', 'b']} as Ec2Tier) : t)));
    else if (key.return) props.onRun(tiers);
    else if (input === 'q') props.onBack();
    else return false;
    return true;
  });
  const azs = tiers[0]?.compute === 'ec2' ? (tiers[0] as Ec2Tier).azs.join(',') : '-';
  return (
    <Text>
      BUILDER {props.level.id} azs={azs} compute={props.level.allow.compute.join(',')} features={props.level.allow.features.length}
    </Text>
  );
}

export function RunScreen(props: {level: Level; result: Result; onDone(): void}) {
  useKeys((_input, key) => {
    if (key.return) props.onDone();
    return key.return;
  });
  return <Text>RUNNING {props.level.id}</Text>;
}
