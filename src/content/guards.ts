// Guards for untrusted files (solutions come from strangers in a classroom): size before reading,
// nesting depth before and after parsing (never by recursion), alias expansion, and keys that could
// reach an object's prototype.
import {closeSync, openSync, readSync, statSync} from 'node:fs';
import {isMap, isScalar, isSeq, visit, type Document, type LineCounter, type Node} from 'yaml';
import {fileProblem, printable, type Loaded} from './problem.js';


export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_DEPTH = 64;
/** yaml's toJS alias budget: an alias bomb stops here. */
export const MAX_ALIASES = 100;
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The file's text, after checking its size with fstat (a 100 MB file is never read). Reads at most the limit plus
 * one byte from the same open file, so a file that grows after the check, or a special file, cannot make it read more.
 */
export function readTextGuarded(path: string): Loaded<string> {
  let fd: number | undefined;
  try {
    // Refuse FIFOs and devices before opening: opening a FIFO for reading blocks until a writer appears.
    const pre = statSync(path);
    if (pre.isDirectory()) return {ok: false, problems: [fileProblem(path, 'is a directory, not a file')]};
    if (!pre.isFile()) return {ok: false, problems: [fileProblem(path, 'is not a regular file')]};
    if (pre.size > MAX_FILE_BYTES) return tooBig(path, pre.size);
    fd = openSync(path, 'r');
    // Sized by the limit, not by stat: a file can grow after the check, and some files report size 0.
    const buffer = Buffer.allocUnsafe(MAX_FILE_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > MAX_FILE_BYTES) return tooBig(path, length);
    return {ok: true, value: buffer.toString('utf8', 0, length)};
  } catch (error) {
    return {ok: false, problems: [fileProblem(path, describeFsError(error))]};
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function tooBig(path: string, size: number): Loaded<string> {
  const over = size > MAX_FILE_BYTES + 1 ? megabytes(size) : `over ${megabytes(MAX_FILE_BYTES)}`;
  return {ok: false, problems: [fileProblem(path, `file is ${over}; the limit is ${megabytes(MAX_FILE_BYTES)}`)]};
}

function describeFsError(error: unknown): string {
  const code = (error as {code?: unknown} | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return `cannot read: ${error instanceof Error ? error.message : String(error)}`;
}

const OPENERS = ':-,[{?';

function isBreak(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\t';
}

/**
 * A linear pre-scan that bounds nesting before the YAML parser sees the text: the parser recurses per level
 * (and '- - - - …' on one line or 100,000 '[' would exhaust the stack or memory). It counts block levels
 * by indentation (plus compact '- ' entries) and flow levels by brackets outside quotes, comments and block
 * scalars. Returns where the depth first passes `maxDepth` (1-based line and column).
 */
export function findExcessiveNesting(text: string, maxDepth = MAX_DEPTH): {line: number; col: number} | undefined {
  const indents: number[] = [];
  let flowDepth = 0;
  let quote: '"' | "'" | undefined;
  let blockScalarParent: number | undefined;
  let lineStart = 0;
  let lineNumber = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    lineStart = lineEnd + 1;
    lineNumber++;
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    const blank = indent === line.length || line[indent] === '#';
    if (blockScalarParent !== undefined) {
      if (blank || indent > blockScalarParent) continue;
      blockScalarParent = undefined;
    }
    let i = indent;
    let blockDepth = 0;
    if (quote === undefined && flowDepth === 0) {
      if (blank) continue;
      while (indents.length > 0 && (indents.at(-1) ?? 0) >= indent) indents.pop();
      indents.push(indent);
      blockDepth = indents.length;
      while (/^[-?:](?:[ \t]|$)/.test(line.slice(i))) {
        blockDepth++;
        i += 1;
        while (line[i] === ' ' || line[i] === '\t') i++;
        if (blockDepth > maxDepth) return {line: lineNumber, col: i + 1};
      }
      if (blockDepth > maxDepth) return {line: lineNumber, col: indent + 1};
    } else {
      blockDepth = indents.length;
      i = 0;
    }
    let lastSignificant = i > indent ? line[i - 1] ?? '' : '';
    let contentEnd = line.length;
    for (; i < line.length; i++) {
      const ch = line[i] as string;
      if (quote === '"') {
        if (ch === '\\') i++;
        else if (ch === '"') quote = undefined;
        continue;
      }
      if (quote === "'") {
        if (ch === "'") {
          if (line[i + 1] === "'") i++;
          else quote = undefined;
        }
        continue;
      }
      if (ch === ' ' || ch === '\t') continue;
      const atTokenStart = lastSignificant === '' || OPENERS.includes(lastSignificant);
      if (ch === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) {
        contentEnd = i;
        break;
      }
      // An indicator only counts as one where YAML reads it as one: '[' inside `x[0]` and ':' inside a URL are text.
      let significant = ch;
      if ((ch === '"' || ch === "'") && atTokenStart) quote = ch;
      else if ((ch === '[' || ch === '{') && (atTokenStart || flowDepth > 0)) {
        flowDepth++;
        if (blockDepth + flowDepth > maxDepth) return {line: lineNumber, col: i + 1};
      } else if ((ch === ']' || ch === '}') && flowDepth > 0) flowDepth--;
      else if (ch === '[' || ch === '{') significant = 'x';
      else if (':-?'.includes(ch) && !isBreak(line[i + 1]) && !(flowDepth > 0 && ch === ':')) significant = 'x';
      lastSignificant = significant;
    }
    if (quote === undefined && flowDepth === 0 && /(?:^|[\s:?-])[|>][0-9+-]*\s*$/.test(line.slice(0, contentEnd))) {
      blockScalarParent = indent;
    }
  }
  return undefined;
}

export interface TreeProblem {
  node: Node;
  message: string;
}

/** Depth and forbidden keys, checked over the parsed document with yaml's iterative visitor (no recursion of ours). */
export function checkTree(doc: Document): TreeProblem[] {
  const problems: TreeProblem[] = [];
  let depthReported = false;
  visit(doc, {
    // Duplicate keys are found here with a Set: yaml's own `uniqueKeys` check is quadratic in the keys of a map.
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        if (seen.has(name)) problems.push({node: pair.key, message: `key '${printable(name)}' appears twice in this mapping`});
        seen.add(name);
      }
      return undefined;
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && FORBIDDEN_KEYS.includes(pair.key.value)) {
        problems.push({node: pair.key, message: `key '${pair.key.value}' is not allowed`});
        return visit.SKIP;
      }
      return undefined;
    },
    Node(_key, node, path) {
      if (depthReported || !(isMap(node) || isSeq(node))) return undefined;
      const depth = path.filter((ancestor) => isMap(ancestor) || isSeq(ancestor)).length + 1;
      if (depth > MAX_DEPTH) {
        depthReported = true;
        problems.push({node, message: `nested more than ${MAX_DEPTH} levels deep`});
        return visit.SKIP;
      }
      return undefined;
    },
  });
  return problems;
}

/** The first alias in the document (where an alias bomb is reported). */
export function firstAlias(doc: Document): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Alias(_key, node) {
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

export function lineCol(lineCounter: LineCounter, offset: number): {line: number; col: number} {
  const pos = lineCounter.linePos(offset);
  return {line: pos.line, col: pos.col};
}
