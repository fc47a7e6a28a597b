// The campaign folder: campaign.yaml gives chapters and order; every other *.yaml is a level.
import {mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {formatProblem, loadCampaign} from '../../src/content/index.js';

const temp = mkdtempSync(join(tmpdir(), 'rightsize-campaign-'));
afterAll(() => rmSync(temp, {recursive: true, force: true}));

const CONCEPTS = new Set(['availability-zones', 'load-balancer', 'auto-scaling']);
const GOOD = readFileSync('test/fixtures/levels/good-level.yaml', 'utf8');
const level = (id: string, chapter = 'ec2') => GOOD.replace(/^id: .*$/m, `id: ${id}`).replace(/^chapter: .*$/m, `chapter: ${chapter}`);

function folder(name: string, files: Record<string, string | undefined>): string {
  const dir = join(temp, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) if (text !== undefined) writeFileSync(join(dir, file), text);
  return dir;
}

describe('loadCampaign', () => {
  it('returns the chapters and the levels in campaign order', () => {
    const dir = folder('good', {
      'campaign.yaml': 'formatVersion: 1\nchapters:\n  - {id: ec2, title: EC2, levels: [second, first]}\n  - {id: serverless, title: Serverless, levels: [third]}\n',
      '01-first.yaml': level('first'),
      '02-second.yaml': level('second'),
      '03-third.yaml': level('third', 'serverless'),
      'notes.txt': 'not a level',
    });
    const loaded = loadCampaign(dir, {concepts: CONCEPTS});
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    expect(loaded.value.chapters.map((c) => c.id)).toEqual(['ec2', 'serverless']);
    expect(loaded.value.levels.map((l) => l.id)).toEqual(['second', 'first', 'third']);
    expect(loaded.value.files.get('third')).toBe(join(dir, '03-third.yaml'));
  });

  it.each([
    {
      name: 'a listed level with no file, a file not listed, a chapter mismatch',
      files: {
        'campaign.yaml': 'formatVersion: 1\nchapters:\n  - {id: ec2, title: EC2, levels: [first, ghost]}\n  - {id: mixed, title: Mixed, levels: [second]}\n',
        '01-first.yaml': level('first'),
        '02-second.yaml': level('second'),
        '03-extra.yaml': level('extra'),
      },
      problems: (dir: string) => [
        `${dir}/03-extra.yaml:1:1: level 'extra' is not listed in campaign.yaml`,
        `${dir}/campaign.yaml:3:43 chapters[0].levels[1]: no level with id 'ghost' in ${dir}`,
        `${dir}/campaign.yaml:4:40 chapters[1].levels[0]: level 'second' says chapter 'ec2' but is listed under 'mixed'`,
      ],
    },
    {
      name: 'two files with one id, and a broken level',
      files: {
        'campaign.yaml': 'formatVersion: 1\nchapters:\n  - {id: ec2, title: EC2, levels: [first]}\n',
        '01-first.yaml': level('first'),
        '02-copy.yaml': level('first'),
        '03-broken.yaml': level('broken').replace(/^debrief: \|\n.*\n/m, ''),
      },
      problems: (dir: string) => [
        `${dir}/02-copy.yaml:3:5 id: level id 'first' is also used by ${dir}/01-first.yaml`,
        `${dir}/03-broken.yaml:2:1 debrief: required: a text of 1 to 20000 characters`,
      ],
    },
    {
      name: 'no campaign.yaml and no levels',
      files: {'notes.txt': 'not a level'},
      problems: (dir: string) => [`${dir}:1:1: no level files (*.yaml) and no campaign.yaml in this folder`],
    },
    {
      name: 'no campaign.yaml and a broken level',
      files: {'01-first.yaml': level('first'), '02-broken.yaml': level('broken').replace(/^debrief: \|\n.*\n/m, '')},
      problems: (dir: string) => [`${dir}/02-broken.yaml:2:1 debrief: required: a text of 1 to 20000 characters`],
    },
  ])('$name', ({name, files, problems}) => {
    const dir = folder(name.replace(/\W+/g, '-'), files);
    const loaded = loadCampaign(dir, {concepts: CONCEPTS});
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual(problems(dir));
  });

  it('without campaign.yaml: the levels in file-name order, one chapter per chapter id as the files first name it', () => {
    const dir = folder('no-campaign', {
      '03-third.yaml': level('third', 'serverless'),
      '01-first.yaml': level('first'),
      '02-second.yaml': level('second'),
      '04-fourth.yaml': level('fourth'),
    });
    const loaded = loadCampaign(dir, {concepts: CONCEPTS});
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    expect(loaded.value.levels.map((l) => l.id)).toEqual(['first', 'second', 'third', 'fourth']);
    expect(loaded.value.chapters).toEqual([
      {id: 'ec2', title: 'Servers', levels: ['first', 'second', 'fourth']},
      {id: 'serverless', title: 'Serverless', levels: ['third']},
    ]);
  });

  it('a folder that does not exist', () => {
    const dir = join(temp, 'nowhere');
    const loaded = loadCampaign(dir, {concepts: CONCEPTS});
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([`${dir}:1:1: no such folder`]);
  });
});
