// rightsize levels [--json]: the campaign by chapter, each level's concepts, and the player's stars.
import {loadCampaign, levelsDir, type Campaign} from '../../content/index.js';
import {loadProgress, type Progress} from '../../store/index.js';
import {EXIT, type ExitCode} from '../exit-codes.js';
import {starMarks, starWords} from '../format.js';
import {reportProblems, type Io} from '../io.js';
import {hanging} from '../wrap.js';

export interface LevelsOptions {
  json?: boolean;
  levels?: string;
}

export interface LevelListing {
  chapters: {
    id: string;
    title: string;
    levels: {id: string; title: string; concepts: string[]; stars: number; bestPoints: number | null}[];
  }[];
}

export function levelListing(campaign: Campaign, progress: Progress): LevelListing {
  const byId = new Map(campaign.levels.map((level) => [level.id, level]));
  return {
    chapters: campaign.chapters.map((chapter) => ({
      id: chapter.id,
      title: chapter.title,
      levels: chapter.levels.flatMap((id) => {
        const level = byId.get(id);
        if (!level) return [];
        const record = Object.hasOwn(progress.levels, id) ? progress.levels[id] : undefined;
        return [{id, title: level.title, concepts: level.concepts, stars: record?.stars ?? 0, bestPoints: record?.bestPoints ?? null}];
      }),
    })),
  };
}

export async function levelsCommand(io: Io, options: LevelsOptions): Promise<ExitCode> {
  const campaign = loadCampaign(levelsDir(options.levels));
  if (!campaign.ok) {
    reportProblems(io, campaign.problems);
    return EXIT.badInput;
  }
  const {progress, notice} = await loadProgress();
  if (notice) io.err(notice);
  const listing = levelListing(campaign.value, progress);
  if (options.json) {
    io.out(JSON.stringify(listing, null, 2));
    return EXIT.ok;
  }
  const lines: string[] = [];
  for (const chapter of listing.chapters) {
    if (lines.length > 0) lines.push('');
    lines.push(io.paint('bold', `${chapter.title} (${chapter.id})`));
    for (const level of chapter.levels) {
      const best = level.bestPoints === null ? 'not played' : `${starWords(level.stars)}, best ${Math.round(level.bestPoints)} pts`;
      lines.push(`  ${io.paint('yellow', starMarks(level.stars))}  ${level.id.padEnd(24)} ${level.title} ${io.paint('dim', `(${best})`)}`);
      lines.push(...hanging('       ', 7, `concepts: ${level.concepts.join(', ')}`, io.columns));
    }
  }
  io.out(lines.join('\n'));
  return EXIT.ok;
}
