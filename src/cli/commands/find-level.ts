// Which level a solution is scored on: --level FILE, --level ID from the campaign, or the solution's own `level`.
import {fileProblem, loadCampaign, loadLevelFile, levelsDir, type ContentProblem} from '../../content/index.js';
import type {Level} from '../../engine/types.js';

const LEVEL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type FoundLevel = {ok: true; level: Level} | {ok: false; problems: ContentProblem[]};

/** `--level` names a file unless it reads as a level id (kebab-case: `stay-up`); `./stay-up` forces a file. */
export function isLevelId(text: string): boolean {
  return LEVEL_ID.test(text);
}

export function findLevel(levelOption: string | undefined, solutionLevelId: string, levelsDirOption: string | undefined): FoundLevel {
  if (levelOption !== undefined && !isLevelId(levelOption)) {
    const loaded = loadLevelFile(levelOption);
    return loaded.ok ? {ok: true, level: loaded.value} : {ok: false, problems: loaded.problems};
  }
  const id = levelOption ?? solutionLevelId;
  const dir = levelsDir(levelsDirOption);
  const campaign = loadCampaign(dir);
  if (!campaign.ok) return {ok: false, problems: campaign.problems};
  const level = campaign.value.levels.find((candidate) => candidate.id === id);
  if (level) return {ok: true, level};
  const known = campaign.value.levels.map((l) => l.id).join(', ') || 'none';
  return {ok: false, problems: [fileProblem(dir, `no level with id '${id}' (levels here: ${known}); pass --level FILE for a level file`)]};
}
