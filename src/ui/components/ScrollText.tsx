// Long text in a window of lines: ↑↓/jk and PgUp/PgDn scroll; the position is shown in words, not only colour.
import {useState} from 'react';
import {Box, Text} from 'ink';
import {useKeys} from '../input/key-router.js';
import {useTheme} from '../hooks/use-theme.js';

export function ScrollText({lines, rows, active = true}: {lines: readonly string[]; rows: number; active?: boolean}) {
  const theme = useTheme();
  const [top, setTop] = useState(0);
  const fits = lines.length <= rows;
  const windowRows = fits ? rows : Math.max(1, rows - 1);
  const maxTop = Math.max(0, lines.length - windowRows);
  const first = Math.min(top, maxTop);
  useKeys((input, key) => {
    if (fits) return false;
    if (key.upArrow || input === 'k') setTop(Math.max(0, first - 1));
    else if (key.downArrow || input === 'j') setTop(Math.min(maxTop, first + 1));
    else if (key.pageUp) setTop(Math.max(0, first - windowRows));
    else if (key.pageDown || input === ' ') setTop(Math.min(maxTop, first + windowRows));
    else return false;
    return true;
  }, active);
  return (
    <Box flexDirection="column">
      {lines.slice(first, first + windowRows).map((line, i) => (
        <Text key={i}>{line === '' ? ' ' : line}</Text>
      ))}
      {fits ? null : (
        <Text dimColor={theme.dim}>
          {first + windowRows < lines.length ? `↓ more (${lines.length - first - windowRows} lines, j/↓ to scroll)` : '— end —'}
        </Text>
      )}
    </Box>
  );
}
