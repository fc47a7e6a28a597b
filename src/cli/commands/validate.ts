// rightsize validate FILE...: every problem in each level file, or "ok FILE".
import {validateLevelFile} from '../../content/index.js';
import {EXIT, type ExitCode} from '../exit-codes.js';
import {reportProblems, type Io} from '../io.js';

export function validateCommand(io: Io, files: readonly string[]): ExitCode {
  let code: ExitCode = EXIT.ok;
  for (const file of files) {
    const checked = validateLevelFile(file);
    if (checked.ok) {
      io.out(`${io.paint('green', 'ok')} ${file}`);
    } else {
      reportProblems(io, checked.problems);
      code = EXIT.notPassed;
    }
  }
  return code;
}
