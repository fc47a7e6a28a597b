// The exit codes of DESIGN §4, spelled once.
export const EXIT = {
  ok: 0,
  /** score: the solution did not pass; validate: a level file has problems. */
  notPassed: 1,
  /** Bad input: unreadable or invalid files, bad arguments, an unexpected error. */
  badInput: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
