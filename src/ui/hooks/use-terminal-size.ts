// The terminal's size, following resizes. A stream that does not know its size (a test stream, a pipe)
// counts as the smallest supported terminal, 80×24.
import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export interface TerminalSize {
  columns: number;
  rows: number;
}

function read(stdout: NodeJS.WriteStream): TerminalSize {
  return {columns: stdout.columns || MIN_COLUMNS, rows: stdout.rows || MIN_ROWS};
}

export function useTerminalSize(): TerminalSize {
  const {stdout} = useStdout();
  const [size, setSize] = useState(() => read(stdout));
  useEffect(() => {
    const onResize = () => setSize(read(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

export function isTooSmall(size: TerminalSize): boolean {
  return size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;
}
