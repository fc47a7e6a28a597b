// The frame of every screen: a title line, the body, a one-line message, and the key-hint bar at the bottom.
// The frame is one row shorter than the terminal, so Ink repaints in place without scrolling (no flicker).
// In screen-reader mode Ink writes plain lines (no layout: no margins, no clipping), so the title and its right-hand
// part are one line, and the body gets the row the blank under the title would take (issue #9).
import {isValidElement, type ReactNode} from 'react';
import {Box, Text, useIsScreenReaderEnabled} from 'ink';
import {KeyHints, type Hint} from './KeyHints.js';
import {useTheme} from '../hooks/use-theme.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {BodyRowsContext} from '../hooks/use-body-rows.js';
import {frameWidth} from '../hooks/use-body-width.js';

/** Rows the frame itself takes: title, blank, message, the one-line hint bar (no blank in screen-reader mode). */
const CHROME_ROWS = 4;
const READER_CHROME_ROWS = 3;
const MAX_FRAME_ROWS = 40;


export const BACK_HINTS: readonly Hint[] = [
  ['?', 'help'],
  ['q', 'back'],
];

export function Frame({title, right, hints, message, children}: {title: string; right?: string; hints: readonly Hint[]; message?: ReactNode; children: ReactNode}) {
  const theme = useTheme();
  const {columns, rows} = useTerminalSize();
  const height = Math.min(rows, MAX_FRAME_ROWS) - 1;
  const width = frameWidth(columns);
  const reader = useIsScreenReaderEnabled();
  return (
    <Box flexDirection="column" height={height} width={width}>
      {reader ? (
        <Text>{right === undefined ? title : `${title}, ${right}`}</Text>
      ) : (
        <Box justifyContent="space-between">
          <Text bold color={theme.accent}>
            {title}
          </Text>
          {right === undefined ? null : <Text>{right}</Text>}
        </Box>
      )}
      <Box flexDirection="column" flexGrow={1} marginTop={1} overflow="hidden">
        <BodyRowsContext.Provider value={height - (reader ? READER_CHROME_ROWS : CHROME_ROWS)}>{children}</BodyRowsContext.Provider>
      </Box>
      {isValidElement(message) ? message : <Text>{message ?? ' '}</Text>}
      <KeyHints hints={hints} width={width} />
    </Box>
  );
}
