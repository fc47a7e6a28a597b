import {useMemo} from 'react';
import {Box, Text} from 'ink';
import {useGame} from '../hooks/use-game.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {useCursor} from '../hooks/use-cursor.js';
import {useProseWidth} from '../hooks/use-body-width.js';
import {wrapText} from '../components/wrap-text.js';
import {Frame, BACK_HINTS} from '../components/Frame.js';
import {List, type ListItem} from '../components/List.js';
import {useKeys} from '../input/key-router.js';
import {campaignFinished, campaignOf, chapterProgress, conceptsOf, levelStatuses, starText, type LevelStatus} from '../state/selectors.js';
import type {ConceptCard} from '../state/services.js';

/** What the highlighted level teaches, so the map doubles as a syllabus: every title whole, wrapped between words. */
export function levelDetailLines(status: LevelStatus, concepts: Record<string, ConceptCard>, width: number): string[] {
  const titles = status.level.concepts.map((id) => concepts[id]?.title ?? id).join(', ');
  return [...wrapText(`Teaches: ${titles}`, width), ...wrapText(`Exam: ${status.level.exam.join(', ')}`, width)];
}

function LevelDetail({lines}: {lines: readonly string[]}) {
  return (
    <Box flexDirection="column" marginTop={1}>
      {lines.map((line, i) => (
        <Text key={i}>{line}</Text>
      ))}
    </Box>
  );
}

export function Campaign() {
  const {state, dispatch} = useGame();
  const rows = useBodyRows();
  const campaign = campaignOf(state);
  const statuses = useMemo(() => (campaign ? levelStatuses(campaign, state.records) : []), [campaign, state.records]);
  const items: ListItem[] = useMemo(() => {
    if (!campaign) return [];
    const byId = new Map(statuses.map((s) => [s.level.id, s]));
    const progress = new Map(chapterProgress(campaign, state.records).map((c) => [c.id, c]));
    // Titles are never cut: the column is as wide as the longest.
    const titleColumns = Math.max(34, ...statuses.map((s) => s.level.title.length));
    return campaign.chapters.flatMap((chapter) => [
      {id: `chapter:${chapter.id}`, label: `${chapter.title} · ${progress.get(chapter.id)?.stars ?? 0} of ${progress.get(chapter.id)?.total ?? 0} ★`, header: true},
      ...chapter.levels.flatMap((id) => {
        const s = byId.get(id);
        if (!s) return [];
        const number = String(s.number).padStart(2, ' ');
        const title = s.level.title.padEnd(titleColumns);
        const tail = s.unlocked ? `${starText(s.stars)}${s.bestPoints > 0 ? `  best ${s.bestPoints}` : ''}` : 'locked';
        return [{id, label: `${number}. ${title} ${tail}`, disabled: !s.unlocked}];
      }),
    ]);
  }, [campaign, statuses, state.records]);
  const finished = campaign !== undefined && campaignFinished(campaign, state.records);
  useKeys((input) => {
    if (input !== 'f' || !finished) return false;
    dispatch({type: 'push', screen: {name: 'finished'}});
    return true;
  });
  const stars = statuses.reduce((sum, s) => sum + s.stars, 0);
  const firstOpen = statuses.findLastIndex((s) => s.unlocked);
  const cursor = useCursor(Math.max(0, items.findIndex((item) => item.id === statuses[firstOpen]?.level.id)));
  const highlighted = statuses.find((s) => s.level.id === items[cursor.initialIndex]?.id);
  const concepts = conceptsOf(state);
  const width = useProseWidth();
  const detail = highlighted ? levelDetailLines(highlighted, concepts, width) : [];
  const onChoose = (item: ListItem) => {
    const status = statuses.find((s) => s.level.id === item.id);
    if (!status) return;
    if (!status.unlocked) {
      const previous = statuses[status.number - 2];
      dispatch({type: 'message', text: `Locked: earn at least one star on "${previous?.level.title ?? 'the level before'}" first.`});
      return;
    }
    dispatch({type: 'push', screen: {name: 'briefing', levelId: status.level.id}});
  };
  return (
    <Frame
      title="Campaign"
      right={`${stars} of ${statuses.length * 3} ★`}
      hints={[['↑↓/jk', 'move'], ['enter', 'open level'], ...(finished ? ([['f', 'summary']] as const) : []), ...BACK_HINTS]}
      message={state.message}
    >
      {/* The list starts on the last open level, which the progress file says: when it arrives, the list starts
          again there (else the cursor would stay on level 1 while the detail below describes another). */}
      <List key={state.progressLoaded === false ? 'loading' : 'loaded'} items={items} rows={Math.max(3, rows - 1 - detail.length)} onChoose={onChoose} {...cursor} />
      {detail.length > 0 ? <LevelDetail lines={detail} /> : null}
    </Frame>
  );
}
