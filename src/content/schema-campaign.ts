// levels/campaign.yaml: the chapters and the order of the levels.
import {z} from 'zod';
import {CHAPTERS} from '../engine/vocab.js';
import {id, list, obj, oneOf, text} from './schema-helpers.js';

export interface CampaignChapter {
  id: (typeof CHAPTERS)[number];
  title: string;
  /** Level ids in play order. */
  levels: string[];
}

/** The title a chapter gets when a folder has no campaign.yaml to name it. */
export const CHAPTER_TITLES: Record<(typeof CHAPTERS)[number], string> = {
  ec2: 'Servers',
  containers: 'Containers',
  serverless: 'Serverless',
  buying: 'Buying compute',
  mixed: 'Mixed finals',
};

export function buildCampaignSchema() {
  return obj(
    {
      formatVersion: z.literal(1, {error: 'must be 1 (the only format version)'}).describe('Always 1.'),
      chapters: list(
        obj(
          {
            id: oneOf(CHAPTERS, 'Chapter id (a level names its chapter).'),
            title: text(100, 'Chapter title.'),
            levels: list(id('A level id.'), 0, 100, 'Level ids in play order.', {unique: true}),
          },
          'A chapter.',
        ),
        1,
        CHAPTERS.length,
        'Chapters in play order.',
      ),
    },
    'The campaign (formatVersion 1).',
  );
}

type Assert<T extends true> = T;
export type ChapterOutputIsChapter = Assert<z.output<ReturnType<typeof buildCampaignSchema>>['chapters'][number] extends CampaignChapter ? true : false>;
