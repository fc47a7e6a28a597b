// The live estimate: monthly cost with its largest lines, what stops the build from running, and the static
// findings with their severity in words (✗ critical, ! warning, · info), most severe first.
import {Box, Text} from 'ink';
import {useTheme} from '../hooks/use-theme.js';
import {costItemNames, formatUsd} from '../state/format.js';
import type {Finding} from '../../engine/index.js';
import {SEVERITY_MARK, topCostLines} from './selectors.js';
import {fit} from './FieldLine.js';
import type {EstimateView} from './use-estimate.js';

const COST_LINES_SHOWN = 3;

/** `findings`: the estimate's findings, most severe first (f shows them in this order). */
export function EstimatePanel({estimate, findings, width, height}: {estimate: EstimateView; findings: readonly Finding[]; width: number; height: number}) {
  const theme = useTheme();
  const problemRows = estimate.problems.length > 0 ? 1 + Math.min(2, estimate.problems.length) : 0;
  // Every cost line when the findings leave room for them (a build with few findings shows where all its money
  // goes); otherwise the largest COST_LINES_SHOWN and one line for the rest.
  const costRoom = height - 2 - problemRows - findings.length;
  const costCount = estimate.cost.filter((line) => line.usd > 0).length;
  const costShown = costCount <= costRoom ? costCount : Math.max(COST_LINES_SHOWN, costRoom - 1);
  const names = costItemNames(estimate.cost);
  const {lines, restUsd, restCount} = topCostLines(estimate.cost.map((line, i) => ({...line, item: names[i] ?? line.item})), costShown);
  const costRows = 1 + lines.length + (restCount > 0 ? 1 : 0);
  const findingRoom = Math.max(0, height - costRows - problemRows - 1);
  const shownFindings = findings.length > findingRoom ? findings.slice(0, Math.max(0, findingRoom - 1)) : findings;
  // One column of padding keeps a full-width field row from running into this panel.
  const inner = width - 1;
  // A space, the item, and the amount right-aligned in 7 columns (at least one space before it).
  const itemColumns = inner - 8;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden" paddingLeft={1}>
      <Text bold wrap="truncate-end">
        {'Monthly estimate '.padEnd(inner - 16)}
        {estimate.monthlyCostUsd === undefined ? 'not priced' : `${formatUsd(estimate.monthlyCostUsd)}/month`}
      </Text>
      {estimate.error === undefined ? null : (
        <Text color={theme.bad} wrap="truncate-end">
          ✗ estimate failed: {estimate.error}
        </Text>
      )}
      {lines.map((line, i) => (
        <Text key={`${line.item}-${i}`} wrap="truncate-end">
          {` ${fit(line.item, itemColumns).padEnd(itemColumns)}${formatUsd(line.usd).padStart(7)}`}
        </Text>
      ))}
      {restCount > 0 ? <Text wrap="truncate-end">{` ${`${restCount} more line${restCount === 1 ? '' : 's'}`.padEnd(itemColumns)}${formatUsd(restUsd).padStart(7)}`}</Text> : null}
      {estimate.problems.length > 0 ? (
        <>
          <Text bold color={theme.bad}>
            ✗ Cannot run yet:
          </Text>
          {estimate.problems.slice(0, 2).map((problem, i) => (
            <Text key={`problem-${i}`} wrap="truncate-end">
              {` ${problem.path.slice(2).join('.') || problem.path.join('.')}: ${problem.message}`}
            </Text>
          ))}
        </>
      ) : null}
      <Text bold>{findings.length === 0 ? '✓ No findings' : `Findings (${findings.length}) · f to read`}</Text>
      {shownFindings.map((finding, i) => (
        <Text key={`${finding.id}-${finding.workload ?? ''}-${i}`} color={theme.severity[finding.severity]} wrap="truncate-end">
          {` ${SEVERITY_MARK[finding.severity]} ${finding.severity.padEnd(8)} ${finding.id}`}
        </Text>
      ))}
      {shownFindings.length < findings.length ? <Text dimColor={theme.dim}>{` … ${findings.length - shownFindings.length} more`}</Text> : null}
    </Box>
  );
}
