// The campaign: levels/campaign.yaml gives the chapters and order; every other *.yaml in the folder is a level.
import {existsSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import type {Level} from '../engine/types.js';
import {shippedConceptIds} from './concepts.js';
import {loadLevelFile} from './files.js';
import {loadWith, problemAt} from './load.js';
import {levelsDir} from './paths.js';
import {fileProblem, sortProblems, type ContentProblem, type Loaded} from './problem.js';
import {buildCampaignSchema, CHAPTER_TITLES, type CampaignChapter} from './schema-campaign.js';

export const CAMPAIGN_FILE = 'campaign.yaml';

export interface Campaign {
  chapters: CampaignChapter[];
  /** Every level, in campaign order. */
  levels: Level[];
  /** The file each level was read from, by level id. */
  files: Map<string, string>;
}

export interface CampaignOptions {
  /** Concept ids to check levels against (default: the shipped assets/concepts.yaml). */
  concepts?: ReadonlySet<string>;
}

function levelFileNames(dir: string): Loaded<string[]> {
  try {
    const names = readdirSync(dir, {withFileTypes: true})
      .filter((entry) => entry.isFile() && /\.ya?ml$/i.test(entry.name) && entry.name !== CAMPAIGN_FILE)
      .map((entry) => entry.name)
      .sort();
    return {ok: true, value: names};
  } catch (error) {
    const code = (error as {code?: unknown}).code;
    return {ok: false, problems: [fileProblem(dir, code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'is not a folder' : 'cannot read the folder')]};
  }
}

/**
 * A folder without campaign.yaml (a teacher's own levels): the levels in file-name order, one chapter per chapter id
 * in the order the files first name it.
 */
function chaptersFromFiles(levels: readonly Level[]): CampaignChapter[] {
  const chapters: CampaignChapter[] = [];
  for (const level of levels) {
    let chapter = chapters.find((c) => c.id === level.chapter);
    if (!chapter) {
      chapter = {id: level.chapter, title: CHAPTER_TITLES[level.chapter], levels: []};
      chapters.push(chapter);
    }
    chapter.levels.push(level.id);
  }
  return chapters;
}

/**
 * The campaign in `dir` (default: levelsDir()). Problems for a broken level, a listed level with no file, a file not
 * listed. Without a campaign.yaml, the folder's levels play in file-name order.
 */
export function loadCampaign(dir: string = levelsDir(), options: CampaignOptions = {}): Loaded<Campaign> {
  const names = levelFileNames(dir);
  if (!names.ok) return names;
  const campaignPath = join(dir, CAMPAIGN_FILE);
  const hasCampaignFile = existsSync(campaignPath);
  const campaign = hasCampaignFile ? loadWith(buildCampaignSchema(), campaignPath) : undefined;
  const problems: ContentProblem[] = !campaign || campaign.ok ? [] : [...campaign.problems];
  const concepts = options.concepts ?? shippedConceptIds();

  const byId = new Map<string, Level>();
  const files = new Map<string, string>();
  let brokenFiles = 0;
  for (const name of names.value) {
    const path = join(dir, name);
    const loaded = loadLevelFile(path, {concepts});
    if (!loaded.ok) {
      brokenFiles++;
      problems.push(...loaded.problems);
      continue;
    }
    const level = loaded.value;
    const other = files.get(level.id);
    if (other !== undefined) {
      problems.push(problemAt(loaded.source, ['id'], `level id '${level.id}' is also used by ${other}`));
      continue;
    }
    byId.set(level.id, level);
    files.set(level.id, path);
  }
  if (!campaign) {
    if (names.value.length === 0) problems.push(fileProblem(dir, `no level files (*.yaml) and no ${CAMPAIGN_FILE} in this folder`));
    if (problems.length > 0) return {ok: false, problems: sortProblems(problems)};
    const levels = [...byId.values()]; // inserted in file-name order
    return {ok: true, value: {chapters: chaptersFromFiles(levels), levels, files}};
  }
  if (!campaign.ok) return {ok: false, problems: sortProblems(problems)};

  const listed = new Set<string>();
  const ordered: Level[] = [];
  campaign.value.chapters.forEach((chapter, c) => {
    chapter.levels.forEach((id, l) => {
      const at = ['chapters', c, 'levels', l];
      if (listed.has(id)) problems.push(problemAt(campaign.source, at, `level '${id}' is listed twice`));
      listed.add(id);
      const level = byId.get(id);
      if (!level) {
        const why = brokenFiles > 0 ? ` (or its file has the problems listed)` : '';
        problems.push(problemAt(campaign.source, at, `no level with id '${id}' in ${dir}${why}`));
        return;
      }
      if (level.chapter !== chapter.id) {
        problems.push(problemAt(campaign.source, at, `level '${id}' says chapter '${level.chapter}' but is listed under '${chapter.id}'`));
      }
      ordered.push(level);
    });
  });
  for (const [id, path] of files) {
    if (!listed.has(id)) problems.push(fileProblem(path, `level '${id}' is not listed in ${CAMPAIGN_FILE}`));
  }
  if (problems.length > 0) return {ok: false, problems: sortProblems(problems)};
  return {ok: true, value: {chapters: campaign.value.chapters, levels: ordered, files}};
}
