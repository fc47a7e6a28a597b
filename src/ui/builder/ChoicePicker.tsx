// The choice list a field opens with space: every option with its detail, the current one marked "(now)",
// and what the highlighted one would do to the monthly estimate.
import {Box, Text} from 'ink';
import {useTheme} from '../hooks/use-theme.js';
import {scrollWindow} from './scroll-window.js';
import type {choiceRows} from './selectors.js';

type Choices = NonNullable<ReturnType<typeof choiceRows>>;

export function ChoicePicker({choices, preview, height}: {choices: Choices; preview?: string | undefined; height: number}) {
  const theme = useTheme();
  const index = Math.max(0, choices.rows.findIndex((r) => r.highlighted));
  const view = scrollWindow(choices.rows.length, index, height - 1);
  const labelColumns = Math.max(...choices.rows.map((r) => r.label.length), 4) + 1;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>Choose {choices.title}:</Text>
        {preview === undefined ? '' : `  ${preview}`}
      </Text>
      {choices.rows.slice(view.start, view.end).map((row) => (
        <Text key={row.label} bold={row.highlighted} color={row.highlighted ? theme.accent : undefined}>
          {row.highlighted ? '› ' : '  '}
          {row.label.padEnd(labelColumns)}
          <Text dimColor={theme.dim && !row.highlighted}>{row.detail}</Text>
          {row.current ? ' (now)' : ''}
        </Text>
      ))}
      {view.above + view.below > 0 ? <Text dimColor={theme.dim}>{`  ${view.above > 0 ? `↑ ${view.above} more ` : ''}${view.below > 0 ? `↓ ${view.below} more` : ''}`}</Text> : null}
    </Box>
  );
}
