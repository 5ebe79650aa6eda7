import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../src/pipeline.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../src/store/schema.js';
import { hasWords, openStore, SqliteStore, type Store } from '../src/store/index.js';
import { analyze } from '../src/nlp/index.js';
import { StoreError } from '../src/errors.js';
import { ARTICLES, ROOT, tempDir } from './helpers.js';
import { usePostgres } from './postgres-server.js';

const seed = (name: string) => {
  const path = join(ARTICLES, name);
  return extractDocument({ source: path, bytes: readFileSync(path) });
};

/** Rows in each table under an article, read from the database itself. */
const ROW_TABLES = ['articles', 'article_entities', 'mentions', 'attributions', 'claims', 'claim_entities', 'claim_sources', 'sources', 'source_mentions'];
async function rowCounts(location: string): Promise<Record<string, number>> {
  const sql = ROW_TABLES.map((t) => `SELECT '${t}' AS t, count(*) AS n FROM ${t}`).join(' UNION ALL ');
  let rows: Array<{ t: string; n: number | string }>;
  if (location.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    rows = (await client.query(sql)).rows;
    await client.end();
  } else {
    const db = new Database(location, { readonly: true });
    rows = db.prepare(sql).all() as typeof rows;
    db.close();
  }
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

// The same cases on both stores: a SQLite file, and a database on a real PostgreSQL postgres().
const postgres = usePostgres();
let databases = 0;

describe.each(['sqlite', 'postgres'] as const)('%s', (backend) => {
  const open = async (name: string): Promise<Store> =>
    backend === 'sqlite' ? openStore(join(tempDir(), `${name}.db`)) : openStore(await postgres().createDb(`${name}_${++databases}`));

  describe('store', () => {
    it('gives back exactly what was stored (round trip)', async () => {
      const store = await open('a');
      const r = seed('000_e46a63b45c546be4.txt');
      expect(await store.save(r)).toBe('stored');
      const back = (await store.show(r.article.id))!;
      const { status: _status, ...expected } = r;
      // Exactly the contract: no field of the store's own (a row id) leaks into it.
      expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(expected)));
      await store.close();
    });

    it('keeps text with quotes, backslashes and dollar signs exactly', async () => {
      const store = await open('chars');
      const text = `The mayor said the fund "will pay $& and $' to O'Brien's firm", adding that C:\\data\\new held $1::json and \u2019quotes\u2019.\n\nOfficials said the council's report found 40% of roads were in poor repair.`;
      const r = extractDocument({ source: 'chars.txt', bytes: Buffer.from(text) });
      expect(r.attributions.length).toBeGreaterThan(0);
      await store.save(r);
      const { status: _status, ...expected } = r;
      expect(JSON.parse(JSON.stringify(await store.show(r.article.id)))).toEqual(JSON.parse(JSON.stringify(expected)));
      await store.close();
    });

    it('replaces an article extracted again instead of duplicating it, leaving none of its old rows', async () => {
      const location = backend === 'sqlite' ? join(tempDir(), 'b.db') : await postgres().createDb(`b_${++databases}`);
      const store = await openStore(location);
      const r = seed('002_c9b2537f039fadbd.txt');
      await store.save(r);
      // Counts, not size: PostgreSQL keeps the replaced rows' space until a vacuum.
      const { bytes: _before, ...before } = await store.stats();
      const rowsBefore = await rowCounts(location);
      expect(rowsBefore.mentions).toBeGreaterThan(0);
      expect(rowsBefore.claim_entities).toBeGreaterThan(0);
      expect(await store.save(r)).toBe('updated');
      const { bytes: _after, ...after } = await store.stats();
      expect(after).toEqual(before);
      expect(await rowCounts(location)).toEqual(rowsBefore);
      expect((await store.search('child exploitation')).length).toBeGreaterThan(0);
      await store.close();
    });

    it('matches --source and sources --name as whole words', async () => {
      expect(hasWords('Reporters Without Borders', 'report')).toBe(false);
      expect(hasWords('Oxfam report', 'report')).toBe(true);
      expect(hasWords('reuters.com', 'reuters')).toBe(true);
      expect(hasWords('https://www.reuters.com/world', 'reuters.com')).toBe(true);
      expect(hasWords('the BBC', 'bbc')).toBe(true);
      expect(hasWords('BBCNews', 'bbc')).toBe(false);
      expect(hasWords(null, 'x')).toBe(false);
      expect(hasWords('cost (a+b)', 'a+b')).toBe(true);
    });

    it('keeps documents named only by what they are apart across articles, and joins named ones', async () => {
      const store = await open('docs');
      const texts = [
        'A report found that house prices rose by 5% in March. An Oxfam report found that 40 million people in Africa face hunger this year.',
        'A report found that unemployment fell by 20,000 in the north of England. An Oxfam report found that aid to Malawi fell by a third in 2004.',
      ];
      for (const [i, text] of texts.entries()) await store.save({ article: { id: `a${i}`.padEnd(12, '0'), source: `t${i}.txt`, url: null, title: null, byline: null, published: null, site: null, language: null, text, sha256: `${i}`.repeat(64) }, ...analyze(text) });
      const docs = await store.sources({ kind: 'document' });
      expect(docs.filter((d) => d.name === 'Oxfam report')).toEqual([expect.objectContaining({ articles: 2 })]);
      const generic = docs.filter((d) => d.name === 'report');
      expect(generic).toHaveLength(2);
      expect(generic.every((d) => d.articles === 1)).toBe(true);
      // "report" does not find "Oxfam report"'s neighbours by substring, only by word.
      expect(await store.sources({ name: 'port' })).toEqual([]);
      expect((await store.sources({ name: 'oxfam' })).map((d) => d.name)).toEqual(['Oxfam report']);
      await store.close();
    });

    it('keeps one entity row across articles with counts of articles and mentions', async () => {
      const store = await open('c');
      for (const f of ['000_e46a63b45c546be4.txt', '001_0182837d26875113.txt', '002_c9b2537f039fadbd.txt']) await store.save(seed(f));
      const meta = (await store.entities({ name: 'Meta' })).filter((e) => e.name === 'Meta');
      expect(meta).toHaveLength(1);
      expect(meta[0]!.articles).toBe(3);
      expect(meta[0]!.mentions).toBeGreaterThan(20);
      await store.close();
    });

    it('filters claims by speaker, entity and source, binding user text as parameters', async () => {
      const store = await open('d');
      await store.save(seed('000_e46a63b45c546be4.txt'));
      await store.save(seed('001_0182837d26875113.txt'));
      expect((await store.claims({ speaker: 'Pineau' })).every((c) => c.speaker?.name === 'Joelle Pineau')).toBe(true);
      expect((await store.claims({ speaker: 'Pineau' })).length).toBeGreaterThan(0);
      expect((await store.claims({ source: 'reuters.com' })).map((c) => c.text)).toEqual([expect.stringContaining('not specified [3]')]);
      expect(await store.claims({ entity: 'ChatGPT' })).toHaveLength(1);
      const claimsBefore = (await store.stats()).claims;
      for (const evil of ["'; DROP TABLE claims; --", '%', '_', '"', "' OR 1=1 --", 'NEAR(', '*']) {
        expect(await store.claims({ speaker: evil })).toEqual([]);
        expect(await store.claims({ entity: evil, source: evil })).toEqual([]);
        await expect(store.search(evil)).resolves.toBeInstanceOf(Array);
      }
      expect(await store.search('%')).toEqual([]);
      expect((await store.stats()).claims).toBe(claimsBefore);
      await store.close();
    });

    it('filters claims and search results by the kind of their attribution', async () => {
      const store = await open('k');
      const text = [
        'Figures from the Office for National Statistics showed that unemployment rose by 40,000 in March.',
        'The minister Alan Brooks said that the rise was caused by the closure of two steel plants.',
        'Alan Brooks wants to open a new training centre in Leeds before the end of the year.',
      ].join('\n\n');
      const r = extractDocument({ source: 'kinds.txt', bytes: Buffer.from(text) });
      expect(r.attributions.map((a) => a.kind)).toEqual(['found', 'said', 'thought']);
      await store.save(r);
      expect((await store.show(r.article.id))!.attributions.map((a) => a.kind)).toEqual(['found', 'said', 'thought']);
      const said = await store.claims({ kind: 'said' });
      expect(said.map((c) => c.text)).toEqual([expect.stringContaining('steel plants')]);
      expect(said[0]!.kind).toBe('said');
      expect((await store.claims({ kind: 'found' })).map((c) => c.text)).toEqual([expect.stringContaining('unemployment rose')]);
      expect(await store.search('unemployment', { kind: 'said' })).toEqual([]);
      expect((await store.search('unemployment', { kind: 'found' })).length).toBeGreaterThan(0);
      await store.close();
    });
  });

  describe('store: one row per real thing across articles', () => {
    const doc = (text: string) => extractDocument({ source: `${text.slice(0, 12)}.txt`, bytes: Buffer.from(text) });
    const people = async (store: Store) => (await store.entities({ type: 'person' })).map((e) => e.name).sort();

    it('folds a bare surname into the one full name that owns it, whichever article comes first', async () => {
      const store = await open('blair');
      await store.save(doc('Mr Blair said the election would be held in May. Blair spoke in Sedgefield.'));
      await store.save(doc('Tony Blair met union leaders in London on Monday. Mr Blair said the talks went well.'));
      await store.save(doc('Blair told reporters that the economy was strong and growing.'));
      expect(await people(store)).toEqual(['Tony Blair']);
      const row = (await store.entities({ name: 'Blair' }))[0]!;
      expect(row.articles).toBe(3);
      // Queries take any form the person goes by, "Mr Blair" included.
      expect((await store.claims({ speaker: 'Mr Blair', threshold: 0 })).length).toBeGreaterThan(0);
      expect((await store.entities({ name: 'Mr Blair' })).map((e) => e.name)).toEqual(['Tony Blair']);
      await store.close();
    });

    it('keeps two people who share a surname apart, and a bare surname between them on its own', async () => {
      const store = await open('brown');
      await store.save(doc('Gordon Brown presented the budget on Wednesday. Mr Brown said growth was strong.'));
      await store.save(doc('Nick Brown, the chief whip, met MPs on Thursday. Mr Brown said the vote was safe.'));
      await store.save(doc('Brown said the figures would be published next week.'));
      expect(await people(store)).toEqual(['Brown', 'Gordon Brown', 'Nick Brown']);
      await store.close();
    });

    it('keeps one row for the forms of an organisation: clipped, singular, with or without a suffix', async () => {
      const store = await open('parties');
      await store.save(doc('The Lib Dems want to scrap tuition fees, Charles Kennedy said on Monday.'));
      await store.save(doc('The Liberal Democrats will publish their manifesto in April, the party said.'));
      await store.save(doc('The Labour Party said it would win. Labour leads in the polls by five points.'));
      await store.save(doc('Labour said the economy had grown for 30 quarters in a row.'));
      const orgs = (await store.entities({ type: 'organization' })).map((e) => e.name);
      expect(orgs.filter((n) => /lib/i.test(n))).toEqual(['Liberal Democrats']);
      expect(orgs.filter((n) => /labour/i.test(n))).toEqual(['Labour Party']);
      // Other names of one body (data/aliases.tsv) share its row too.
      await store.save(doc('The Tories said they would cut taxes. Michael Howard said the Conservatives were ready.'));
      await store.save(doc('The Conservative Party launched its manifesto in London on Monday.'));
      expect((await store.entities({ type: 'organization' })).map((e) => e.name).filter((n) => /tor|conserv/i.test(n))).toEqual(['Conservative Party']);
      await store.close();
    });
  });

});

describe('store: SQLite files', () => {
  it('upgrades a database of schema 1: attributions stored before are kept, as said; entities get their last word', async () => {
    const path = join(tempDir(), 'v1.db');
    const old = new Database(path);
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO articles (id, uid, sha256, source, text, extracted_at) VALUES (1, 'abc', 'abcdef', 'x.txt', 'Tom said hi.', 'now')").run();
    old.prepare("INSERT INTO attributions (article_id, local_id, speaker_name, cue, content, start, end, content_spans, direct) VALUES (1, 'a1', 'Tom', 'said', 'hi', 9, 11, '[]', 0)").run();
    old.prepare("INSERT INTO entities (name, type, key) VALUES ('Tony Blair', 'person', 'tony blair'), ('Blair', 'person', 'blair')").run();
    old.close();
    const store = SqliteStore.open(path);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.db.prepare('SELECT last_word FROM entities ORDER BY id').all()).toEqual([{ last_word: 'blair' }, { last_word: 'blair' }]);
    expect((await store.show('abc'))!.attributions.map((a) => [a.content, a.kind])).toEqual([['hi', 'said']]);
    await store.close();
  });


  it('refuses a file that is not SQLite, a corrupt database and a newer schema, leaving them untouched', async () => {
    const dir = tempDir();
    const notDb = join(dir, 'notes.db');
    writeFileSync(notDb, 'these are my notes, not a database');
    expect(() => SqliteStore.open(notDb)).toThrow(/not a SQLite database/);
    expect(readFileSync(notDb, 'utf8')).toBe('these are my notes, not a database');

    const corrupt = join(dir, 'corrupt.db');
    const good = SqliteStore.open(corrupt);
    await good.save(seed('002_c9b2537f039fadbd.txt'));
    await good.close();
    const bytes = readFileSync(corrupt);
    bytes.fill(0x41, 100, 4096 * 2);
    writeFileSync(corrupt, bytes);
    expect(() => SqliteStore.open(corrupt)).toThrow(/corrupt|malformed|not a database/);
    expect(readFileSync(corrupt).equals(bytes)).toBe(true);

    const newer = join(dir, 'newer.db');
    const db = new Database(newer);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => SqliteStore.open(newer)).toThrow(/newer newsclaims/);
  });
});

describe('store: another process holding the database', () => {
  /** A second process that takes the write lock, says so, and keeps it for `ms`. */
  function holdLock(path: string, ms: number, setup = ''): Promise<ChildProcess> {
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(${JSON.stringify(path)});
      ${setup}
      db.exec('BEGIN EXCLUSIVE');
      process.stdout.write('locked\\n');
      setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${ms});`;
    const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    return new Promise((resolve) => child.stdout!.once('data', () => resolve(child)));
  }
  const exited = (c: ChildProcess) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : c.once('exit', resolve)));

  it('waits for a lock held briefly, when opening a new file and when writing', async () => {
    const path = join(tempDir(), 'brief.db');
    let holder = await holdLock(path, 400, "db.exec('CREATE TABLE t (x)');");
    const store = SqliteStore.open(path, { busyTimeoutMs: 5000 });
    await exited(holder);
    holder = await holdLock(path, 400);
    expect(await store.save(seed('001_0182837d26875113.txt'))).toBe('stored');
    await exited(holder);
    await store.close();
  });

  it('says another process holds the database when the lock outlasts the timeout', async () => {
    const dir = tempDir();
    const fresh = join(dir, 'fresh.db');
    let holder = await holdLock(fresh, 3000, "db.exec('CREATE TABLE t (x)');");
    expect(() => SqliteStore.open(fresh, { busyTimeoutMs: 300 })).toThrow(
      new StoreError(`cannot use database '${fresh}': another process holds it locked (waited 0.3 s; try again when it has finished)`),
    );
    await exited(holder);

    const path = join(dir, 'busy.db');
    await SqliteStore.open(path).close();
    holder = await holdLock(path, 3000);
    const store = SqliteStore.open(path, { busyTimeoutMs: 300 });
    await expect(store.save(seed('001_0182837d26875113.txt'))).rejects.toThrow(/another process holds it locked/);
    await store.close();
    await exited(holder);
  });
});

