// JSON Schema (draft 2020-12) from the zod schemas, with the `.describe()` texts, for editors.
import {z} from 'zod';
import {levelSchema} from './schema-level.js';
import {solutionSchema} from './schema-solution.js';
import {challengeSchema} from './schema-challenge.js';
import {submissionSchema} from './schema-submission.js';

function toText(schema: z.ZodType, title: string): string {
  const json = z.toJSONSchema(schema, {io: 'input', target: 'draft-2020-12', unrepresentable: 'any'});
  return `${JSON.stringify({title, ...json}, null, 2)}\n`;
}

/** The generated files and their text (the test compares these with the committed assets). */
export function jsonSchemaFiles(): {name: string; text: string}[] {
  return [
    {name: 'level.schema.json', text: toText(levelSchema(), 'rightsize level')},
    {name: 'solution.schema.json', text: toText(solutionSchema(), 'rightsize solution')},
    {name: 'challenge.schema.json', text: toText(challengeSchema(), 'rightsize challenge')},
    {name: 'submission.schema.json', text: toText(submissionSchema(), 'rightsize challenge submission')},
  ];
}
