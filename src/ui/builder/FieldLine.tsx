// One field of a tier panel: label, value, and its state in words and symbols (never colour alone):
// "›" marks the selected field, ‹ › the value the arrows change, "locked" a field the level fixes,
// ✓/· the options of a multi-select, [ ] the option space toggles.
import {Box, Text} from 'ink';
import {useTheme} from '../hooks/use-theme.js';
import type {FieldRow} from './selectors.js';

export const LABEL_COLUMNS = 15;

export function FieldLine({row}: {row: FieldRow}) {
  const theme = useTheme();
  const dim = row.locked && theme.dim;
  const label = `${row.selected ? '›' : ' '} ${row.label.padEnd(LABEL_COLUMNS)}`;
  return (
    <Box>
      <Text bold={row.selected} color={row.selected ? theme.accent : undefined} dimColor={dim}>
        {label}
      </Text>
      {row.options ? (
        <Text dimColor={dim}>
          {row.options.map((o, i) => (
            <Text key={o.option}>
              {o.highlighted ? '[' : i > 0 && !row.options?.[i - 1]?.highlighted ? ' ' : ''}
              <Text inverse={o.highlighted}>{`${o.on ? '✓' : '·'}${o.option}`}</Text>
              {o.highlighted ? ']' : ''}
            </Text>
          ))}
        </Text>
      ) : (
        <Text bold={row.selected && !row.locked} dimColor={dim}>
          {row.selected && !row.locked ? `‹ ${row.value} ›` : `  ${row.value}`}
        </Text>
      )}
      {row.locked ? <Text dimColor={theme.dim}> locked</Text> : null}
    </Box>
  );
}
