// Text → YAML document → zod → value, with every problem at file:line:col. JSON is YAML, so one parser reads both.
import {LineCounter, parseDocument, type Document} from 'yaml';
import type {z} from 'zod';
import {checkTree, findExcessiveNesting, findTooManyNodes, firstAlias, MAX_ALIASES, MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES, readTextGuarded} from './guards.js';
import {locate, locateKey} from './locate.js';
import {printable, renderPath, sortProblems, type ContentProblem} from './problem.js';
import {show} from './schema-helpers.js';

/** At most this many problems are listed per file (the rest are counted). */
export const MAX_PROBLEMS = 100;

/** Where a parsed value came from: maps a path in the value to line:col in the file. */
export interface SourceMap {
  file: string;
  doc: Document;
  lineCounter: LineCounter;
}

export type Parsed<T> = {ok: true; value: T; source: SourceMap} | {ok: false; problems: ContentProblem[]};

export function problemAt(source: SourceMap, path: readonly PropertyKey[], message: string): ContentProblem {
  const {line, col} = locate(source.doc, source.lineCounter, path);
  return {file: source.file, line, col, path: renderPath(path), message};
}

/** Sorted, at most MAX_PROBLEMS, then one last line that counts the rest (`more` were never located). */
function capped(problems: ContentProblem[], more = 0): ContentProblem[] {
  const sorted = sortProblems(problems);
  const rest = Math.max(0, sorted.length - MAX_PROBLEMS) + more;
  if (rest === 0) return sorted;
  const file = sorted[0]?.file ?? '';
  return [...sorted.slice(0, MAX_PROBLEMS), {file, line: 1, col: 1, path: '', message: `… and ${rest} more problems`}];
}

/** YAML (or JSON) text → plain data, guarded against size, depth, alias bombs and prototype keys. */
export function parseYaml(input: string, file: string): Parsed<unknown> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const at = (line: number, col: number, message: string): ContentProblem => ({file, line, col, path: '', message});
  if (text.length > MAX_FILE_BYTES) return {ok: false, problems: [at(1, 1, `text is over the ${MAX_FILE_BYTES / (1024 * 1024)} MB limit`)]};
  const deep = findExcessiveNesting(text);
  if (deep) return {ok: false, problems: [at(deep.line, deep.col, `nested more than ${MAX_DEPTH} levels deep`)]};
  const crowded = findTooManyNodes(text);
  if (crowded) {
    const message = `more than ${MAX_NODES.toLocaleString('en-US')} values in one file (a level needs a few thousand): remove the extra values from here on`;
    return {ok: false, problems: [at(crowded.line, crowded.col, message)]};
  }

  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: false, version: '1.2', merge: false});
  } catch (error) {
    return {ok: false, problems: [at(1, 1, printable(`cannot parse: ${error instanceof Error ? error.message : String(error)}`))]};
  }
  const source: SourceMap = {file, doc, lineCounter};
  const problems: ContentProblem[] = [...doc.errors, ...doc.warnings].map((error) => {
    const {line, col} = lineCounter.linePos(error.pos[0]);
    return at(line, col, printable(error.message.split('\n')[0] ?? error.message));
  });
  if (problems.length > 0) return {ok: false, problems: capped(problems)};

  for (const problem of checkTree(doc)) {
    const offset = problem.node.range?.[0] ?? 0;
    const {line, col} = lineCounter.linePos(offset);
    problems.push(at(line, col, problem.message));
  }
  if (problems.length > 0) return {ok: false, problems: capped(problems)};

  try {
    return {ok: true, value: doc.toJS({maxAliasCount: MAX_ALIASES}) as unknown, source};
  } catch (error) {
    const alias = firstAlias(doc);
    const {line, col} = lineCounter.linePos(alias?.range?.[0] ?? 0);
    const excessive = error instanceof Error && /alias/i.test(error.message);
    const message = excessive ? `aliases expand too far (at most ${MAX_ALIASES} expansions are allowed)` : printable(`cannot read: ${error instanceof Error ? error.message : String(error)}`);
    return {ok: false, problems: [at(line, col, message)]};
  }
}

/** Fallback wording for issues whose schema gives none. */
function fallbackMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') return issue.input === undefined ? `required: ${issue.expected}` : `expected ${issue.expected}, got ${show(issue.input)}`;
  if (issue.code === 'too_big') return `must be at most ${String(issue.maximum)}`;
  if (issue.code === 'too_small') return `must be at least ${String(issue.minimum)}`;
  return undefined;
}

/**
 * Zod issues at their line:col. Only the first MAX_PROBLEMS are located (locating is a walk of the document, and a
 * hostile file can carry 100,000 unknown keys); the rest are counted in a last problem.
 */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], source: SourceMap): ContentProblem[] {
  const problems: ContentProblem[] = [];
  let unlocated = 0;
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const room = Math.max(0, MAX_PROBLEMS - problems.length);
      const lines = issue.message.split('\n', room);
      issue.keys.slice(0, room).forEach((key, index) => {
        const {line, col} = locateKey(source.doc, source.lineCounter, issue.path, key);
        problems.push({file: source.file, line, col, path: renderPath([...issue.path, key]), message: lines[index] ?? `unknown key '${printable(key)}'`});
      });
      unlocated += issue.keys.length - Math.min(room, issue.keys.length);
    } else if (problems.length < MAX_PROBLEMS) {
      problems.push(problemAt(source, issue.path, issue.message));
    } else {
      unlocated++;
    }
  }
  return capped(problems, unlocated);
}

/** Parse text with a schema: every YAML and schema problem, or the value with its source map. */
export function parseWith<S extends z.ZodType>(schema: S, text: string, file: string): Parsed<z.output<S>> {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return parsed;
  return checkWith(schema, parsed);
}

/** An already parsed file checked with a schema (a file is parsed once, whatever it is checked as). */
export function checkWith<S extends z.ZodType>(schema: S, parsed: {value: unknown; source: SourceMap}): Parsed<z.output<S>> {
  const result = schema.safeParse(parsed.value, {error: fallbackMessage});
  if (!result.success) return {ok: false, problems: issuesToProblems(result.error.issues, parsed.source)};
  return {ok: true, value: result.data, source: parsed.source};
}

/** Read a file with the size guard, then parse it with a schema. */
export function loadWith<S extends z.ZodType>(schema: S, path: string, file = path): Parsed<z.output<S>> {
  const text = readTextGuarded(path);
  if (!text.ok) return {ok: false, problems: text.problems.map((p) => ({...p, file}))};
  return parseWith(schema, text.value, file);
}

export {capped as capProblems};
