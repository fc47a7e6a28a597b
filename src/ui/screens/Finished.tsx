// The campaign is finished (every level has a star): what the player earned, what their builds saved against
// each level's start, and the concepts they have shown they know. Opened from the last level's results or from
// the campaign map.
import {useMemo} from 'react';
import {Text} from 'ink';
import {useGame} from '../hooks/use-game.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {Frame, BACK_HINTS} from '../components/Frame.js';
import {ScrollText} from '../components/ScrollText.js';
import {wrapText} from '../components/wrap-text.js';
import {formatUsd} from '../state/format.js';
import {campaignOf, chapterProgress, conceptsOf, finishedSummary, starText} from '../state/selectors.js';

const WIDTH = 76;

export function Finished() {
  const {state, services} = useGame();
  const rows = useBodyRows();
  const campaign = campaignOf(state);
  const concepts = conceptsOf(state);
  const lines = useMemo(() => {
    if (!campaign) return [];
    // The start builds' costs come from the one scoring path, on each level's own seed.
    const summary = finishedSummary(campaign, state.records, (level) => services.simulate(level, level.start.tiers, {}).metrics.monthlyCostUsd);
    const chapters = chapterProgress(campaign, state.records);
    const titles = summary.concepts.map((id) => concepts[id]?.title ?? id);
    return [
      `You finished the campaign: ${summary.stars} of ${summary.totalStars} ★ across ${summary.levels.length} levels.`,
      `Your builds cost ${formatUsd(summary.savedUsd)} a month less than the builds you were handed.`,
      '',
      'Chapters:',
      ...chapters.map((c) => `  ${c.title.padEnd(20)} ${String(c.stars).padStart(2)} of ${c.total} ★`),
      '',
      'Level                               stars   start    yours    saved',
      ...summary.levels.map((l) => {
        const yours = l.bestUsd === undefined ? '—' : formatUsd(l.bestUsd);
        return `  ${l.title.padEnd(33).slice(0, 33)} ${starText(l.stars).padEnd(5)} ${formatUsd(l.startUsd).padStart(7)} ${yours.padStart(8)} ${formatUsd(l.savedUsd).padStart(8)}`;
      }),
      '',
      ...wrapText(`Concepts you have shown you know (${titles.length}): ${titles.join(', ')}.`, WIDTH),
      '',
      ...wrapText('Three stars everywhere? Try the practice quiz, or replay a level for a cheaper build: the start costs are what a real team would have paid.', WIDTH),
    ];
  }, [campaign, state.records, concepts, services]);
  return (
    <Frame title="Campaign complete" hints={[['↑↓/jk', 'scroll'], ...BACK_HINTS]}>
      {campaign ? <ScrollText lines={lines} rows={rows} /> : <Text>No campaign loaded.</Text>}
    </Frame>
  );
}
