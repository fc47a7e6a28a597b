// Time to the game's first frame: the built dist/cli.js in a pseudo-terminal (util-linux `script`), from spawn
// until the title text reaches the terminal, against a bare `node -e 0` from spawn to exit, measured the same way
// in the same run. DESIGN §6 asks for the first screen within ~3× the bare start.
// Run: npm run bench (builds first), or `npx tsx scripts/bench-start.ts [runs]`.
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const RUNS = Number(process.argv[2] ?? 10);
const TITLE_TEXT = 'Press Enter to start';
const TIMEOUT_MS = 15_000;
const CLI = join(process.cwd(), 'dist', 'cli.js');

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * Milliseconds from spawning `command` in a fresh pseudo-terminal until `until` appears in its output
 * (or, without `until`, until it exits). The process group is killed afterwards.
 */
function timeInPty(command: string, env: NodeJS.ProcessEnv, until?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const elapsedMs = () => Number(process.hrtime.bigint() - started) / 1e6;
    const child = spawn('script', ['-qfec', command, '/dev/null'], {env, detached: true, stdio: ['pipe', 'pipe', 'ignore']});
    let output = '';
    let settled = false;
    const finish = (error?: Error, ms?: number) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      if (error) reject(error);
      else resolve(ms ?? elapsedMs());
    };
    const timer = setTimeout(() => finish(new Error(`no ${until ?? 'exit'} within ${TIMEOUT_MS} ms from: ${command}\n${output.slice(-500)}`)), TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (until !== undefined && output.includes(until)) finish(undefined, elapsedMs());
    });
    child.on('exit', () => {
      if (until === undefined) finish(undefined, elapsedMs());
      else finish(new Error(`exited before showing "${until}":\n${output.slice(-500)}`));
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) {
    console.error('dist/cli.js is missing: run `npm run build` first.');
    process.exitCode = 1;
    return;
  }
  const home = mkdtempSync(join(tmpdir(), 'rightsize-bench-'));
  const env = {...process.env, CI: 'false', RIGHTSIZE_HOME: home, TERM: process.env['TERM'] ?? 'xterm-256color'};
  const node = shellQuote(process.execPath);
  const bare: number[] = [];
  const game: number[] = [];
  try {
    // One warm-up of each (file cache), then alternate so drift hits both alike.
    await timeInPty(`${node} -e 0`, env);
    await timeInPty(`${node} ${shellQuote(CLI)}`, env, TITLE_TEXT);
    for (let i = 0; i < RUNS; i++) {
      bare.push(await timeInPty(`${node} -e 0`, env));
      game.push(await timeInPty(`${node} ${shellQuote(CLI)}`, env, TITLE_TEXT));
    }
  } finally {
    rmSync(home, {recursive: true, force: true});
  }
  const bareMs = median(bare);
  const gameMs = median(game);
  console.log(`start-up, median of ${RUNS} runs in a pseudo-terminal (script):`);
  console.log(`  node -e 0 (spawn to exit)              ${bareMs.toFixed(1)} ms`);
  console.log(`  rightsize (spawn to the title screen)  ${gameMs.toFixed(1)} ms`);
  console.log(`  ratio                                  ${(gameMs / bareMs).toFixed(2)}× (target ≤ ~3×)`);
}

await main();
