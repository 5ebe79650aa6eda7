// The PostgreSQL store through the command line, on a real server (see postgres-server.ts): the
// same answers as SQLite, two writers at once, import both ways, a restart mid-batch, bad input.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { literal, quoteText } from '../src/store/postgres.js';
import { PG_MIGRATIONS, PG_SCHEMA_VERSION } from '../src/store/schema-pg.js';
import { ARTICLES, BIN, ROOT, runAsync, tempDir } from './helpers.js';
import { PG_PASSWORD, usePostgres } from './postgres-server.js';

const postgres = usePostgres();

const HTML = join(ROOT, 'fixtures', 'html');
const json = (stdout: string) => JSON.parse(stdout) as Array<Record<string, unknown>>;

/** Short news texts of our own, each distinct, for batches. */
function briefs(dir: string, from: number, to: number): string[] {
  mkdirSync(dir, { recursive: true });
  const towns = ['Leeds', 'Bristol', 'Cardiff', 'Glasgow', 'Norwich', 'Exeter', 'York', 'Derby'];
  const paths: string[] = [];
  for (let i = from; i < to; i++) {
    const path = join(dir, `brief-${String(i).padStart(3, '0')}.txt`);
    const town = towns[i % towns.length];
    writeFileSync(
      path,
      `${town} council approves budget ${i}\n\n${town} Council approved a budget of £${100 + i}m on Tuesday, raising council tax by ${(i % 5) + 1}%.\n\n` +
        `"We had no other choice," said Margaret Ellison, the council leader. A report by the Audit Office found that ${i * 10} homes were at risk of flooding.`,
    );
    paths.push(path);
  }
  return paths;
}

/** What a command prints, without what differs by store: row ids, timestamps, sizes and search ranks. */
function comparable(cmd: string, rows: Array<Record<string, unknown>>): unknown {
  if (cmd === 'entities') return rows.map(({ id: _id, ...r }) => r);
  if (cmd === 'articles') return rows.map(({ extractedAt: _t, ...r }) => r);
  if (cmd === 'search') return rows.map(({ rank: _r, ...r }) => r).sort((a, b) => `${a.kind}${a.article}${a.id}`.localeCompare(`${b.kind}${b.article}${b.id}`));
  return rows;
}

describe('PostgreSQL literals', () => {
  it("quotes text as the driver's escapeLiteral does, backslashes and all", () => {
    for (const s of ['', 'plain', "O'Brien's", "''", 'C:\\data\\new', "it's \\ both", '$& $1::json', '\u2019\n\t', '\\']) {
      expect(quoteText(s)).toBe(pg.escapeLiteral(s));
    }
  });

  it('writes an array of names as the array literal the driver would send, quoted', () => {
    const names = ['Blair', 'Mr "Tony" Blair', 'C:\\x', "O'Brien", 'a,b {c}', ''];
    expect(literal(names)).toBe(pg.escapeLiteral(String(pg.utils.prepareValue(names))));
  });
});

describe('PostgreSQL through the command line', () => {
  it('answers articles, claims, entities, sources, search and show as SQLite does for the same articles', async () => {
    const file = join(tempDir(), 'same.db');
    const url = await postgres().createDb('same');
    for (const db of [file, url]) {
      const r = await runAsync(['extract', ARTICLES, HTML, '--db', db, '--quiet']);
      expect(r.code, r.stderr).toBe(0);
    }
    const queries: string[][] = [
      ['articles'],
      ['claims', '--all'],
      ['claims', '--speaker', 'Pineau', '--all'],
      ['claims', '--entity', 'Meta'],
      ['claims', '--source', 'reuters.com'],
      ['entities'],
      ['sources'],
      ['search', 'open', 'source'],
      ['search', 'flood'],
    ];
    for (const q of queries) {
      const [a, b] = await Promise.all([file, url].map((db) => runAsync([...q, '--db', db, '--format', 'json'])));
      expect(a!.code, a!.stderr).toBe(0);
      expect(b!.code, b!.stderr).toBe(0);
      const rows = json(a!.stdout);
      expect(rows.length, q.join(' ')).toBeGreaterThan(0);
      expect(comparable(q[0]!, json(b!.stdout)), q.join(' ')).toEqual(comparable(q[0]!, rows));
    }
    const ids = json((await runAsync(['articles', '--db', file, '--format', 'json'])).stdout).map((a) => a.id as string);
    for (const id of ids) {
      const [a, b] = await Promise.all([file, url].map((db) => runAsync(['show', id, '--db', db, '--format', 'json', '--all'])));
      expect(JSON.parse(b!.stdout)).toEqual(JSON.parse(a!.stdout));
    }
  }, 120_000);

  it('takes two extract processes at once over overlapping lists: each article stored once, both exit 0', async () => {
    const url = await postgres().createDb('writers');
    const dir = tempDir();
    const all = briefs(dir, 0, 30);
    const [one, two] = await Promise.all([runAsync(['extract', ...all.slice(0, 20), '--db', url, '--quiet', '--jobs', '1']), runAsync(['extract', ...all.slice(10), '--db', url, '--quiet', '--jobs', '1'])]);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    const stored = json((await runAsync(['articles', '--db', url, '--format', 'json'])).stdout);
    expect(stored).toHaveLength(30);
    expect(new Set(stored.map((a) => a.source)).size).toBe(30);
    // One row per entity, whoever wrote it first.
    const entities = json((await runAsync(['entities', '--db', url, '--format', 'json'])).stdout);
    expect(entities.filter((e) => e.name === 'Margaret Ellison')).toEqual([expect.objectContaining({ articles: 30 })]);
  }, 120_000);

  it('imports a SQLite database into PostgreSQL and that into a new SQLite file, row for row; a second import adds nothing', async () => {
    const dir = tempDir();
    const first = join(dir, 'first.db');
    const back = join(dir, 'back.db');
    const url = await postgres().createDb('imported');
    expect((await runAsync(['extract', ARTICLES, HTML, ...briefs(join(dir, 'b'), 0, 6), '--db', first, '--quiet'])).code).toBe(0);
    const into = await runAsync(['import', first, '--db', url]);
    expect(into.code, into.stderr).toBe(0);
    expect(into.stderr).toMatch(/: 11 articles imported, 0 already there → postgres:\/\/postgres:\*\*\*@/);
    expect(into.stderr).not.toContain(PG_PASSWORD);
    const again = await runAsync(['import', first, '--db', url]);
    expect(again.stderr).toMatch(/: 0 articles imported, 11 already there/);
    expect((await runAsync(['import', url, '--db', back])).code).toBe(0);
    for (const q of [['articles'], ['claims', '--all'], ['entities'], ['sources']]) {
      const [a, b] = await Promise.all([first, back].map((db) => runAsync([...q, '--db', db, '--format', 'json'])));
      expect(comparable(q[0]!, json(b!.stdout)), q.join(' ')).toEqual(comparable(q[0]!, json(a!.stdout)));
    }
    for (const a of json((await runAsync(['articles', '--db', first, '--format', 'json'])).stdout)) {
      const [x, y] = await Promise.all([first, back].map((db) => runAsync(['show', a.id as string, '--db', db, '--format', 'json', '--all'])));
      expect(JSON.parse(y!.stdout)).toEqual(JSON.parse(x!.stdout));
    }
  }, 120_000);

  it('keeps the finished articles when the server restarts mid-batch, and the rerun completes', async () => {
    const url = await postgres().createDb('restart');
    const inputs = briefs(join(tempDir(), 'r'), 0, 60);
    const batch = runAsync(['extract', ...inputs, '--db', url, '--quiet', '--jobs', '1']);
    await new Promise((r) => setTimeout(r, 2500));
    await postgres().restart(1000);
    const first = await batch;
    // Each article's transaction is retried across the restart; one that outlasts the retries is a one-line error.
    for (const line of first.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^newsclaims: /);
    const rerun = await runAsync(['extract', ...inputs, '--db', url, '--quiet', '--jobs', '1']);
    expect(rerun.code, rerun.stderr).toBe(0);
    const stored = json((await runAsync(['articles', '--db', url, '--format', 'json'])).stdout);
    expect(stored).toHaveLength(60);
  }, 180_000);

  it('leaves whole articles only when a writer is killed mid-batch, and the rerun resumes', async () => {
    const url = await postgres().createDb('killed');
    const inputs = briefs(join(tempDir(), 'k'), 0, 120);
    const child = spawn(process.execPath, [BIN, 'extract', ...inputs, '--db', url, '--quiet', '--jobs', '1'], { stdio: 'ignore' });
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const count = async () => Number((await db.query('SELECT count(*) AS n FROM articles').catch(() => ({ rows: [{ n: 0 }] }))).rows[0].n);
    // Killed once a few articles are in (the table exists once the run has migrated).
    while ((await count()) < 3) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    // Every stored article has all its rows: each has its claims, and no row points at a missing article.
    const partial = await db.query('SELECT count(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id)');
    expect(Number(partial.rows[0].n)).toBe(0);
    const stored = await count();
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(120);
    await db.end();
    const rerun = await runAsync(['extract', ...inputs, '--db', url, '--jobs', '1']);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toMatch(new RegExp(`^${120 - stored} articles, \\d+ claims, 0 failed, ${stored} unchanged`, 'm'));
    expect(json((await runAsync(['articles', '--db', url, '--format', 'json'])).stdout)).toHaveLength(120);
  }, 120_000);

  it('migrates a database of schema 1 forward: its rows stay, and the foreign keys 2 and 3 drop are gone', async () => {
    const url = await postgres().createDb('schema1');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE TABLE newsclaims_schema (version INTEGER NOT NULL); INSERT INTO newsclaims_schema VALUES (1); ${PG_MIGRATIONS[0]}`);
    await client.query("INSERT INTO entities (name, type, key, last_word) VALUES ('Margaret Ellison', 'person', 'margaret ellison', 'ellison')");
    const keys = async () => (await client.query("SELECT conname FROM pg_constraint WHERE contype = 'f' AND confrelid = 'entities'::regclass ORDER BY conname")).rows.map((r) => r.conname);
    expect(await keys()).toContain('mentions_entity_id_fkey');
    const first = await runAsync(['extract', join(ARTICLES, readdirSync(ARTICLES)[0]!), '--db', url, '--quiet']);
    expect(first.code).toBe(0);
    expect((await client.query('SELECT version FROM newsclaims_schema')).rows[0].version).toBe(PG_SCHEMA_VERSION);
    expect(await keys()).toEqual(['article_entities_entity_id_fkey', 'entity_aliases_entity_id_fkey']);
    // Nothing points at an article, a claim or a source by a key: they are written and replaced with their rows.
    expect((await client.query("SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f' AND confrelid IN ('articles'::regclass, 'claims'::regclass, 'sources'::regclass)")).rows[0].n).toBe(0);
    expect((await client.query("SELECT count(*)::int AS n FROM entities WHERE name = 'Margaret Ellison'")).rows[0].n).toBe(1);
    expect((await client.query('SELECT count(*)::int AS n FROM articles')).rows[0].n).toBe(1);
    await client.end();
  }, 60_000);

  it('gives a one-line error for a bad URL, a refused connection, a wrong password and a newer schema, never printing the password', async () => {
    const bad = await runAsync(['stats', '--db', 'postgres://postgres:s3cret-pw@127.0.0.1:99999/news']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe("newsclaims: --db 'postgres://postgres:***@127.0.0.1:99999/news': not a valid PostgreSQL URL (postgres://user:password@host:port/database)\n");

    const refused = await runAsync(['stats', '--db', `postgres://postgres:s3cret-pw@127.0.0.1:${postgres().port + 1}/news`]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^newsclaims: cannot connect to PostgreSQL at 'postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/news': connection refused \(is the server running\?\)\n$/);

    const wrong = await runAsync(['extract', ARTICLES, '--db', `postgres://postgres:not-the-password@127.0.0.1:${postgres().port}/postgres`]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^newsclaims: cannot connect to PostgreSQL at '[^']*': password authentication failed for user "postgres"\n$/);
    expect(wrong.stdout + wrong.stderr).not.toContain('not-the-password');

    const url = await postgres().createDb('newer');
    expect((await runAsync(['extract', join(ARTICLES, readdirSync(ARTICLES)[0]!), '--db', url, '--quiet'])).code).toBe(0);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('UPDATE newsclaims_schema SET version = version + 1');
    await client.end();
    const newer = await runAsync(['claims', '--db', url]);
    expect(newer.code).toBe(1);
    expect(newer.stderr).toMatch(new RegExp(String.raw`^newsclaims: database 'postgres://postgres:\*\*\*@[^']*' was written by a newer newsclaims \(schema ${PG_SCHEMA_VERSION + 1}; this one knows ${PG_SCHEMA_VERSION}\)\n$`));
  }, 120_000);
});
