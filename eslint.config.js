import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {ignores: ['dist/**', 'node_modules/**', 'coverage/**']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', 'test/**/*.{ts,tsx}'],
    languageOptions: {globals: {process: 'readonly', console: 'readonly', URL: 'readonly'}},
  },
  // The engine is the one scoring path: pure and deterministic. No clock, no global randomness,
  // no Node I/O, no console, no imports from the other layers.
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          {group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'process', 'child_process', 'crypto', 'url', 'worker_threads', 'timers', 'timers/*'], message: 'src/engine is pure: no Node modules.'},
          {group: ['**/content/**', '**/ui/**', '**/cli/**', '**/store/**', 'ink', 'react', 'yaml', 'zod'], message: 'src/engine imports nothing from the other layers.'},
        ],
      }],
      'no-restricted-globals': ['error',
        {name: 'process', message: 'src/engine is pure: no process.'},
        {name: 'console', message: 'src/engine is pure: no console.'},
        {name: 'Date', message: 'src/engine has no clock: time is a tick counter.'},
        {name: 'performance', message: 'src/engine has no clock.'},
        {name: 'setTimeout', message: 'src/engine has no timers.'},
        {name: 'setInterval', message: 'src/engine has no timers.'},
      ],
      'no-restricted-properties': ['error',
        {object: 'Math', property: 'random', message: 'src/engine randomness comes from the seeded PRNG in the state.'},
      ],
    },
  },
);
