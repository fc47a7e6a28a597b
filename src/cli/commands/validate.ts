// rightsize validate FILE...: every problem in each level file, or "ok FILE". With the engine's simulate, so the
// reference must reach 3 stars and every counterexample must fail with its finding.
import {validateLevelFile} from '../../content/index.js';
import {simulate} from '../../engine/index.js';
import {EXIT, type ExitCode} from '../exit-codes.js';
import {reportProblems, type Io} from '../io.js';

export function validateCommand(io: Io, files: readonly string[]): ExitCode {
  let code: ExitCode = EXIT.ok;
  for (const file of files) {
    const checked = validateLevelFile(file, {simulate});
    if (checked.ok) {
      io.out(`${io.paint('green', 'ok')} ${file}`);
    } else {
      reportProblems(io, checked.problems);
      code = EXIT.notPassed;
    }
  }
  return code;
}
