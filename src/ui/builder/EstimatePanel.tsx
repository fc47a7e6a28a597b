// The live estimate: monthly cost with its largest lines, what stops the build from running, and the static
// findings with their severity in words (✗ critical, ! warning, · info), most severe first. A cost item too long
// for its column wraps between words onto a second row (never cut); on a wide panel each finding's message is
// shown under it.
import {Box, Text} from 'ink';
import {useTheme} from '../hooks/use-theme.js';
import {wrapText} from '../components/wrap-text.js';
import {costItemNames, formatUsd} from '../state/format.js';
import type {CostLine, Finding} from '../../engine/index.js';
import {SEVERITY_MARK, topCostLines} from './selectors.js';
import {fit} from './FieldLine.js';
import type {EstimateView} from './use-estimate.js';

const COST_LINES_SHOWN = 3;
/** From this width on, each finding's message is shown under its id (as far as the rows allow). */
export const WIDE_ESTIMATE_COLUMNS = 50;

/** "Findings (3) · f to read", "Findings (1, +2 the level's) · f", or "✓ No findings". */
function findingsHeading(own: number, given: number): string {
  if (own + given === 0) return '✓ No findings';
  if (given === 0) return `Findings (${own}) · f to read`;
  return own === 0 ? `✓ None yours (${given} the level's) · f` : `Findings (${own}, +${given} the level's) · f`;
}

/** How many of the cost lines (largest first) fit in `rows` when each takes as many rows as its name wraps to. */
function linesFitting(rowsOf: readonly number[], rows: number): number {
  let used = 0;
  let count = 0;
  for (const r of rowsOf) {
    if (used + r > rows) break;
    used += r;
    count++;
  }
  return Math.max(count, Math.min(1, rowsOf.length));
}

/**
 * `findings`: the estimate's findings in the order f shows them: the player's own, most severe first, then the last
 * `given` ones, which the level's locks leave (marked "level", not the player's problem).
 */
export function EstimatePanel({
  estimate,
  findings,
  given = 0,
  forbidden = [],
  width,
  height,
}: {
  estimate: EstimateView;
  findings: readonly Finding[];
  given?: number;
  /** Finding ids the level forbids: they fail it outright whatever their severity, and say so. */
  forbidden?: readonly string[];
  width: number;
  height: number;
}) {
  const theme = useTheme();
  const wide = width >= WIDE_ESTIMATE_COLUMNS;
  const problemRows = estimate.problems.length > 0 ? 1 + Math.min(2, estimate.problems.length) : 0;
  // One column of padding keeps a full-width field row from running into this panel.
  const inner = width - 1;
  // A space, the item, and the amount right-aligned in 7 columns (at least one space before it).
  const itemColumns = inner - 8;
  const names = costItemNames(estimate.cost);
  const named: CostLine[] = estimate.cost.map((line, i) => ({...line, item: names[i] ?? line.item}));
  const sorted = topCostLines(named, named.length).lines;
  const wrapped = sorted.map((line) => wrapText(line.item, itemColumns));
  const rowsOf = wrapped.map((lines) => lines.length);
  // Every cost line when the findings leave room for them (a build with few findings shows where all its money
  // goes); otherwise the largest ones that fit (at least COST_LINES_SHOWN rows) and one line for the rest.
  const errorRows = estimate.error === undefined ? 0 : 1;
  const costRoom = height - 2 - errorRows - problemRows - findings.length;
  const allRows = rowsOf.reduce((sum, r) => sum + r, 0);
  // A short panel (screen-reader mode stacks it under the fields) still keeps a row for the rest and the findings' heading.
  const costCap = Math.max(1, height - 3 - errorRows - problemRows);
  const costShown = allRows <= costRoom ? sorted.length : linesFitting(rowsOf, Math.min(costCap, Math.max(COST_LINES_SHOWN, costRoom - 1)));
  const {lines, restUsd, restCount} = topCostLines(named, costShown);
  const costRows = 1 + rowsOf.slice(0, costShown).reduce((sum, r) => sum + r, 0) + (restCount > 0 ? 1 : 0);
  const findingRoom = Math.max(0, height - costRows - errorRows - problemRows - 1);
  const shownFindings = findings.length > findingRoom ? findings.slice(0, Math.max(0, findingRoom - 1)) : findings;
  // Rows left under the findings' ids: spent on their messages, in order, on a wide panel.
  let messageRoom = wide ? Math.max(0, findingRoom - shownFindings.length - (shownFindings.length < findings.length ? 1 : 0)) : 0;
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
        <Box key={`${line.item}-${i}`} flexDirection="column">
          {(wrapped[i] ?? [line.item]).map((part, row) => (
            <Text key={row} wrap="truncate-end">
              {row === 0 ? ` ${part.padEnd(itemColumns)}${formatUsd(line.usd).padStart(7)}` : `   ${part}`}
            </Text>
          ))}
        </Box>
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
      <Text bold wrap="truncate-end">{findingsHeading(findings.length - given, given)}</Text>
      {shownFindings.map((finding, i) => {
        const message = messageRoom > 0 ? wrapText(finding.message, inner - 3) : [];
        const shown = message.length <= messageRoom ? message : [];
        messageRoom -= shown.length;
        const isGiven = i >= findings.length - given;
        // A wide panel names the tier a finding is about (a build of several tiers has the same finding on each).
        const name = wide && finding.workload !== undefined ? `${finding.id} [${finding.workload}]` : finding.id;
        const fails = !isGiven && finding.severity !== 'critical' && forbidden.includes(finding.id);
        return (
          <Box key={`${finding.id}-${finding.workload ?? ''}-${i}`} flexDirection="column">
            <Text color={isGiven ? undefined : fails ? theme.severity.critical : theme.severity[finding.severity]} dimColor={isGiven && theme.dim} wrap="truncate-end">
              {isGiven
                ? ` – level    ${fit(name, inner - 12)}`
                : fails
                  ? ` ✗ fails    ${fit(name, inner - 12)}`
                  : ` ${SEVERITY_MARK[finding.severity]} ${finding.severity.padEnd(8)} ${fit(name, inner - 12)}`}
            </Text>
            {shown.map((line, row) => (
              <Text key={row} wrap="truncate-end">{`   ${line}`}</Text>
            ))}
          </Box>
        );
      })}
      {shownFindings.length < findings.length && findingRoom > 0 ? <Text dimColor={theme.dim}>{` … ${findings.length - shownFindings.length} more`}</Text> : null}
    </Box>
  );
}
