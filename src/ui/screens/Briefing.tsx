import {useMemo} from 'react';
import {Box, Text} from 'ink';
import {useKeys} from '../input/key-router.js';
import {useGame} from '../hooks/use-game.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {useProseWidth} from '../hooks/use-body-width.js';
import {Frame, BACK_HINTS} from '../components/Frame.js';
import {ScrollText} from '../components/ScrollText.js';
import {Tabs, nextTab} from '../components/Tabs.js';
import {wrapText} from '../components/wrap-text.js';
import {conceptsOf, playLevel} from '../state/selectors.js';
import type {PlayMode} from '../state/screens.js';
import {METRIC_LABEL, objectiveGoal} from '../state/format.js';
import type {Level} from '../../engine/index.js';
import type {ConceptCard} from '../state/services.js';

const PANELS = ['Story', 'Objectives', 'Concepts'] as const;
export function panelLines(level: Level, panel: number, concepts: Record<string, ConceptCard>, width: number): string[] {
  if (panel === 0) return wrapText(level.briefing, width);
  if (panel === 1) {
    return [
      ...wrapText('To pass, every objective must reach its pass line; gold on all of them is ★★★.', width),
      '',
      ...level.objectives.flatMap((o) => wrapText(`• ${METRIC_LABEL[o.metric]} (weight ${o.weight}): ${objectiveGoal(o)}`, width)),
      ...requirementLines(level, width),
      '',
      ...wrapText(`Workloads: ${level.workloads.map((w) => `${w.id} (${w.kind})`).join(', ')}`, width),
      ...wrapText(`Incidents this week: ${level.incidents.length === 0 ? 'none announced' : level.incidents.map((i) => `${i.kind} at ${i.at}`).join(', ')}`, width),
    ];
  }
  return level.concepts.flatMap((id) => {
    const card = concepts[id];
    return wrapText(card ? `• ${card.title} — ${card.summary}` : `• ${id}`, width);
  });
}

/** What fails the level outright, whatever the points. */
function requirementLines(level: Level, width: number): string[] {
  const lines = [
    ...(level.data.customerData ? ['The app handles customer data: a critical security finding fails the level.'] : []),
    ...(level.requirements.license !== 'none' ? [`Licence: ${level.requirements.license} must be met.`] : []),
    ...(level.requirements.forbidFindings.length > 0 ? [`Not allowed: ${level.requirements.forbidFindings.join(', ')}.`] : []),
  ];
  return lines.length === 0 ? [] : ['', 'Fails outright:', ...lines.flatMap((line) => wrapText(`• ${line}`, width))];
}

export function Briefing({levelId, panel = 0, mode = 'campaign'}: {levelId: string; panel?: number; mode?: PlayMode}) {
  const {state, dispatch} = useGame();
  const rows = useBodyRows();
  const setPanel = (next: number) => dispatch({type: 'panel', panel: next});
  const level = playLevel(state, levelId, mode);
  const concepts = conceptsOf(state);
  const width = useProseWidth();
  const lines = useMemo(() => (level ? panelLines(level, panel, concepts, width) : []), [level, panel, concepts, width]);
  useKeys((input, key) => {
    if (!level) return false;
    if (key.return) dispatch({type: 'push', screen: {name: 'builder', levelId, mode}});
    else if (input === 'l') dispatch({type: 'push', screen: {name: 'slots', levelId}});
    else if (key.tab) setPanel(nextTab(panel, PANELS.length, key.shift));
    else if (key.rightArrow) setPanel(nextTab(panel, PANELS.length, false));
    else if (key.leftArrow) setPanel(nextTab(panel, PANELS.length, true));
    else return false;
    return true;
  });
  if (!level) {
    return (
      <Frame title="Briefing" hints={BACK_HINTS}>
        <Text>No level "{levelId}".</Text>
      </Frame>
    );
  }
  return (
    <Frame
      title={`${level.title} — briefing`}
      right={mode === 'challenge' && state.challenge ? `challenge · public seed ${state.challenge.publicSeed}` : `chapter: ${level.chapter}`}
      hints={[['enter', 'build'], ['l', 'load saved'], ['tab', 'panel'], ['↑↓', 'scroll'], ...BACK_HINTS]}
      message={state.message}
    >
      <Tabs names={PANELS} current={panel} />
      <Box marginTop={1}>
        <ScrollText key={panel} lines={lines} rows={rows - 2} />
      </Box>
    </Frame>
  );
}
