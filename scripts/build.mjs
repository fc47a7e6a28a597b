// Bundles the CLI into one ESM file so start-up reads one file, not hundreds.
// The Ink app is a separate chunk, imported lazily: --help, --version and the headless commands never load it.
import {build} from 'esbuild';
import {chmodSync, rmSync} from 'node:fs';

// Chunk names carry a content hash: start from an empty dist/ so old chunks do not pile up.
rmSync('dist', {recursive: true, force: true});

await build({
  // Worker threads load their own entries, found beside the chunk that starts them: the leaderboard's
  // re-scoring (dist/score-worker.js) and the search of `validate --search` (dist/search-worker.js).
  entryPoints: {cli: 'src/cli/main.ts', 'score-worker': 'src/classroom/worker.ts', 'search-worker': 'src/cli/search/worker.ts'},
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  // CommonJS dependencies bundled into ESM still reach for `require` and `__filename` (write-file-atomic hashes
  // __filename into its temp-file names): every output file defines both.
  banner: {
    js: "#!/usr/bin/env node\nimport {createRequire as __cr} from 'node:module'; import {fileURLToPath as __fu} from 'node:url'; const require = __cr(import.meta.url); const __filename = __fu(import.meta.url);",
  },
  define: {'process.env.NODE_ENV': '"production"'},
  // better-sqlite3 is native (a .node file built for this Node): it stays a runtime dependency, loaded by `host` only.
  external: ['react-devtools-core', 'better-sqlite3'],
  logLevel: 'warning',
});
chmodSync('dist/cli.js', 0o755);
