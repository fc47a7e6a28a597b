// The committed JSON Schemas are what the zod schemas generate (run `npm run schema` after changing a schema).
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {assetsDir} from '../../src/content/index.js';
import {jsonSchemaFiles} from '../../src/content/json-schema.js';

describe('JSON Schemas in assets/', () => {
  it.each(jsonSchemaFiles().map((file) => ({...file, label: file.name})))('$label is up to date', ({name, text}) => {
    expect(readFileSync(join(assetsDir(), name), 'utf8')).toBe(text);
  });

  it.each([
    {name: 'level: a field description', file: 'level.schema.json', needle: '"description": "Simulated days (day 0 is a Monday)."'},
    {name: 'level: exam domains are listed for completion', file: 'level.schema.json', needle: '"SAA-C03/resilient"'},
    {name: 'level: unknown keys are refused', file: 'level.schema.json', needle: '"additionalProperties": false'},
    {name: 'solution: tiers are defined once', file: 'solution.schema.json', needle: '"$ref": "#/$defs/Tier"'},
    {name: 'solution: Lambda memory limit', file: 'solution.schema.json', needle: '"maximum": 10240'},
  ])('$name', ({file, needle}) => {
    expect(readFileSync(join(assetsDir(), file), 'utf8')).toContain(needle);
  });
});
