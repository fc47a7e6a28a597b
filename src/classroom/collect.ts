// Finding and reading submission files. Every file is a stranger's: its size is checked before it is read, and
// the content guards of src/content (depth, aliases, prototype keys, 1 MB) apply. Nothing here throws for a bad file.
import {readdirSync, statSync} from 'node:fs';
import {join, relative, resolve} from 'node:path';
import {formatProblem, loadSubmissionFile, MAX_FILE_BYTES, parseSubmission, type Submission} from '../content/index.js';
import {SUBMISSIONS_DIR} from '../store/index.js';
import type {Rejection} from './types.js';

const SUBMISSION_FILE = /\.(json|ya?ml)$/i;
/** More files than a class (or a school) submits: past this the scan stops and says so. */
export const MAX_SUBMISSION_FILES = 20_000;

export type Candidate = {file: string; ok: true; submission: Submission} | {file: string; ok: false; rejection: Rejection};

export interface Collected {
  files: string[];
  /** Arguments that name nothing readable (exit 2: the teacher mistyped a path). */
  missing: string[];
  truncated: boolean;
}

function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir, {withFileTypes: true})
      .filter((entry) => entry.isFile() && SUBMISSION_FILE.test(entry.name) && !entry.name.startsWith('.'))
      .map((entry) => join(dir, entry.name))
      .sort();
  } catch {
    return [];
  }
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, {withFileTypes: true})
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
      .map((entry) => join(dir, entry.name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * The submission files the arguments name: a FILE as given; a DIR's own .json/.yaml/.yml files, those in its
 * `submissions/` folder, and those in `*\/submissions/` (one folder per student repository, as GitHub Classroom
 * clones them). `exclude` (the challenge file) is skipped. Sorted, without repeats.
 */
export function collectSubmissionFiles(paths: readonly string[], exclude: readonly string[] = []): Collected {
  const skip = new Set(exclude.map((p) => resolve(p)));
  const seen = new Set<string>();
  const files: string[] = [];
  const missing: string[] = [];
  let truncated = false;
  const add = (file: string) => {
    const key = resolve(file);
    if (skip.has(key) || seen.has(key)) return;
    if (files.length >= MAX_SUBMISSION_FILES) {
      truncated = true;
      return;
    }
    seen.add(key);
    files.push(file);
  };
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      missing.push(path);
      continue;
    }
    if (!isDir) {
      add(path);
      continue;
    }
    filesIn(path).forEach(add);
    for (const sub of subfolders(path)) {
      if (sub.endsWith(`/${SUBMISSIONS_DIR}`) || sub.endsWith(`\\${SUBMISSIONS_DIR}`)) filesIn(sub).forEach(add);
      else filesIn(join(sub, SUBMISSIONS_DIR)).forEach(add);
    }
  }
  return {files, missing, truncated};
}

/** How a file is named in rejections and rows: relative to the working directory when inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, resolve(file));
  return rel !== '' && !rel.startsWith('..') ? rel : file;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Reads one submission file: oversized before reading, then malformed with the first problem at file:line:col. */
export function readCandidate(path: string, file = displayPath(path)): Candidate {
  try {
    const stat = statSync(path);
    if (stat.isFile() && stat.size > MAX_FILE_BYTES) {
      return {file, ok: false, rejection: {file, reason: 'oversized', message: `the file is ${megabytes(stat.size)}; a submission may be at most ${megabytes(MAX_FILE_BYTES)}`}};
    }
  } catch {
    return {file, ok: false, rejection: {file, reason: 'unreadable', message: 'the file cannot be read'}};
  }
  return fromParsed(file, loadSubmissionFile(path), path);
}

/** The same from text already in memory (a live host's upload). */
export function candidateFromText(text: string, file: string): Candidate {
  if (text.length > MAX_FILE_BYTES) return {file, ok: false, rejection: {file, reason: 'oversized', message: `the text is over ${megabytes(MAX_FILE_BYTES)}`}};
  return fromParsed(file, parseSubmission(text, file));
}

function fromParsed(file: string, parsed: ReturnType<typeof parseSubmission>, path?: string): Candidate {
  if (parsed.ok) return {file, ok: true, submission: parsed.value};
  const problems = parsed.problems.map((p) => ({...p, file: p.file === path ? file : p.file}));
  const first = problems[0];
  const oversized = first !== undefined && /limit is|over .* MB/.test(first.message) && first.line === 1 && first.path === '';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return {
    file,
    ok: false,
    rejection: {
      file,
      reason: oversized ? 'oversized' : first?.message.startsWith('no such file') || first?.message.startsWith('permission') ? 'unreadable' : 'malformed',
      message: first ? `${formatProblem(first)}${more}` : 'unreadable',
    },
  };
}
