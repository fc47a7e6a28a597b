// A row of panel names; the current one is bracketed and bold (not only coloured). Tab / Shift+Tab switch.
import {Text} from 'ink';
import {useTheme} from '../hooks/use-theme.js';

export function Tabs({names, current}: {names: readonly string[]; current: number}) {
  const theme = useTheme();
  return (
    <Text>
      {names.map((name, i) => (
        <Text key={name} bold={i === current} color={i === current ? theme.accent : undefined}>
          {i === current ? `[${name}]` : ` ${name} `}
          {i < names.length - 1 ? ' ' : ''}
        </Text>
      ))}
    </Text>
  );
}

/** The panel after Tab (or before, with Shift+Tab). */
export function nextTab(current: number, count: number, backwards: boolean): number {
  return (current + (backwards ? count - 1 : 1)) % count;
}
