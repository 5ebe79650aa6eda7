import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLAIM_THRESHOLD } from '../src/nlp/claims.js';
import type { ArticleResult } from '../src/types.js';
import { spawnSync } from 'node:child_process';
import { ARTICLES, BIN, ROOT, contractProblems, run, tempDir, writeArticles } from './helpers.js';

const lines = (s: string) => s.split('\n').filter(Boolean);

describe('newsclaims extract', () => {
  const db = join(tempDir(), 'e2e.db');
  let results: ArticleResult[] = [];

  beforeAll(() => {
    const r = run(['extract', ARTICLES, '--db', db]);
    // In a pipe, stderr carries only the final summary line.
    expect(r.stderr).toMatch(/^4 articles, \d+ claims, 0 failed, [\d.]+ s → .*e2e\.db\n$/);
    expect(r.code).toBe(0);
    results = lines(r.stdout).map((l) => JSON.parse(l) as ArticleResult);
  });

  it('prints one NDJSON article per line in a pipe and stores them', () => {
    expect(results).toHaveLength(4);
    expect(results.every((r) => r.status === 'stored')).toBe(true);
    expect(results.map((r) => r.article.source)).toEqual(['000', '001', '002', '003'].map((n) => expect.stringContaining(`${n}_`)));
  });

  it('keeps the JSON contract: exact offsets and existing ids on every fixture', () => {
    for (const r of results) {
      expect(Object.keys(r.article)).toEqual(expect.arrayContaining(['id', 'source', 'url', 'title', 'byline', 'published', 'site', 'text', 'sha256']));
      expect(contractProblems(r)).toEqual([]);
      expect(r.claims.length).toBeGreaterThan(0);
    }
  });

  it('skips articles already stored, and with --force says they were updated', () => {
    const again = run(['extract', ARTICLES, '--db', db]);
    expect(again.code).toBe(0);
    // The stored records come back, in input order, marked unchanged.
    const stored = lines(again.stdout).map((l) => JSON.parse(l) as ArticleResult);
    expect(stored.map((r) => [r.article.id, r.status])).toEqual(results.map((r) => [r.article.id, 'unchanged']));
    expect(stored[1]!.claims).toEqual(results[1]!.claims);
    expect(again.stderr).toMatch(/^0 articles, 0 claims, 0 failed, 4 unchanged \(skipped\)/);
    const r = run(['extract', join(ARTICLES, '002_c9b2537f039fadbd.txt'), '--db', db, '--format', 'json', '--force']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ status: 'updated' })]);
  });

  it('reads NDJSON records and runs a pool of workers with results in input order', () => {
    const records = [
      { text: 'Apple said that it would open three new stores in India next year.', url: 'https://example.com/a', title: 'Apple stores' },
      { html: '<html><body><article><p>“Prices will fall,” said Maria Lopez, the finance minister.</p></article></body></html>', url: 'https://example.com/b' },
      { nothing: true },
      'not json',
      { text: 'The council said the new bridge will open in May, officials confirmed on Monday.' },
    ].map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
    const r = run(['extract', '--from-ndjson', '--no-store', '--jobs', '2'], { input: records.join('\n') + '\n' });
    expect(r.code).toBe(1);
    const docs = lines(r.stdout).map((l) => JSON.parse(l) as ArticleResult);
    expect(docs.map((d) => d.article.url)).toEqual(['https://example.com/a', 'https://example.com/b', null]);
    expect(docs[0]!.article.title).toBe('Apple stores');
    expect(docs[1]!.attributions[0]).toMatchObject({ speaker: { name: 'Maria Lopez' }, direct: true });
    expect(lines(r.stderr)).toEqual([
      "newsclaims: cannot read 'stdin:3': the record has no \"text\" or \"html\" string",
      "newsclaims: cannot read 'stdin:4': not valid JSON",
      expect.stringMatching(/^3 articles, \d+ claims?, 2 failed/),
    ]);
  });

  it('reads stdin, and prints an array of one for one input', () => {
    const r = run(['extract', '-', '--no-store', '--format', 'json'], { input: 'Apple said that it would open three new stores in India next year.' });
    expect(r.code).toBe(0);
    const all = JSON.parse(r.stdout) as ArticleResult[];
    expect(all).toHaveLength(1);
    const doc = all[0]!;
    expect(doc.article.source).toBe('stdin');
    expect(doc.status).toBe('not stored');
    expect(doc.attributions[0]).toMatchObject({ speaker: { name: 'Apple' }, direct: false });
  });

  it('reads HTML files and turns their links into sources', () => {
    const r = run(['extract', join(ROOT, 'fixtures/html/council-budget.html'), '--no-store', '--format', 'json']);
    const [doc] = JSON.parse(r.stdout) as ArticleResult[];
    if (!doc) throw new Error('no article printed');
    expect(doc.article.title).toBe('Council approves £28.7m flood defence plan');
    expect(doc.sources.find((s) => s.kind === 'url')).toMatchObject({ name: 'nao.example', mentions: [{ text: 'National Audit Office' }] });
    expect(contractProblems(doc)).toEqual([]);
  });

  describe('query commands', () => {
    it('claims --speaker finds the attributed claims, in every format', () => {
      const nd = lines(run(['claims', '--speaker', 'Pineau', '--db', db]).stdout).map((l) => JSON.parse(l));
      expect(nd.length).toBeGreaterThan(0);
      expect(nd.every((c) => c.speaker.name === 'Joelle Pineau' && /^e\d+$/.test(c.speaker.entityId))).toBe(true);
      expect(nd.every((c) => /^c\d+$/.test(c.id) && /^[0-9a-f]{12}$/.test(c.article))).toBe(true);
      const json = JSON.parse(run(['claims', '--speaker', 'Pineau', '--db', db, '--format', 'json']).stdout);
      expect(json).toEqual(nd);
      const csv = run(['claims', '--speaker', 'Pineau', '--db', db, '--format', 'csv']).stdout;
      expect(lines(csv)[0]).toBe('article,id,text,start,end,speaker.name,speaker.entityId,attributionId,direct,kind,hedged,hedges,score,entityIds,sourceIds,entities,sources');
      expect(csv).toContain('Joelle Pineau');
      const tableOut = run(['claims', '--speaker', 'Pineau', '--db', db, '--format', 'table']).stdout;
      expect(lines(tableOut)[0]).toMatch(/^ARTICLE\s+CLAIM\s+SPEAKER\s+SCORE\s+TEXT$/);
    });

    it('claims --entity, --source, --direct and --all filter', () => {
      const byEntity = lines(run(['claims', '--entity', 'ChatGPT', '--all', '--db', db]).stdout).map((l) => JSON.parse(l));
      expect(byEntity.map((c) => c.text)).toEqual([expect.stringContaining('ChatGPT')]);
      const bySource = lines(run(['claims', '--source', 'reuters.com', '--db', db]).stdout).map((l) => JSON.parse(l));
      expect(bySource).toHaveLength(1);
      const direct = lines(run(['claims', '--direct', '--db', db]).stdout).map((l) => JSON.parse(l));
      expect(direct.length).toBeGreaterThan(0);
      expect(direct.every((c) => c.direct)).toBe(true);
      const all = lines(run(['claims', '--all', '--db', db]).stdout).length;
      expect(all).toBeGreaterThan(lines(run(['claims', '--db', db]).stdout).length);
      const said = lines(run(['claims', '--kind', 'said', '--all', '--db', db]).stdout).map((l) => JSON.parse(l));
      expect(said.length).toBeGreaterThan(0);
      expect(said.every((c) => c.kind === 'said' && c.speaker)).toBe(true);
      expect(said.length).toBeLessThan(all);
      const bad = run(['claims', '--kind', 'rumour', '--db', db]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--kind.*rumour/);
    });

    it('draws the line between claims and other sentences at one threshold, everywhere', () => {
      const printed = results.reduce((n, r) => n + r.claims.length, 0);
      expect(results.every((r) => r.claims.every((c) => c.score >= DEFAULT_CLAIM_THRESHOLD))).toBe(true);
      expect(JSON.parse(run(['stats', '--db', db]).stdout).claims).toBe(printed);
      expect(lines(run(['claims', '--db', db]).stdout)).toHaveLength(printed);
      const rows = lines(run(['articles', '--db', db]).stdout).map((l) => JSON.parse(l));
      expect(rows.reduce((n, a) => n + a.claims, 0)).toBe(printed);
      const shown = JSON.parse(run(['show', results[1]!.article.id, '--db', db]).stdout);
      expect(shown.claims).toEqual(results[1]!.claims);
      // --all keeps every scored sentence, with the same ids for the claims.
      const all = JSON.parse(run(['extract', join(ARTICLES, '001_0182837d26875113.txt'), '--no-store', '--all', '--format', 'json']).stdout)[0] as ArticleResult;
      expect(all.claims.length).toBeGreaterThan(results[1]!.claims.length);
      expect(all.claims.some((c) => c.score < DEFAULT_CLAIM_THRESHOLD)).toBe(true);
      expect(all.claims.filter((c) => c.score >= DEFAULT_CLAIM_THRESHOLD)).toEqual(results[1]!.claims);
      expect(JSON.parse(run(['show', results[1]!.article.id, '--all', '--db', db]).stdout).claims).toEqual(all.claims);
      // A higher threshold is a stricter line for every command.
      const strict = JSON.parse(run(['stats', '--threshold', '0.6', '--db', db]).stdout).claims;
      expect(strict).toBeLessThan(printed);
      expect(lines(run(['claims', '--threshold', '0.6', '--db', db]).stdout)).toHaveLength(strict);
    });

    it('wraps tables to $COLUMNS, showing every claim whole', () => {
      const out = run(['claims', '--db', db, '--format', 'table'], { env: { COLUMNS: '80' } }).stdout.split('\n').filter(Boolean);
      expect(Math.max(...out.map((l) => [...l].length))).toBeLessThanOrEqual(80);
      const textAt = out[0]!.indexOf('TEXT');
      const shown = out.slice(1).map((l) => l.slice(textAt)).join(' ').replace(/\s+/g, ' ');
      const claims = lines(run(['claims', '--db', db]).stdout).map((l) => JSON.parse(l).text as string);
      expect(claims.length).toBeGreaterThan(5);
      for (const c of claims) expect(shown).toContain(c.replace(/\s+/g, ' '));
    });

    it('entities, sources, articles, search, show and stats answer', () => {
      const people = lines(run(['entities', '--type', 'person', '--db', db]).stdout).map((l) => JSON.parse(l));
      expect(people.map((e) => e.name)).toEqual(expect.arrayContaining(['Joelle Pineau', 'Mark Zuckerberg']));
      expect(people.every((e) => e.type === 'person' && e.articles >= 1 && e.mentions >= 1)).toBe(true);
      const sources = lines(run(['sources', '--db', db]).stdout).map((l) => JSON.parse(l));
      expect(sources.map((s) => s.name)).toEqual(expect.arrayContaining(['reuters.com', 'TechCrunch']));
      expect(lines(run(['articles', '--db', db]).stdout)).toHaveLength(4);
      const hits = lines(run(['search', 'open', 'source', '--db', db]).stdout).map((l) => JSON.parse(l));
      expect(hits.length).toBeGreaterThan(0);
      // Porter stemming: "sourcing" matches "source".
      expect(hits.every((h) => /open/i.test(h.text) && /sourc/i.test(h.text))).toBe(true);
      const shown = JSON.parse(run(['show', results[0]!.article.id.slice(0, 6), '--db', db]).stdout);
      expect(shown.article.sha256).toBe(results[0]!.article.sha256);
      expect(shown.attributions).toEqual(results[0]!.attributions);
      const stats = JSON.parse(run(['stats', '--db', db]).stdout);
      expect(stats).toMatchObject({ database: db, articles: 4 });
    });
  });
});

describe('errors and exit codes', () => {
  it('reports each bad input on one line, goes on with the rest, and exits 1', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.txt'), 'The mayor said the new bridge will open in May.');
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 1, 2, 3]));
    writeFileSync(join(dir, 'page.json'), '{"a": 1}'); // not an article extension: skipped in a walk
    symlinkSync(join(dir, 'missing.txt'), join(dir, 'broken.txt'));
    // A file that cannot be read even by root (tests may run as root, where chmod 000 is no bar).
    if (existsSync('/proc/self/mem')) symlinkSync('/proc/self/mem', join(dir, 'unreadable.txt'));
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'secret.txt'), 'hidden');
    chmodSync(join(dir, 'locked', 'secret.txt'), 0o000);
    const db = join(dir, 'x.db');
    const r = run(['extract', dir, join(dir, 'nope.txt'), '--db', db]);
    expect(r.code).toBe(1);
    const errors = lines(r.stderr);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^newsclaims: cannot read '.*broken\.txt': no such file$/),
        expect.stringMatching(/^newsclaims: cannot read '.*empty\.txt': empty file$/),
        expect.stringMatching(/^newsclaims: cannot read '.*binary\.txt': a zip archive, not text or HTML$/),
        expect.stringMatching(/^newsclaims: cannot read '.*nope\.txt': no such file$/),
        ...(existsSync('/proc/self/mem') ? [expect.stringMatching(/^newsclaims: cannot read '.*unreadable\.txt': unreadable \(input\/output error\)$/)] : []),
      ]),
    );
    expect(lines(r.stdout).map((l) => JSON.parse(l).article.source)).toContain(join(dir, 'good.txt'));
    // What was stored is there.
    expect(lines(run(['articles', '--db', db]).stdout).length).toBeGreaterThanOrEqual(1);
  });

  it('exits 2 on usage errors with a one-line message', () => {
    const r = run(['claims', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)[0]).toMatch(/^newsclaims: .*xml/);
    expect(run(['frobnicate']).code).toBe(2);
    expect(run(['extract']).code).toBe(2);
  });

  it('says clearly when there is no database or it is not SQLite, without touching the file', () => {
    const dir = tempDir();
    const r = run(['claims', '--db', join(dir, 'none.db')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^newsclaims: no database at/);
    const notDb = join(dir, 'notes.db');
    writeFileSync(notDb, 'not a database');
    const r2 = run(['extract', join(ARTICLES, '002_c9b2537f039fadbd.txt'), '--db', notDb]);
    expect(r2.code).toBe(1);
    expect(lines(r2.stderr)).toEqual([expect.stringMatching(/not a SQLite database/)]);
    expect(readFileSync(notDb, 'utf8')).toBe('not a database');
  });

  it('has --help with an example for every command', () => {
    for (const cmd of ['extract', 'claims', 'entities', 'sources', 'articles', 'search', 'show']) {
      const r = run([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Examples?:\n\s+\$ newsclaims/);
    }
  });

  it('treats empty stdin as a failed input', () => {
    const r = run(['extract', '-', '--no-store', '--quiet'], { input: '' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("newsclaims: cannot read 'stdin': empty input\n");
  });
});

describe('a well-behaved command line', () => {
  const shell = (cmd: string) => spawnSync('bash', ['-o', 'pipefail', '-c', cmd], { encoding: 'utf8', env: { ...process.env, NEWSCLAIMS_DB: '' } });
  const db = join(tempDir(), 'cli.db');
  beforeAll(() => {
    const dir = join(tempDir(), 'in');
    writeArticles(dir, 24, 'cli');
    expect(run(['extract', dir, '--db', db, '--quiet']).code).toBe(0);
  });

  it('ends quietly when the reader closes the pipe', () => {
    for (const cmd of [`claims --all --db ${db}`, `search council --db ${db}`, `extract ${ARTICLES} --no-store`, '--help']) {
      const r = shell(`node ${BIN} ${cmd} | head -1`);
      expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
      expect(r.status).toBe(0);
      expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    }
  });

  it('refuses an id prefix that several articles share, naming some of them', () => {
    const ids = lines(run(['articles', '--db', db]).stdout).map((l) => JSON.parse(l).id as string);
    // 24 ids over 16 hex digits: two share a first digit.
    const shared = ids.map((id) => id[0]!).find((c, i, all) => all.indexOf(c) !== i)!;
    const r = run(['show', shared, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^newsclaims: '${shared}' matches \\d+ articles \\(${shared}[0-9a-f]{11}, ${shared}[0-9a-f]{11}.*\\); give more of the id\\n$`));
    const unique = ids[0]!.slice(0, 10);
    expect(run(['show', unique, '--db', db]).code).toBe(0);
  });

  it('counts a text twice in one batch once, the same with any number of jobs', () => {
    const dir = tempDir();
    writeArticles(dir, 10, 'dup');
    writeFileSync(join(dir, 'copy.txt'), readFileSync(join(dir, 'article-003.txt')));
    for (const jobs of ['1', '2']) {
      const r = run(['extract', dir, '--no-store', '--jobs', jobs]);
      const statuses = lines(r.stdout).map((l) => JSON.parse(l).status);
      expect(statuses.filter((x) => x === 'not stored')).toHaveLength(10);
      expect(statuses.filter((x) => x === 'unchanged')).toHaveLength(1);
      expect(r.stderr).toMatch(/^10 articles, \d+ claims, 0 failed, 1 unchanged/);
    }
  });

  it('refuses NDJSON in an article file, an empty record and a database URL it does not support', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'records.txt'), '{"text": "The mayor said the bridge will open."}\n{"text": "The council agreed."}\n');
    expect(run(['extract', join(dir, 'records.txt'), '--no-store']).stderr).toMatch(/NDJSON records, not an article \(read them with --from-ndjson\)/);
    expect(run(['extract', '--from-ndjson', '--no-store'], { input: '{"text": ""}\n' }).stderr.split('\n')[0]).toBe(`newsclaims: cannot read 'stdin:1': the record's "text" is empty`);
    const my = run(['stats', '--db', 'mysql://me:secret@localhost/news']);
    expect(my.code).toBe(2);
    expect(my.stderr).toBe("newsclaims: --db 'mysql://me:***@localhost/news': mysql:// databases are not supported; give the path of a SQLite file or a postgres:// URL\n");
    expect(existsSync('mysql:')).toBe(false);
  });

  it('filters articles and claims by site and publication date, and refuses a date that is none', () => {
    const db = join(tempDir(), 'filters.db');
    const records = [
      { text: 'Acme Corp cut 500 jobs in Ohio in 2023, the company said on Monday.', url: 'https://www.bbc.co.uk/news/1', site: 'BBC News', published: 'Tue, 01 Feb 2005 10:00:00 GMT' },
      { text: 'Beta Ltd hired 300 workers in Leeds in 2004, the firm said on Friday.', url: 'https://www.reuters.com/a', site: 'Reuters', published: '2005-03-15T10:00:00Z' },
    ];
    expect(run(['extract', '--from-ndjson', '--db', db, '-q'], { input: records.map((r) => JSON.stringify(r)).join('\n') }).code).toBe(0);
    const ids = (args: string[]) => lines(run([...args, '--db', db]).stdout).map((l) => JSON.parse(l).url ?? JSON.parse(l).article);
    expect(ids(['articles', '--site', 'bbc'])).toEqual(['https://www.bbc.co.uk/news/1']);
    expect(ids(['articles', '--site', 'reuters.com'])).toEqual(['https://www.reuters.com/a']);
    expect(ids(['articles', '--since', '2005-03-01'])).toEqual(['https://www.reuters.com/a']);
    expect(ids(['articles', '--until', '2005-02-01'])).toEqual(['https://www.bbc.co.uk/news/1']);
    expect(lines(run(['articles', '--db', db]).stdout).map((l) => JSON.parse(l).published)).toEqual(['2005-02-01T10:00:00Z', '2005-03-15T10:00:00Z']);
    const claims = lines(run(['claims', '--all', '--site', 'reuters', '--db', db]).stdout).map((l) => JSON.parse(l).text);
    expect(claims).toEqual([expect.stringContaining('Beta Ltd')]);
    const bad = run(['claims', '--since', '2005-13-01', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--since.*YYYY-MM-DD/);
  });

  it('says "1 attribution" and "1 source", and shows examples in every help', () => {
    const r = run(['extract', '-', '--no-store', '--format', 'table'], { input: 'The mayor said the bridge would open in May, according to the Riverside Gazette.' });
    expect(r.stdout).not.toMatch(/\b1 (attributions|sources|claims)\b/);
    expect(run(['stats', '--help']).stdout).toMatch(/Examples?:/);
    // --jobs says its default once, in words.
    expect(run(['extract', '--help']).stdout).toMatch(/--jobs <n>\s+worker threads \(default: the number of cores\)\n/);
  });
});
