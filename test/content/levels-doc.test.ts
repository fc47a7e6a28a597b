// docs/LEVELS.md keeps its promises: the complete small example validates as printed (start fails, reference
// reaches 3 stars, counterexample fails), plays from a folder with no campaign.yaml, and the instance-type table
// is the catalog's.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {formatProblem, loadCampaign, validateLevelFile} from '../../src/content/index.js';
import {CATALOG} from '../../src/engine/catalog.js';
import {simulate} from '../../src/engine/index.js';

const DOC = readFileSync('docs/LEVELS.md', 'utf8');
const between = (name: string): string => DOC.split(`<!-- ${name}:start -->`)[1]?.split(`<!-- ${name}:end -->`)[0] ?? '';
const temp = mkdtempSync(join(tmpdir(), 'rightsize-levels-doc-'));
afterAll(() => rmSync(temp, {recursive: true, force: true}));

describe('docs/LEVELS.md', () => {
  it('has a complete small example that validates as printed and plays from a folder without campaign.yaml', () => {
    const yaml = /```yaml\n([\s\S]*?)```/.exec(between('example-level'))?.[1] ?? '';
    expect(yaml).toContain('formatVersion: 1');
    const file = join(temp, '01-two-zones.yaml');
    writeFileSync(file, yaml);
    const checked = validateLevelFile(file, {simulate});
    expect(checked.ok ? [] : checked.problems.map(formatProblem)).toEqual([]);
    const campaign = loadCampaign(temp);
    expect(campaign.ok ? campaign.value.levels.map((l) => l.id) : campaign.problems.map(formatProblem)).toEqual(['two-zones']);
  });

  it('lists exactly the catalog instance types, with their sizes and prices', () => {
    const rows = between('instance-types')
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    const listed = rows.map((cells) => cells[1]?.replace(/`/g, ''));
    expect(listed).toEqual(Object.keys(CATALOG.instanceTypes));
    for (const cells of rows) {
      const type = CATALOG.instanceTypes[cells[1]?.replace(/`/g, '') ?? ''];
      expect([cells[4], cells[5], cells[6]]).toEqual([String(type?.vcpu), String(type?.memoryGiB), `$${type?.usdPerHour}`]);
    }
  });
});
