// The fields of the current tier, scrolled to keep the selected one in view.
import {Box, Text} from 'ink';
import {useTheme} from '../hooks/use-theme.js';
import {FieldLine} from './FieldLine.js';
import {scrollWindow} from './scroll-window.js';
import type {FieldRow} from './selectors.js';

export function TierPanel({rows, width, height}: {rows: FieldRow[]; width: number; height: number}) {
  const theme = useTheme();
  const selected = Math.max(0, rows.findIndex((r) => r.selected));
  const view = scrollWindow(rows.length, selected, height);
  return (
    <Box flexDirection="column">
      {rows.slice(view.start, view.end).map((row) => (
        <FieldLine key={row.id} row={row} width={width} />
      ))}
      {view.above + view.below > 0 ? (
        <Text dimColor={theme.dim}>{`  ${view.above > 0 ? `↑ ${view.above} more ` : ''}${view.below > 0 ? `↓ ${view.below} more` : ''}`}</Text>
      ) : null}
    </Box>
  );
}
