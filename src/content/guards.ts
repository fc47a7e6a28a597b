// Guards for untrusted files (solutions come from strangers in a classroom): size before reading,
// nesting depth before and after parsing (never by recursion), alias expansion, and keys that could
// reach an object's prototype.
import {closeSync, openSync, readSync, statSync} from 'node:fs';
import {CST, isMap, isScalar, isSeq, Lexer, visit, type Document, type LineCounter, type Node} from 'yaml';
import {fileProblem, printable, type Loaded} from './problem.js';


export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_DEPTH = 64;
/** yaml's toJS alias budget: an alias bomb stops here. */
export const MAX_ALIASES = 100;
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];
/**
 * The most YAML nodes (values, collections, pairs) one file may hold, counted before any document is built: the
 * parser's memory grows with nodes, and 1 MB of `[]` is 350,000 of them (about 600 MB). The shipped levels have
 * under 1,000; a level with 10 workloads and 20 counterexamples of 10 tiers, about 15,000.
 */
export const MAX_NODES = 50_000;

/** A size in bytes as people read it, exact enough that two different sizes never print the same. */
export function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} bytes`;
}

function limitText(): string {
  return `${formatBytes(MAX_FILE_BYTES)} (1 MB)`;
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
  // A file that grew while it was read is only known to be over the limit (the read stops one byte past it).
  const over = size > MAX_FILE_BYTES + 1 ? formatBytes(size) : `over ${formatBytes(MAX_FILE_BYTES)}`;
  return {ok: false, problems: [fileProblem(path, `file is ${over}; the limit is ${limitText()}`)]};
}

function describeFsError(error: unknown): string {
  const code = (error as {code?: unknown} | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'ELOOP') return 'is a symbolic link that leads back to itself (a loop): point it at a real file';
  if (code === 'ENOTDIR') return 'no such file (a part of the path is a file, not a folder)';
  if (code === 'ENAMETOOLONG') return 'the path is too long';
  return `cannot read: ${error instanceof Error ? error.message : String(error)}`;
}

export {describeFsError};

/** Tokens that start a node: a scalar of any style, a collection, an entry, a pair, an alias. */
const NODE_TOKENS: ReadonlySet<string> = new Set([
  'scalar',
  'single-quoted-scalar',
  'double-quoted-scalar',
  'block-scalar-header',
  'flow-seq-start',
  'flow-map-start',
  'seq-item-ind',
  'map-value-ind',
  'explicit-key-ind',
  'alias',
]);

/**
 * Counts the YAML nodes with yaml's own lexer (linear, streaming: no tree is built) and returns where the count
 * first passes `maxNodes` (1-based line and column).
 */
export function findTooManyNodes(text: string, maxNodes = MAX_NODES): {line: number; col: number} | undefined {
  let nodes = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    // The lexer's control tokens (document start, scalar and flow-error markers) are not in the text.
    const inText = !(token.length === 1 && token < ' ' && token !== '\t' && token !== '\n' && token !== '\r');
    if (type !== null && NODE_TOKENS.has(type) && ++nodes > maxNodes) return lineColAt(text, offset);
    if (inText) offset += token.length;
  }
  return undefined;
}

function lineColAt(text: string, offset: number): {line: number; col: number} {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return {line, col: offset - lineStart + 1};
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
