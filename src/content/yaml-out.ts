// A solution as text a player can read, save and edit: every field written (a file keeps its meaning even if
// defaults change), keys in the schema's order, short lists and small mappings on one line.
import {Document, isMap, isSeq, isScalar, visit} from 'yaml';
import type {Solution, Tier} from '../engine/types.js';
import {tierSchema} from './schema-tier.js';

const SOLUTION_KEYS = ['formatVersion', 'level', 'player', 'tiers'] as const;

let tierKeyOrder: Map<string, string[]> | undefined;
function keysFor(compute: string): string[] {
  if (!tierKeyOrder) {
    tierKeyOrder = new Map();
    for (const option of tierSchema().options) {
      const keys = Object.keys(option.shape);
      const compute = option.shape.compute;
      const values = 'options' in compute ? compute.options : [compute.value];
      for (const value of values) tierKeyOrder.set(String(value), keys);
    }
  }
  return tierKeyOrder.get(compute) ?? [];
}

function ordered<T extends object>(value: T, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const key of keys) if (record[key] !== undefined) out[key] = record[key];
  for (const key of Object.keys(record).sort()) if (!(key in out) && record[key] !== undefined) out[key] = record[key];
  return out;
}

function orderedTier(tier: Tier): Record<string, unknown> {
  const out = ordered(tier, keysFor(tier.compute));
  if ('cluster' in tier && tier.cluster) out.cluster = ordered(tier.cluster, ['instanceType', 'count', 'purchase']);
  return out;
}

export function solutionToYaml(solution: Solution): string {
  const value = ordered({...solution, tiers: solution.tiers.map(orderedTier)}, SOLUTION_KEYS);
  const doc = new Document(value);
  visit(doc, {
    Seq(_key, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
    Map(_key, node, path) {
      const inTier = path.filter((ancestor) => isMap(ancestor) || isSeq(ancestor)).length >= 3;
      if (inTier && node.items.every((pair) => isScalar(pair.value))) node.flow = true;
    },
  });
  doc.commentBefore = ` rightsize solution for level ${solution.level}`;
  return doc.toString({lineWidth: 0, flowCollectionPadding: false});
}
