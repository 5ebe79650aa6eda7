import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../src/pipeline.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../src/store/schema.js';
import { hasWords, Store } from '../src/store/index.js';
import { analyze } from '../src/nlp/index.js';
import { StoreError } from '../src/errors.js';
import { ARTICLES, ROOT, tempDir } from './helpers.js';

const seed = (name: string) => {
  const path = join(ARTICLES, name);
  return extractDocument({ source: path, bytes: readFileSync(path) });
};

describe('store', () => {
  it('gives back exactly what was stored (round trip)', () => {
    const store = Store.open(join(tempDir(), 'a.db'));
    const r = seed('000_e46a63b45c546be4.txt');
    expect(store.save(r)).toBe('stored');
    const back = store.show(r.article.id)!;
    const { status: _status, ...expected } = r;
    // Exactly the contract: no field of the store's own (a row id) leaks into it.
    expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(expected)));
    store.close();
  });

  it('replaces an article extracted again instead of duplicating it', () => {
    const store = Store.open(join(tempDir(), 'b.db'));
    const r = seed('002_c9b2537f039fadbd.txt');
    store.save(r);
    const before = store.stats();
    expect(store.save(r)).toBe('updated');
    expect(store.stats()).toEqual(before);
    expect(store.search('child exploitation').length).toBeGreaterThan(0);
    store.close();
  });

  it('matches --source and sources --name as whole words', () => {
    expect(hasWords('Reporters Without Borders', 'report')).toBe(false);
    expect(hasWords('Oxfam report', 'report')).toBe(true);
    expect(hasWords('reuters.com', 'reuters')).toBe(true);
    expect(hasWords('https://www.reuters.com/world', 'reuters.com')).toBe(true);
    expect(hasWords('the BBC', 'bbc')).toBe(true);
    expect(hasWords('BBCNews', 'bbc')).toBe(false);
    expect(hasWords(null, 'x')).toBe(false);
    expect(hasWords('cost (a+b)', 'a+b')).toBe(true);
  });

  it('keeps documents named only by what they are apart across articles, and joins named ones', () => {
    const store = Store.open(join(tempDir(), 'docs.db'));
    const texts = [
      'A report found that house prices rose by 5% in March. An Oxfam report found that 40 million people in Africa face hunger this year.',
      'A report found that unemployment fell by 20,000 in the north of England. An Oxfam report found that aid to Malawi fell by a third in 2004.',
    ];
    texts.forEach((text, i) => store.save({ article: { id: `a${i}`.padEnd(12, '0'), source: `t${i}.txt`, url: null, title: null, byline: null, published: null, site: null, language: null, text, sha256: `${i}`.repeat(64) }, ...analyze(text) }));
    const docs = store.sources({ kind: 'document' });
    expect(docs.filter((d) => d.name === 'Oxfam report')).toEqual([expect.objectContaining({ articles: 2 })]);
    const generic = docs.filter((d) => d.name === 'report');
    expect(generic).toHaveLength(2);
    expect(generic.every((d) => d.articles === 1)).toBe(true);
    // "report" does not find "Oxfam report"'s neighbours by substring, only by word.
    expect(store.sources({ name: 'port' })).toEqual([]);
    expect(store.sources({ name: 'oxfam' }).map((d) => d.name)).toEqual(['Oxfam report']);
    store.close();
  });

  it('keeps one entity row across articles with counts of articles and mentions', () => {
    const store = Store.open(join(tempDir(), 'c.db'));
    for (const f of ['000_e46a63b45c546be4.txt', '001_0182837d26875113.txt', '002_c9b2537f039fadbd.txt']) store.save(seed(f));
    const meta = store.entities({ name: 'Meta' }).filter((e) => e.name === 'Meta');
    expect(meta).toHaveLength(1);
    expect(meta[0]!.articles).toBe(3);
    expect(meta[0]!.mentions).toBeGreaterThan(20);
    store.close();
  });

  it('filters claims by speaker, entity and source, binding user text as parameters', () => {
    const store = Store.open(join(tempDir(), 'd.db'));
    store.save(seed('000_e46a63b45c546be4.txt'));
    store.save(seed('001_0182837d26875113.txt'));
    expect(store.claims({ speaker: 'Pineau' }).every((c) => c.speaker?.name === 'Joelle Pineau')).toBe(true);
    expect(store.claims({ speaker: 'Pineau' }).length).toBeGreaterThan(0);
    expect(store.claims({ source: 'reuters.com' }).map((c) => c.text)).toEqual([expect.stringContaining('not specified [3]')]);
    expect(store.claims({ entity: 'ChatGPT' })).toHaveLength(1);
    const claimsBefore = store.stats().claims;
    for (const evil of ["'; DROP TABLE claims; --", '%', '_', '"', "' OR 1=1 --", 'NEAR(', '*']) {
      expect(store.claims({ speaker: evil })).toEqual([]);
      expect(store.claims({ entity: evil, source: evil })).toEqual([]);
      expect(() => store.search(evil)).not.toThrow();
    }
    expect(store.search('%')).toEqual([]);
    expect(store.stats().claims).toBe(claimsBefore);
    store.close();
  });

  it('filters claims and search results by the kind of their attribution', () => {
    const store = Store.open(join(tempDir(), 'k.db'));
    const text = [
      'Figures from the Office for National Statistics showed that unemployment rose by 40,000 in March.',
      'The minister Alan Brooks said that the rise was caused by the closure of two steel plants.',
      'Alan Brooks wants to open a new training centre in Leeds before the end of the year.',
    ].join('\n\n');
    const r = extractDocument({ source: 'kinds.txt', bytes: Buffer.from(text) });
    expect(r.attributions.map((a) => a.kind)).toEqual(['found', 'said', 'thought']);
    store.save(r);
    expect(store.show(r.article.id)!.attributions.map((a) => a.kind)).toEqual(['found', 'said', 'thought']);
    const said = store.claims({ kind: 'said' });
    expect(said.map((c) => c.text)).toEqual([expect.stringContaining('steel plants')]);
    expect(said[0]!.kind).toBe('said');
    expect(store.claims({ kind: 'found' }).map((c) => c.text)).toEqual([expect.stringContaining('unemployment rose')]);
    expect(store.search('unemployment', { kind: 'said' })).toEqual([]);
    expect(store.search('unemployment', { kind: 'found' }).length).toBeGreaterThan(0);
    store.close();
  });

  it('upgrades a database of schema 1: attributions stored before are kept, as said; entities get their last word', () => {
    const path = join(tempDir(), 'v1.db');
    const old = new Database(path);
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO articles (id, uid, sha256, source, text, extracted_at) VALUES (1, 'abc', 'abcdef', 'x.txt', 'Tom said hi.', 'now')").run();
    old.prepare("INSERT INTO attributions (article_id, local_id, speaker_name, cue, content, start, end, content_spans, direct) VALUES (1, 'a1', 'Tom', 'said', 'hi', 9, 11, '[]', 0)").run();
    old.prepare("INSERT INTO entities (name, type, key) VALUES ('Tony Blair', 'person', 'tony blair'), ('Blair', 'person', 'blair')").run();
    old.close();
    const store = Store.open(path);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.db.prepare('SELECT last_word FROM entities ORDER BY id').all()).toEqual([{ last_word: 'blair' }, { last_word: 'blair' }]);
    expect(store.show('abc')!.attributions.map((a) => [a.content, a.kind])).toEqual([['hi', 'said']]);
    store.close();
  });

  it('refuses a file that is not SQLite, a corrupt database and a newer schema, leaving them untouched', () => {
    const dir = tempDir();
    const notDb = join(dir, 'notes.db');
    writeFileSync(notDb, 'these are my notes, not a database');
    expect(() => Store.open(notDb)).toThrow(/not a SQLite database/);
    expect(readFileSync(notDb, 'utf8')).toBe('these are my notes, not a database');

    const corrupt = join(dir, 'corrupt.db');
    const good = Store.open(corrupt);
    good.save(seed('002_c9b2537f039fadbd.txt'));
    good.close();
    const bytes = readFileSync(corrupt);
    bytes.fill(0x41, 100, 4096 * 2);
    writeFileSync(corrupt, bytes);
    expect(() => Store.open(corrupt)).toThrow(/corrupt|malformed|not a database/);
    expect(readFileSync(corrupt).equals(bytes)).toBe(true);

    const newer = join(dir, 'newer.db');
    const db = new Database(newer);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => Store.open(newer)).toThrow(/newer newsclaims/);
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
    const store = Store.open(path, { busyTimeoutMs: 5000 });
    await exited(holder);
    holder = await holdLock(path, 400);
    expect(store.save(seed('001_0182837d26875113.txt'))).toBe('stored');
    await exited(holder);
    store.close();
  });

  it('says another process holds the database when the lock outlasts the timeout', async () => {
    const dir = tempDir();
    const fresh = join(dir, 'fresh.db');
    let holder = await holdLock(fresh, 3000, "db.exec('CREATE TABLE t (x)');");
    expect(() => Store.open(fresh, { busyTimeoutMs: 300 })).toThrow(
      new StoreError(`cannot use database '${fresh}': another process holds it locked (waited 0.3 s; try again when it has finished)`),
    );
    await exited(holder);

    const path = join(dir, 'busy.db');
    Store.open(path).close();
    holder = await holdLock(path, 3000);
    const store = Store.open(path, { busyTimeoutMs: 300 });
    expect(() => store.save(seed('001_0182837d26875113.txt'))).toThrow(/another process holds it locked/);
    store.close();
    await exited(holder);
  });
});

describe('store: one row per real thing across articles', () => {
  const doc = (text: string) => extractDocument({ source: `${text.slice(0, 12)}.txt`, bytes: Buffer.from(text) });
  const people = (store: Store) => store.entities({ type: 'person' }).map((e) => e.name).sort();

  it('folds a bare surname into the one full name that owns it, whichever article comes first', () => {
    const store = Store.open(join(tempDir(), 'blair.db'));
    store.save(doc('Mr Blair said the election would be held in May. Blair spoke in Sedgefield.'));
    store.save(doc('Tony Blair met union leaders in London on Monday. Mr Blair said the talks went well.'));
    store.save(doc('Blair told reporters that the economy was strong and growing.'));
    expect(people(store)).toEqual(['Tony Blair']);
    const row = store.entities({ name: 'Blair' })[0]!;
    expect(row.articles).toBe(3);
    // Queries take any form the person goes by, "Mr Blair" included.
    expect(store.claims({ speaker: 'Mr Blair', minScore: 0 }).length).toBeGreaterThan(0);
    expect(store.entities({ name: 'Mr Blair' }).map((e) => e.name)).toEqual(['Tony Blair']);
    store.close();
  });

  it('keeps two people who share a surname apart, and a bare surname between them on its own', () => {
    const store = Store.open(join(tempDir(), 'brown.db'));
    store.save(doc('Gordon Brown presented the budget on Wednesday. Mr Brown said growth was strong.'));
    store.save(doc('Nick Brown, the chief whip, met MPs on Thursday. Mr Brown said the vote was safe.'));
    store.save(doc('Brown said the figures would be published next week.'));
    expect(people(store)).toEqual(['Brown', 'Gordon Brown', 'Nick Brown']);
    store.close();
  });

  it('keeps one row for the forms of an organisation: clipped, singular, with or without a suffix', () => {
    const store = Store.open(join(tempDir(), 'parties.db'));
    store.save(doc('The Lib Dems want to scrap tuition fees, Charles Kennedy said on Monday.'));
    store.save(doc('The Liberal Democrats will publish their manifesto in April, the party said.'));
    store.save(doc('The Labour Party said it would win. Labour leads in the polls by five points.'));
    store.save(doc('Labour said the economy had grown for 30 quarters in a row.'));
    const orgs = store.entities({ type: 'organization' }).map((e) => e.name);
    expect(orgs.filter((n) => /lib/i.test(n))).toEqual(['Liberal Democrats']);
    expect(orgs.filter((n) => /labour/i.test(n))).toEqual(['Labour Party']);
    // Other names of one body (data/aliases.tsv) share its row too.
    store.save(doc('The Tories said they would cut taxes. Michael Howard said the Conservatives were ready.'));
    store.save(doc('The Conservative Party launched its manifesto in London on Monday.'));
    expect(store.entities({ type: 'organization' }).map((e) => e.name).filter((n) => /tor|conserv/i.test(n))).toEqual(['Conservative Party']);
    store.close();
  });
});
