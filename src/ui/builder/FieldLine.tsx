// One field of a tier panel: label, value, and its state in words and symbols (never colour alone):
// "›" marks the selected field, ‹ › the value the arrows change, "locked" a field the level fixes,
// ✓/· the options of a multi-select, [ ] the option space toggles. A value too long for the panel is cut
// with "…" so the row stays one line and "locked" stays visible.
import {Box, Text} from 'ink';
import {useTheme} from '../hooks/use-theme.js';
import type {FieldRow} from './selectors.js';

export const LABEL_COLUMNS = 15;
/** "› " before the label and the label column. */
const HEAD_COLUMNS = 2 + LABEL_COLUMNS;
const LOCKED_TEXT = ' locked';

/** `text` cut to `columns` characters, ending in "…" when cut. */
export function fit(text: string, columns: number): string {
  const chars = [...text];
  return chars.length <= columns ? text : `${chars.slice(0, Math.max(0, columns - 1)).join('')}…`;
}

/**
 * The row as a screen reader reads it: "count: 2, selected", "AZs: a, b, locked"; inside a multi-select's options
 * every option on or off and the one space toggles ("AZs: a on, b off, c off; space toggles b, selected").
 */
export function spokenField(row: FieldRow): string {
  const highlighted = row.options?.find((o) => o.highlighted);
  const value = highlighted
    ? `${row.options?.map((o) => `${o.option} ${o.on ? 'on' : 'off'}`).join(', ')}; space toggles ${highlighted.option}`
    : row.options
      ? row.options.filter((o) => o.on).map((o) => o.option).join(', ') || 'none'
      : row.value;
  return `${row.label}: ${value}${row.locked ? ', locked' : ''}${row.selected ? ', selected' : ''}`;
}

export function FieldLine({row, width}: {row: FieldRow; width: number}) {
  const theme = useTheme();
  const dim = row.locked && theme.dim;
  const label = `${row.selected ? '›' : ' '} ${row.label.padEnd(LABEL_COLUMNS)}`;
  const editing = row.selected && !row.locked;
  const valueColumns = width - HEAD_COLUMNS - 4 - (row.locked ? LOCKED_TEXT.length : 0);
  const spoken = spokenField(row);
  return (
    <Box aria-label={spoken}>
      <Text bold={row.selected} color={row.selected ? theme.accent : undefined} dimColor={dim}>
        {label}
      </Text>
      {row.options && !row.locked ? (
        <Text>
          {row.options.map((o, i) => (
            <Text key={o.option}>
              {o.highlighted ? '[' : i > 0 && !row.options?.[i - 1]?.highlighted ? ' ' : ''}
              <Text inverse={o.highlighted}>{`${o.on ? '✓' : '·'}${o.option}`}</Text>
              {o.highlighted ? ']' : ''}
            </Text>
          ))}
        </Text>
      ) : (
        <Text bold={editing} dimColor={dim}>
          {editing ? `‹ ${fit(row.value, valueColumns)} ›` : `  ${fit(row.value, valueColumns + 2)}`}
        </Text>
      )}
      {row.locked ? <Text dimColor={theme.dim}>{LOCKED_TEXT}</Text> : null}
    </Box>
  );
}
