// From a path in the parsed value (a zod issue's, or the engine's) to the YAML node it came from, and its line:col.
import {isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node} from 'yaml';

export interface Located {
  line: number;
  col: number;
  /** True when the whole path exists in the document; false when the position is the nearest ancestor's. */
  exact: boolean;
}

function resolve(doc: Document, node: unknown): unknown {
  // An alias points at its anchor; follow at most a few hops (anchors cannot form cycles in a parsed document).
  let current = node;
  for (let hops = 0; hops < 8 && isAlias(current); hops++) current = current.resolve(doc);
  return current;
}

function keyMatches(key: unknown, segment: PropertyKey): boolean {
  const value = isScalar(key) ? key.value : key;
  return String(value) === String(segment);
}

/** The node at `path` (or the nearest ancestor), and the key node when the last segment names a map key. */
export function nodeAt(doc: Document, path: readonly PropertyKey[]): {node: Node | undefined; key: Node | undefined; exact: boolean} {
  let node: unknown = doc.contents;
  let key: Node | undefined;
  for (const segment of path) {
    const current = resolve(doc, node);
    let next: unknown;
    let nextKey: Node | undefined;
    if (isMap(current)) {
      const pair = current.items.find((item) => keyMatches(item.key, segment));
      if (pair) {
        next = pair.value ?? pair.key;
        nextKey = isScalar(pair.key) ? pair.key : undefined;
      }
    } else if (isSeq(current) && typeof segment === 'number') {
      next = current.items[segment];
    }
    if (next === undefined || next === null) return {node: current as Node | undefined, key: nextKey ?? key, exact: false};
    node = next;
    key = nextKey;
  }
  return {node: (node ?? undefined) as Node | undefined, key, exact: true};
}

function position(lineCounter: LineCounter, node: Node | undefined): {line: number; col: number} {
  const offset = node?.range?.[0] ?? 0;
  return lineCounter.linePos(offset);
}

/** line:col of the value at `path`; for a missing key, the mapping that should hold it. */
export function locate(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): Located {
  const found = nodeAt(doc, path);
  return {...position(lineCounter, found.node), exact: found.exact};
}

/** line:col of a key (an unknown key is reported where it is written, not at its value). */
export function locateKey(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[], key: string): Located {
  const found = nodeAt(doc, path);
  const map = resolve(doc, found.node);
  if (found.exact && isMap(map)) {
    const pair = map.items.find((item) => keyMatches(item.key, key));
    if (pair && isScalar(pair.key)) return {...position(lineCounter, pair.key), exact: true};
  }
  return {...position(lineCounter, found.node), exact: false};
}
