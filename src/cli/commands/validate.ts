// rightsize validate FILE|DIR...: every problem in each level file, or "ok FILE". With the engine's simulate, so the
// reference must reach 3 stars and every counterexample must fail with its finding. A campaign.yaml is checked as
// the campaign of its folder (every listed level exists, every level is listed); a folder means all of its files.
// Each file is read and parsed once. A path that cannot be read (missing, a symlink loop, no permission) is a
// problem of its own and the rest are still checked; a folder with nothing to check says so.
import {readdirSync, statSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {
  CAMPAIGN_FILE,
  describeFsError,
  fileProblem,
  formatProblem,
  loadCampaign,
  parseYaml,
  readTextGuarded,
  solutionFromYaml,
  validateLevelYaml,
  type ContentProblem,
} from '../../content/index.js';
import {simulate} from '../../engine/index.js';
import {EXIT, type ExitCode} from '../exit-codes.js';
import type {Io} from '../io.js';

type Target = {file: string} | {problem: ContentProblem};

export function validateCommand(io: Io, paths: readonly string[]): ExitCode {
  const reported = new Set<string>();
  let failed = false;
  const report = (file: string, problems: readonly ContentProblem[]): void => {
    const fresh = problems.map(formatProblem).filter((line) => !reported.has(line));
    for (const line of fresh) {
      reported.add(line);
      io.err(line);
    }
    if (problems.length > 0) failed = true;
    else io.out(`${io.paint('green', 'ok')} ${file}`);
  };
  for (const target of expand(paths)) {
    if ('problem' in target) {
      report(target.problem.file, [target.problem]);
      continue;
    }
    const path = target.file;
    if (basename(path) === CAMPAIGN_FILE) {
      const campaign = loadCampaign(dirname(path));
      report(path, campaign.ok ? [] : campaign.problems);
      continue;
    }
    const checked = levelFileProblems(path);
    // Warnings (e.g. an outage pinned to an AZ a build can dodge) are printed, never failing.
    for (const warning of checked.warnings) io.err(formatProblem(warning));
    report(path, checked.problems);
  }
  return failed ? EXIT.notPassed : EXIT.ok;
}

/** A level file's problems and warnings, read and parsed once (a solution given by mistake is named as one). */
function levelFileProblems(path: string): {problems: readonly ContentProblem[]; warnings: readonly ContentProblem[]} {
  const text = readTextGuarded(path);
  if (!text.ok) return {problems: text.problems, warnings: []};
  const yaml = parseYaml(text.value, path);
  if (!yaml.ok) return {problems: yaml.problems, warnings: []};
  const level = validateLevelYaml(yaml, {simulate});
  if (level.ok) return {problems: [], warnings: level.warnings};
  if (solutionFromYaml(yaml).ok) return {problems: [fileProblem(path, `this is a solution, not a level: \`rightsize score ${path}\` scores it`)], warnings: []};
  return {problems: level.problems, warnings: level.warnings};
}

/**
 * A folder becomes its YAML and JSON files (levels first, campaign.yaml last); anything else stays as given. A path
 * or folder that cannot be read becomes a problem; a folder with none of those files, a problem that says so.
 */
function expand(paths: readonly string[]): Target[] {
  return paths.flatMap((path): Target[] => {
    let isDir: boolean;
    try {
      isDir = statSync(path, {throwIfNoEntry: false})?.isDirectory() === true;
    } catch (error) {
      return [{problem: fileProblem(path, describeFsError(error))}];
    }
    if (!isDir) return [{file: path}];
    let names: string[];
    try {
      names = readdirSync(path);
    } catch (error) {
      return [{problem: fileProblem(path, `is a folder that cannot be read: ${describeFsError(error)}`)}];
    }
    const files = names
      .filter((name) => /\.(ya?ml|json)$/i.test(name))
      .sort((a, b) => Number(a === CAMPAIGN_FILE) - Number(b === CAMPAIGN_FILE) || a.localeCompare(b));
    if (files.length === 0) return [{problem: fileProblem(path, 'nothing to check: the folder has no .yaml, .yml or .json files')}];
    return files.map((name) => ({file: join(path, name)}));
  });
}
