// A keyboard-driven list (↑↓/jk, PgUp/PgDn, g/G, Enter) fed by memoised items, showing a window that fits.
// The selection is marked with "›" and bold, not only by colour. Headers are shown but never selected.
import {useState} from 'react';
import {Box, Text} from 'ink';
import {useKeys} from '../input/key-router.js';
import {useTheme} from '../hooks/use-theme.js';

export interface ListItem {
  id: string;
  label: string;
  /** A chapter title or other heading: shown, skipped by the cursor. */
  header?: boolean;
  /** Shown dimmed; can be highlighted (to read why) but the caller decides what Enter does. */
  disabled?: boolean;
}

export interface ListProps {
  items: readonly ListItem[];
  rows: number;
  onChoose(item: ListItem, index: number): void;
  onHighlight?(item: ListItem, index: number): void;
  active?: boolean;
  initialIndex?: number;
}

/** The selectable index nearest to `from + delta` (clamped), looking onward in the direction of travel first. */
export function step(items: readonly ListItem[], from: number, delta: number): number {
  if (items.length === 0) return 0;
  const target = Math.max(0, Math.min(items.length - 1, from + delta));
  const direction = delta < 0 ? -1 : 1;
  for (const dir of [direction, -direction]) {
    for (let i = target; i >= 0 && i < items.length; i += dir) {
      if (!items[i]?.header) return i;
    }
  }
  return from;
}

export function List({items, rows, onChoose, onHighlight, active = true, initialIndex = 0}: ListProps) {
  const theme = useTheme();
  const [selected, setSelected] = useState(() => step(items, initialIndex, 0));
  const index = Math.min(selected, Math.max(0, items.length - 1));
  const move = (to: number) => {
    if (to === index) return;
    setSelected(to);
    const item = items[to];
    if (item) onHighlight?.(item, to);
  };
  useKeys((input, key) => {
    if (key.upArrow || input === 'k') move(step(items, index, -1));
    else if (key.downArrow || input === 'j') move(step(items, index, 1));
    else if (key.pageUp) move(step(items, index, -rows));
    else if (key.pageDown) move(step(items, index, rows));
    else if (key.home || input === 'g') move(step(items, 0, 0));
    else if (key.end || input === 'G') move(step(items, items.length - 1, 0));
    else if (key.return) {
      const item = items[index];
      if (item && !item.header) onChoose(item, index);
    } else return false;
    return true;
  }, active);

  const windowRows = Math.max(1, items.length > rows ? rows - 1 : rows);
  const start = Math.max(0, Math.min(index - Math.floor(windowRows / 2), items.length - windowRows));
  const visible = items.slice(start, start + windowRows);
  return (
    <Box flexDirection="column">
      {visible.map((item, offset) => {
        const i = start + offset;
        if (item.header) {
          return (
            <Text key={item.id} wrap="truncate-end" bold underline>
              {item.label}
            </Text>
          );
        }
        const isSelected = i === index && active;
        return (
          <Text key={item.id} wrap="truncate-end" bold={isSelected} dimColor={item.disabled === true && theme.dim} color={isSelected ? theme.accent : undefined}>
            {isSelected ? '› ' : '  '}
            {item.label}
          </Text>
        );
      })}
      {start + windowRows < items.length ? <Text dimColor={theme.dim}>  ↓ {items.length - start - windowRows} more</Text> : null}
    </Box>
  );
}
