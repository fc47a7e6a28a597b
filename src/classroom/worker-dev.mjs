// Running from src/ (tests, tsx): the worker thread has no TypeScript loader of its own, so it registers tsx's
// and then loads worker.ts. The bundle never uses this file (it runs dist/score-worker.js).
import {register} from 'tsx/esm/api';

register();
await import('./worker.ts');
