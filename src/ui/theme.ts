// Colours for the game. Colour is never the only signal: every coloured thing also has a symbol or a word
// (✓/✗, ★/☆, "critical"). With NO_COLOR / --no-color every colour is undefined and Ink prints plain text.
import type {Severity} from '../engine/index.js';

export interface Theme {
  accent: string | undefined;
  good: string | undefined;
  bad: string | undefined;
  warn: string | undefined;
  dim: boolean;
  severity: Record<Severity, string | undefined>;
}

export function makeTheme(noColor: boolean): Theme {
  if (noColor) {
    return {accent: undefined, good: undefined, bad: undefined, warn: undefined, dim: false, severity: {critical: undefined, warning: undefined, info: undefined}};
  }
  return {accent: 'cyan', good: 'green', bad: 'red', warn: 'yellow', dim: true, severity: {critical: 'red', warning: 'yellow', info: 'blue'}};
}
