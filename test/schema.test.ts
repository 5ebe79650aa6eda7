// Every command's JSON output, checked against the published schemas in schema/.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES, ROOT, run, tempDir } from './helpers.js';

const SCHEMA_DIR = join(ROOT, 'schema');
const ajv = new Ajv2020({ allErrors: true, strict: true });
for (const f of readdirSync(SCHEMA_DIR)) ajv.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, f), 'utf8')));

/** The rows a command prints in a format, parsed. */
function rowsOf(args: string[], format: 'json' | 'ndjson'): unknown[] {
  const r = run([...args, '--format', format]);
  expect(r.stderr).not.toMatch(/^newsclaims:/m);
  expect(r.code).toBe(0);
  if (format === 'json') {
    const v = JSON.parse(r.stdout) as unknown;
    return Array.isArray(v) ? v : [v];
  }
  return r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
}

function expectValid(schema: string, rows: unknown[]): void {
  const validate = ajv.getSchema(schema)!;
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    if (!validate(row)) throw new Error(`${schema}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(row).slice(0, 300)}`);
  }
}

/** The columns a CSV row of this schema has: nested objects become dotted names. */
function csvColumns(schema: string): string[] {
  const s = ajv.getSchema(schema)!.schema as { properties: Record<string, unknown> };
  return Object.keys(s.properties).flatMap((k) => (k === 'speaker' ? ['speaker.name', 'speaker.entityId'] : [k]));
}

describe('JSON Schemas (schema/)', () => {
  const db = join(tempDir(), 'schema.db');
  let id = '';

  beforeAll(() => {
    const r = run(['extract', ARTICLES, '--db', db, '--format', 'json', '--quiet']);
    expect(r.code).toBe(0);
    id = (JSON.parse(r.stdout) as Array<{ article: { id: string } }>)[0]!.article.id;
  });

  it('are valid schemas themselves', () => {
    for (const f of readdirSync(SCHEMA_DIR)) expect(ajv.getSchema(f), f).toBeDefined();
    // And they are not vacuous: a record with a field of the store's own is refused.
    const record = rowsOf(['show', id, '--db', db], 'json')[0] as { entities: Array<Record<string, unknown>> };
    record.entities[0]!.storeId = 7;
    expect(ajv.getSchema('article.schema.json')!(record)).toBe(false);
  });

  it('describe what extract prints, stored, unchanged, with --all and without a store', () => {
    for (const format of ['json', 'ndjson'] as const) {
      expectValid('article.schema.json', rowsOf(['extract', ARTICLES, '--db', db], format));
      expectValid('article.schema.json', rowsOf(['extract', join(ARTICLES, '001_0182837d26875113.txt'), '--no-store', '--all'], format));
    }
  });

  it('describe show, claims, entities, sources, articles, search and stats, in JSON and NDJSON', () => {
    for (const format of ['json', 'ndjson'] as const) {
      expectValid('article.schema.json', rowsOf(['show', id, '--db', db], format));
      expectValid('claim-row.schema.json', rowsOf(['claims', '--all', '--db', db], format));
      expectValid('claim-row.schema.json', rowsOf(['claims', '--speaker', 'Pineau', '--db', db], format));
      expectValid('entity-row.schema.json', rowsOf(['entities', '--db', db], format));
      expectValid('source-row.schema.json', rowsOf(['sources', '--db', db], format));
      expectValid('article-row.schema.json', rowsOf(['articles', '--db', db], format));
      expectValid('search-row.schema.json', rowsOf(['search', 'Meta', '--db', db], format));
      expectValid('stats.schema.json', rowsOf(['stats', '--db', db], format));
    }
  });

  it('name the columns of every CSV', () => {
    for (const [args, schema] of [
      [['claims', '--all'], 'claim-row.schema.json'],
      [['entities'], 'entity-row.schema.json'],
      [['sources'], 'source-row.schema.json'],
      [['articles'], 'article-row.schema.json'],
      [['search', 'Meta'], 'search-row.schema.json'],
      [['stats'], 'stats.schema.json'],
    ] as const) {
      const header = run([...args, '--db', db, '--format', 'csv']).stdout.split('\n')[0]!;
      expect(header.split(','), args[0]).toEqual(csvColumns(schema));
    }
  });
});
