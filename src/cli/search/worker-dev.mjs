// Runs the search worker from the TypeScript sources (tests, `tsx src/cli/main.ts`): the bundle ships
// dist/search-worker.js instead, so this file and tsx are never needed once installed.
import {register} from 'tsx/esm/api';

register();
await import('./worker.ts');
