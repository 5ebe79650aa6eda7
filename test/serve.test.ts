// `newsclaims serve` over HTTP, on both stores: the pages, the API against the commands, escaping,
// and what must answer 404.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markText } from '../src/serve/marks.js';
import type { ArticleResult } from '../src/types.js';
import { run, runAsync } from './helpers.js';
import { usePostgres } from './postgres-server.js';
import { fillDatabase, MARKUP_ARTICLE, sqliteDatabase, startServe, type RunningServer } from './serve-helpers.js';

describe('markText', () => {
  it('nests spans that nest, and splits one that crosses another into pieces with the same id', () => {
    const text = 'Alpha beta gamma delta';
    const out = markText(text, [
      { kind: 'attribution', id: 'a1', start: 0, end: 10 },
      { kind: 'claim', id: 'c1', start: 6, end: 16 },
      { kind: 'entity', id: 'e1', start: 0, end: 5 },
    ]);
    const $ = cheerio.load(`<div>${out}</div>`);
    expect($('div').text()).toBe(text);
    expect($('mark[data-id="a1"]').length).toBe(1);
    expect($('mark[data-id="e1"]').parent().attr('data-id')).toBe('a1');
    // c1 starts inside a1 and ends after it: one piece inside a1, one after.
    const c1 = $('mark[data-id="c1"]');
    expect(c1.length).toBe(2);
    expect(c1.map((_, m) => $(m).text()).get().join('')).toBe('beta gamma');
    expect(c1.first().attr('id')).toBe('m-c1');
    expect(c1.last().attr('id')).toBeUndefined();
    expect(c1.last().attr('data-part')).toBe('');
  });

  it('escapes the text between and inside marks, and leaves out spans outside the text', () => {
    const text = 'x <b>y</b> & "z"';
    const out = markText(text, [
      { kind: 'claim', id: 'c1', start: 2, end: 10 },
      { kind: 'entity', id: 'e9', start: 5, end: 400 },
    ]);
    expect(out).not.toContain('<b>');
    expect(cheerio.load(`<div>${out}</div>`)('div').text()).toBe(text);
    expect(out).not.toContain('e9');
  });
});

const postgres = usePostgres();
let databases = 0;

describe.each(['sqlite', 'postgres'] as const)('serve on %s', (backend) => {
  let db: string;
  let server: RunningServer;
  let fileHash = '';
  const hashOf = () => (backend === 'sqlite' ? createHash('sha256').update(readFileSync(db)).digest('hex') : '');
  // A new connection per request: the CLI runs between requests block this process, so a kept-alive
  // connection may have been closed by the server, unseen, by the time it is used again.
  const get = (path: string, init: { method?: string } = {}) =>
    new Promise<{ status: number; type: string; headers: Headers; body: string }>((resolve, reject) => {
      request(new URL(path, server.url), { method: init.method ?? 'GET', agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => {
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v);
          resolve({ status: res.statusCode!, type: res.headers['content-type'] ?? '', headers, body });
        });
      })
        .on('error', reject)
        .end();
    });
  /** The stored articles, as `articles` lists them. */
  const listed = () => run(['articles', '--db', db, '--format', 'json']);
  const articleIds = () => (JSON.parse(listed().stdout) as Array<{ id: string; title: string | null }>).map((a) => a.id);
  const showJson = (id: string) => JSON.parse(run(['show', id, '--db', db, '--format', 'json']).stdout) as ArticleResult;

  beforeAll(async () => {
    db = backend === 'sqlite' ? sqliteDatabase() : await postgres().createDb(`serve_${++databases}`);
    fillDatabase(db);
    fileHash = hashOf();
    server = await startServe(db);
  }, 120_000);
  afterAll(async () => {
    if (server) expect(await server.stop()).toBe(0);
  });

  it('prints a loopback URL and lists every article on /', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    const $ = cheerio.load(page.body);
    const links = $('table.articles a').map((_, a) => $(a).attr('href')).get();
    expect(links.sort()).toEqual(articleIds().map((id) => `/articles/${id}`).sort());
    expect(articleIds()).toHaveLength(5);
    // The markup article's title is shown as text.
    expect($('table.articles').text()).toContain(MARKUP_ARTICLE.title);
  });

  it('filters / by site and date, and pages', async () => {
    const $ = cheerio.load((await get('/?site=news.example')).body);
    expect($('table.articles tbody tr')).toHaveLength(1);
    const none = cheerio.load((await get('/?since=2999-01-01')).body);
    expect(none('table.articles')).toHaveLength(0);
    expect(none('p.count').text()).toContain('0 articles');
  });

  it('marks every attribution, claim, entity and source of an article with data-kind and data-id', async () => {
    for (const id of articleIds()) {
      const r = showJson(id);
      const $ = cheerio.load((await get(`/articles/${id}`)).body);
      const text = $('#text');
      // The marks add elements, never characters: the text is the stored text.
      expect(text.text()).toBe(r.article.text);
      const marked = (kind: string) => new Set(text.find(`mark[data-kind="${kind}"]`).map((_, m) => $(m).attr('data-id')).get());
      expect(marked('attribution')).toEqual(new Set(r.attributions.map((a) => a.id)));
      expect(marked('claim')).toEqual(new Set(r.claims.map((c) => c.id)));
      expect(marked('entity')).toEqual(new Set(r.entities.filter((e) => e.mentions.length).map((e) => e.id)));
      expect(marked('source')).toEqual(new Set(r.sources.filter((s) => s.mentions.length).map((s) => s.id)));
      // Each attribution's marked pieces are exactly its content.
      for (const a of r.attributions) {
        const pieces = text.find(`mark[data-kind="attribution"][data-id="${a.id}"]`).map((_, m) => $(m).text()).get().join('');
        expect(pieces).toBe(a.contentSpans.map((p) => p.text).join(''));
        expect(text.find(`#m-${a.id}`).attr('data-speaker')).toBe(a.speaker?.name ?? 'unknown speaker');
      }
      // Each claim has its details beside the text, with its score.
      for (const c of r.claims) expect($(`#d-${c.id}`).text()).toContain(c.score.toFixed(2));
      // Who said what: every attribution, in the order of the text.
      const order = $('.who-said-what a[data-show]').map((_, a) => $(a).attr('data-show')).get();
      expect(order).toEqual([...r.attributions].sort((x, y) => x.start - y.start).map((a) => a.id));
    }
  });

  it('shows markup in an article as text, never as elements', async () => {
    const id = JSON.parse(run(['articles', '--db', db, '--site', 'news.example', '--format', 'json']).stdout)[0].id;
    const page = await get(`/articles/${id}`);
    const $ = cheerio.load(page.body);
    expect($('#text').text()).toContain('<script>alert("pwned")</script>');
    expect($('#text').text()).toContain('<img src=x onerror=alert(1)>');
    expect($('script')).toHaveLength(1);
    expect($('script').attr('src')).toBe('/assets/newsclaims.js');
    expect($('img')).toHaveLength(0);
    expect($('h1').text()).toBe(MARKUP_ARTICLE.title);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('answers /api/articles/<id> exactly as `show <id>` prints it', async () => {
    for (const id of articleIds()) {
      const api = await get(`/api/articles/${id}`);
      expect(api.type).toBe('application/json; charset=utf-8');
      expect(api.body).toBe(run(['show', id, '--db', db, '--format', 'json']).stdout);
    }
    const id = articleIds()[0]!;
    expect((await get(`/api/articles/${id}?all`)).body).toBe(run(['show', id, '--db', db, '--format', 'json', '--all']).stdout);
  });

  it('answers /api/claims with the rows `claims` prints for the same filters', async () => {
    const cases: Array<[string, string[]]> = [
      ['', []],
      ['all', ['--all']],
      ['speaker=Maria%20Lopez', ['--speaker', 'Maria Lopez']],
      ['entity=Meta&limit=3', ['--entity', 'Meta', '--limit', '3']],
      ['direct&threshold=0.2', ['--direct', '--threshold', '0.2']],
      ['kind=found&all', ['--kind', 'found', '--all']],
      ['source=National%20Cyber%20Security%20Centre&all', ['--source', 'National Cyber Security Centre', '--all']],
    ];
    for (const [query, flags] of cases) {
      const api = await get(`/api/claims?${query}`);
      expect(api.status).toBe(200);
      const cli = run(['claims', '--db', db, '--format', 'json', ...flags]).stdout || '[]\n';
      expect(JSON.parse(api.body)).toEqual(JSON.parse(cli));
    }
    expect(JSON.parse((await get('/api/claims?speaker=Maria%20Lopez')).body).length).toBeGreaterThan(0);
  });

  it('refuses bad filters with 400 and a one-line reason', async () => {
    for (const query of ['limit=abc', 'threshold=2', 'kind=shouted', 'since=yesterday', 'colour=red', 'offset=5']) {
      const r = await get(`/api/claims?${query}`);
      expect(r.status, query).toBe(400);
      const { error } = JSON.parse(r.body);
      expect(error).toMatch(/^\S.*$/);
    }
  });

  it('links a speaker to their page, which lists what they said and the claims about them', async () => {
    const id = JSON.parse(run(['articles', '--db', db, '--site', 'news.example', '--format', 'json']).stdout)[0].id;
    const r = showJson(id);
    const quote = r.attributions.find((a) => a.speaker?.name === 'Maria Lopez')!;
    expect(quote).toBeDefined();
    const $ = cheerio.load((await get(`/articles/${id}`)).body);
    const href = $(`#d-${quote.id} a[href^="/entities/"]`).attr('href')!;
    expect(href).toMatch(/^\/entities\/\d+$/);
    const entity = cheerio.load((await get(href)).body);
    expect(entity('h1').text()).toContain('Maria Lopez');
    expect(entity('ol.quotes').first().text()).toContain(quote.content.slice(0, 40));
    expect(entity(`a[href="/articles/${id}#m-${quote.id}"]`).length).toBe(1);
  });

  it('searches with the matched words in <mark>, escaping the rest', async () => {
    const $ = cheerio.load((await get('/search?q=councils')).body);
    const marks = $('ol.results mark.match').map((_, m) => $(m).text().toLowerCase()).get();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m).toMatch(/^council/);
    const markup = cheerio.load((await get('/search?q=careless')).body);
    expect(markup('ol.results').text()).toContain('<img src=x onerror=alert(1)>');
    expect(markup('ol.results img')).toHaveLength(0);
    expect(markup('input#q').attr('value')).toBe('careless');
  });

  it('answers 404 to unknown paths and ids, and to paths that try to leave the assets', async () => {
    for (const path of [
      '/articles/..%2f..%2fetc%2fpasswd',
      '/articles/000000000000',
      '/articles/<script>',
      '/entities/0',
      '/entities/99999999',
      '/entities/abc',
      '/api/articles/ffffffffffff',
      '/assets/..%2fpackage.json',
      '/assets/%2e%2e/package.json',
      '/assets/nope.css',
      '/etc/passwd',
      '/nope',
    ]) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('"name": "newsclaims"');
    }
    // A raw path the client does not tidy first.
    const raw = await new Promise<number>((resolve, reject) => {
      const u = new URL(server.url);
      request({ host: u.hostname, port: u.port, path: '/assets/../../package.json' }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      })
        .on('error', reject)
        .end();
    });
    expect(raw).toBe(404);
    expect((await get('/assets/newsclaims.css')).status).toBe(200);
  });

  it('answers only GET and HEAD, and only to loopback names', async () => {
    expect((await get('/', { method: 'POST' })).status).toBe(405);
    const head = await get('/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const rebound = await new Promise<number>((resolve, reject) => {
      const u = new URL(server.url);
      request({ host: u.hostname, port: u.port, path: '/', headers: { Host: 'attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      })
        .on('error', reject)
        .end();
    });
    expect(rebound).toBe(421);
  });

  it('has written nothing to the database', async () => {
    await get('/');
    expect(hashOf()).toBe(fileHash);
    expect(JSON.parse(listed().stdout)).toHaveLength(5);
  });
});

describe('serve: bad input', () => {
  it('a port in use is a one-line error and exit 1', async () => {
    const db = sqliteDatabase();
    fillDatabase(db);
    const first = await startServe(db);
    try {
      const port = new URL(first.url).port;
      const second = await runAsync(['serve', '--db', db, '--port', port]);
      expect(second.code).toBe(1);
      expect(second.stderr).toBe(`newsclaims: port ${port} on 127.0.0.1 is in use; choose another with --port\n`);
    } finally {
      expect(await first.stop()).toBe(0);
    }
  });

  it('a missing database or a bad port is a one-line error', () => {
    const missing = run(['serve', '--db', '/nonexistent/dir/x.db']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const port = run(['serve', '--port', '70000']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('port number');
  });
});
