// Colour for headless output: only on a terminal, never with --no-color or NO_COLOR, and never the only signal
// (every coloured word also carries ✓/✗, a star or a severity word). Plain SGR codes: no dependency to load.

/** NO_COLOR (https://no-color.org): any non-empty value turns colour off. */
export function colorDisabledByEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env['NO_COLOR'] ?? '') !== '';
}

/** Whether headless output to this stream should be coloured. */
export function useColor(colorFlag: boolean, stream: {isTTY?: boolean} = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  return colorFlag && !colorDisabledByEnv(env) && stream.isTTY === true;
}

/** Turns colour off for the libraries the game loads (chalk reads FORCE_COLOR, not NO_COLOR). Call before importing them. */
export function forceNoColorForLibraries(env: NodeJS.ProcessEnv = process.env): void {
  env['FORCE_COLOR'] = '0';
}

const SGR = {bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39]} as const;
export type Style = keyof typeof SGR;

export type Paint = (style: Style, text: string) => string;

export function painter(enabled: boolean): Paint {
  if (!enabled) return (_style, text) => text;
  return (style, text) => `\u001b[${SGR[style][0]}m${text}\u001b[${SGR[style][1]}m`;
}
