// Readiness by exam and domain: the published domain weights, the campaign's questions per domain, how many
// the learner has answered and how many their latest answer got right. A table that scrolls.
import {useMemo} from 'react';
import {Text} from 'ink';
import {readiness, readinessLines} from '../../content/index.js';
import {useGame} from '../hooks/use-game.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {Frame, BACK_HINTS} from '../components/Frame.js';
import {ScrollText} from '../components/ScrollText.js';
import {wrapText} from '../components/wrap-text.js';
import {campaignOf} from '../state/selectors.js';
import {campaignBank, dueCount, dueToday} from '../state/tutor.js';

export function Readiness() {
  const {state, services} = useGame();
  const rows = useBodyRows();
  const campaign = campaignOf(state);
  const exams = useMemo(() => (campaign ? readiness(campaignBank(campaign), state.review.cards) : []), [campaign, state.review]);
  const due = campaign ? dueCount(dueToday(campaign, state.records, state.review, services.now())) : 0;
  const lines = [
    ...readinessLines(exams),
    '',
    `Reviews due today: ${due}.`,
    ...wrapText(
      "asked: the campaign's questions in the domain; answered: at least once; right: the latest answer was right; ready: right ÷ asked. An exam's readiness weighs its domains by the published exam guide (checked 2026-12-02); a domain without questions counts 0.",
      76,
    ),
  ];
  return (
    <Frame title="Readiness — by exam and domain" hints={[['↑↓/jk', 'scroll'], ...BACK_HINTS]}>
      {campaign ? <ScrollText lines={lines} rows={rows} /> : <Text>Loading the levels…</Text>}
    </Frame>
  );
}
