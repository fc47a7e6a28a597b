// The key-hint bar at the bottom of every screen: keys in bold (not only in colour), then what they do.
// It is always one line: when the hints do not fit the width, the gaps narrow, then the last hints give way,
// except back and help (help lists every key), so a screen lists its hints most useful first.
import {Box, Text} from 'ink';
import stringWidth from 'string-width';

export type Hint = readonly [keys: string, does: string];

const hintWidth = ([keys, does]: Hint): number => stringWidth(` ${keys} `) + 1 + stringWidth(does);

function barWidth(hints: readonly Hint[], gap: number): number {
  return hints.reduce((sum, hint) => sum + hintWidth(hint), 0) + gap * Math.max(0, hints.length - 1);
}

/** Help and back always stay on the bar. */
function isKept([keys, does]: Hint): boolean {
  return keys.split('/').includes('?') || does === 'back' || does === 'close help';
}

/** The hints that fit in `width` columns on one line, and the gap between them. */
export function fitHints(hints: readonly Hint[], width: number): {hints: Hint[]; gap: number} {
  for (const gap of [2, 1]) if (barWidth(hints, gap) <= width) return {hints: [...hints], gap};
  const kept = [...hints];
  while (kept.length > 1 && barWidth(kept, 1) > width) {
    let drop = kept.length - 1;
    while (drop >= 0 && isKept(kept[drop] as Hint)) drop--;
    if (drop < 0) break;
    kept.splice(drop, 1);
  }
  return {hints: kept, gap: 1};
}

export function KeyHints({hints, width}: {hints: readonly Hint[]; width: number}) {
  const fitted = fitHints(hints, width);
  return (
    <Box columnGap={fitted.gap} height={1} overflow="hidden">
      {fitted.hints.map(([keys, does]) => (
        <Text key={keys + does} wrap="truncate-end">
          <Text bold inverse>{` ${keys} `}</Text>
          <Text> {does}</Text>
        </Text>
      ))}
    </Box>
  );
}
