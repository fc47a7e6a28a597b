import {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {useKeys} from '../input/key-router.js';
import {useGame} from '../hooks/use-game.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {useCursor} from '../hooks/use-cursor.js';
import {useTheme} from '../hooks/use-theme.js';
import {Frame, BACK_HINTS} from '../components/Frame.js';
import {List, type ListItem} from '../components/List.js';
import {ScrollText} from '../components/ScrollText.js';
import {Tabs, nextTab} from '../components/Tabs.js';
import {TextInput, TYPING_HINTS} from '../components/TextInput.js';
import {wrapText} from '../components/wrap-text.js';
import {buildFor, campaignFinished, campaignOf, isUnlocked, nextLevelId, playLevel, starText} from '../state/selectors.js';
import {failsOutright} from '../../engine/index.js';
import type {PlayMode} from '../state/screens.js';
import {costLines, findingTag, scoreLines, sortedFindings, storyLines} from './results-lines.js';

const PANELS = ['Score', 'Cost', 'Findings', 'Debrief'] as const;
const WIDTH = 78;

/** What happened to the player's build, then the level's lesson once the player has passed it (it gives the answer away). */
function debriefLines(story: string[], debrief: string, passed: boolean): string[] {
  const lesson = passed ? ['The lesson:', ...wrapText(debrief, WIDTH)] : ['The debrief explains the solution: it opens once this level is passed.', '', 'Stuck? In the builder, h reveals the hints one at a time.'];
  return [...wrapLines(story), '', ...lesson];
}

/** Objectives short of gold each link to a lesson (their concept card and a short quiz): l opens the list. */
function lessonsLine(result: {objectives: readonly {atGold: boolean}[]}): string[] {
  const lost = result.objectives.filter((o) => !o.atGold).length;
  return lost === 0 ? [] : [`l: lessons for the ${lost} objective${lost === 1 ? '' : 's'} short of gold (concept card + short quiz)`, ''];
}

function wrapLines(lines: string[]): string[] {
  return lines.flatMap((line) => (line === '' ? [''] : wrapText(line, WIDTH)));
}

export function Results({levelId, mode, panel = 0}: {levelId: string; mode: PlayMode; panel?: number}) {
  const {state, dispatch, actions} = useGame();
  const theme = useTheme();
  const rows = useBodyRows();
  const [saving, setSaving] = useState(false);
  const setPanel = (next: number) => dispatch({type: 'panel', panel: next});
  const cursor = useCursor();
  const highlighted = cursor.initialIndex;
  const campaign = campaignOf(state);
  const level = playLevel(state, levelId, mode);
  const result = state.lastRun?.levelId === levelId ? state.lastRun.result : undefined;
  const findings = useMemo(() => (result ? sortedFindings(result) : []), [result]);
  const findingItems: ListItem[] = useMemo(
    () => (result ? findings.map((f, i) => ({id: `${i}`, label: `${findingTag(result, f).padEnd(11)} ${f.id}`})) : []),
    [findings, result],
  );
  const next = campaign ? nextLevelId(campaign, levelId) : undefined;
  const nextOpen = next !== undefined && campaign !== undefined && isUnlocked(campaign, state.records, next);
  const live = mode === 'challenge' && state.challenge?.joinUrl !== undefined;

  useKeys((input, key) => {
    if (saving || !level) return false;
    if (key.tab) setPanel(nextTab(panel, PANELS.length, key.shift));
    else if (input === 'r') dispatch({type: 'back'});
    else if (input === 's') setSaving(true);
    else if (input === 'u' && live && result) actions.sendRun(level, buildFor(state, level, mode), result);
    else if (input === 'z') dispatch({type: 'push', screen: {name: 'quiz', levelId}});
    else if (input === 'l') dispatch({type: 'push', screen: {name: 'lessons', levelId}});
    else if (input === 'n' && mode === 'campaign') {
      if (next === undefined && campaign !== undefined && campaignFinished(campaign, state.records)) dispatch({type: 'push', screen: {name: 'finished'}});
      else if (!nextOpen || next === undefined) dispatch({type: 'message', text: next === undefined ? 'That was the last level.' : 'The next level opens when this one has a star.'});
      else {
        dispatch({type: 'back', count: 3});
        dispatch({type: 'push', screen: {name: 'briefing', levelId: next}});
      }
    } else if (input === 'q' || key.escape) dispatch({type: 'back', count: 2});
    else return false;
    return true;
  }, !saving);

  if (!level || !result) {
    return (
      <Frame title="Results" hints={BACK_HINTS}>
        <Text>No result to show.</Text>
      </Frame>
    );
  }
  const verdict = result.passed ? 'PASSED' : 'FAILED';
  const header = (
    <Text>
      <Text bold color={result.passed ? theme.good : theme.bad}>
        {result.passed ? '✓' : '✗'} {verdict}
      </Text>
      <Text aria-label={` ${result.stars} of 3 stars, `}>  {starText(result.stars)}  </Text>
      <Text bold>{result.points}</Text>
      <Text> / 1000 points</Text>
      {state.lastRun?.newBest ? <Text bold> — new best!</Text> : null}
      {!result.passed && result.hardFailures.length > 0 ? <Text bold> — fails outright (see Score)</Text> : null}
    </Text>
  );
  const panelRows = rows - (mode === 'challenge' ? 4 : 3);
  const tiers = buildFor(state, level, mode);
  const selected = findings[highlighted];
  return (
    <Frame
      title={`${level.title} — results`}
      right={mode === 'sandbox' ? `free play · seed ${result.seed} · incidents ${state.sandbox.incidents ? 'on' : 'off'} · not recorded` : mode === 'challenge' ? `challenge · public seed ${result.seed}` : undefined}
      hints={saving ? TYPING_HINTS : [['tab', 'panel'], ['r', 'retry'], ...(mode === 'campaign' ? ([['n', 'next level']] as const) : []), ...(live ? ([['u', 'send to host']] as const) : []), ['s', 'save'], ['z', 'quiz'], ['?', 'help'], ['q', 'back']]}
      message={state.message}
    >
      {header}
      {live ? <Text>{state.challenge?.submitted[levelId] ? 'Sent to the host' : 'Not sent: u sends this run to the host'} (it re-scores it on private seeds)</Text> : null}
      {mode === 'challenge' && !live && state.challenge?.submissionPath !== undefined ? <Text>Submitted: {state.challenge.submissionPath} (the leaderboard re-scores it on private seeds)</Text> : null}
      <Tabs names={PANELS} current={panel} />
      <Box flexDirection="column" marginTop={1}>
        {panel === 0 ? <ScrollText key="score" lines={wrapLines([...lessonsLine(result), ...scoreLines(result)])} rows={panelRows} active={!saving} /> : null}
        {panel === 1 ? <ScrollText key="cost" lines={wrapLines(costLines(result))} rows={panelRows} active={!saving} /> : null}
        {panel === 3 ? <ScrollText key="debrief" lines={debriefLines(storyLines(result, tiers), level.debrief, result.passed || (state.records[levelId]?.stars ?? 0) > 0)} rows={panelRows} active={!saving} /> : null}
        {panel === 2 && findings.length === 0 ? <Text>No findings: nothing to fix.</Text> : null}
        {panel === 2 && findings.length > 0 ? (
          <>
            <List
              items={findingItems}
              rows={Math.min(findingItems.length, Math.max(3, panelRows - 5))}
              active={!saving}
              {...cursor}
              onChoose={(_item, index) => {
                const finding = findings[index];
                if (finding) dispatch({type: 'push', screen: {name: 'concept', conceptId: finding.concept}});
              }}
            />
            {selected ? (
              <Box flexDirection="column" marginTop={1}>
                {failsOutright(result, selected) ? (
                  <Text bold color={theme.bad}>
                    ✗ This finding fails the level outright, whatever the score.
                  </Text>
                ) : null}
                {wrapText(selected.message, WIDTH).slice(0, 4).map((line, i) => (
                  <Text key={i}>{line}</Text>
                ))}
                <Text dimColor={theme.dim}>enter: the concept card "{selected.concept}"</Text>
              </Box>
            ) : null}
          </>
        ) : null}
      </Box>
      {saving ? (
        <TextInput
          label="Save this build as"
          initial="my-build"
          onCancel={() => setSaving(false)}
          onSubmit={(name) => {
            setSaving(false);
            if (name !== '') void actions.saveSlot(levelId, name, buildFor(state, level, mode));
          }}
        />
      ) : null}
    </Frame>
  );
}
