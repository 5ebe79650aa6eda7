// Feeds and sitemaps as inputs, robots.txt, --delay and conditional re-fetching, against a small
// news site served on 127.0.0.1: no test touches the internet.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readBody } from '../src/ingest/body.js';
import { feedKind, XmlFeedReader } from '../src/ingest/feeds.js';
import type { ArticleResult } from '../src/types.js';
import { runAsync, tempDir } from './helpers.js';

interface Page {
  title: string;
  paragraphs: string[];
  /** The page's own date; pages without one take their feed item's. */
  date?: string;
}

const PAGES: Record<string, Page> = {
  '/news/bridge': {
    title: 'Bridge to open in May',
    date: '2024-03-12T08:00:00+00:00',
    paragraphs: ['The new river bridge will open to traffic in May, the council said on Monday.', '"We are two months ahead of schedule," said Tom Hale, the project manager. The bridge cost £14m.'],
  },
  '/news/budget': {
    title: 'Council sets a budget of £210m',
    paragraphs: ['Riverside Council approved a budget of £210m on Tuesday, raising council tax by 4.9%.', 'Margaret Ellison, the council leader, said the rise was "the smallest in a decade".'],
  },
  '/news/school': {
    title: 'New school to take 600 pupils',
    date: '14 March 2024',
    paragraphs: ['A new secondary school in the north of the town will take 600 pupils from September, the education trust said.', 'Its head teacher, Ana Reyes, said 40 teachers had been hired.'],
  },
  '/private/memo': {
    title: 'Internal memo',
    paragraphs: ['This page is disallowed by robots.txt and must never be requested by the crawler.'],
  },
};

function pageHtml(p: Page): string {
  const date = p.date ? `<meta property="article:published_time" content="${p.date}">` : '';
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>${p.title} | Riverside Gazette</title>${date}</head>
<body><nav><a href="/">Home</a></nav><article><h1>${p.title}</h1><p class="byline">By: Priya Natarajan</p>
${p.paragraphs.map((x) => `<p>${x}</p>`).join('\n')}</article><footer>© Riverside Gazette</footer></body></html>`;
}

const rss = (items: Array<{ path: string; date?: string }>) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Riverside Gazette</title><link>BASE/</link><description>News</description>
${items.map((i) => `<item><title>${i.path}</title><link>BASE${i.path}</link><description><![CDATA[<p>Summary &amp; more</p>]]></description>${i.date ? `<pubDate>${i.date}</pubDate>` : ''}</item>`).join('\n')}
</channel></rss>`;

const atom = (base: string) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Riverside Gazette</title><id>${base}/</id><updated>2024-03-15T00:00:00Z</updated>
<entry><title>School</title><id>tag:gazette,2024:school</id><link rel="alternate" type="text/html" href="${base}/news/school"/><published>2024-03-14T07:00:00Z</published><updated>2024-03-14T07:00:00Z</updated></entry>
<entry><title>Bridge</title><id>tag:gazette,2024:bridge</id><link href="${base}/news/bridge"/><link rel="edit" href="${base}/edit/bridge"/><updated>2024-03-12T08:00:00Z</updated></entry>
</feed>`;

const urlset = (entries: string) => `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${entries}</urlset>`;
const sitemapIndex = (locs: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs.map((l) => `<sitemap><loc>BASE${l}</loc></sitemap>`).join('')}</sitemapindex>`;

/** Served documents other than pages, with BASE standing for the server's address. */
function documents(base: string): Record<string, { type: string; body: string | Buffer }> {
  return {
    '/feeds/news.rss': { type: 'application/rss+xml', body: rss([{ path: '/news/bridge', date: 'Tue, 12 Mar 2024 08:00:00 GMT' }, { path: '/news/budget', date: 'Wed, 13 Mar 2024 17:45:00 +0000' }, { path: '/private/memo' }]) },
    '/sitemaps/index.xml': { type: 'application/xml', body: sitemapIndex(['/sitemaps/news.xml', '/sitemaps/more.xml.gz']) },
    '/sitemaps/news.xml': {
      type: 'application/xml',
      body: urlset('<url><loc>BASE/news/budget</loc><news:news><news:publication_date>2024-03-13T17:45:00Z</news:publication_date></news:news></url>'),
    },
    '/sitemaps/more.xml.gz': { type: 'application/x-gzip', body: gzipSync(urlset('<url><loc>BASE/news/school</loc><lastmod>2024-03-14</lastmod></url>').replaceAll('BASE', base)) },
    '/sitemaps/self.xml': { type: 'application/xml', body: sitemapIndex(['/sitemaps/self.xml']) },
    '/feeds/broken.rss': { type: 'application/rss+xml', body: '<?xml version="1.0"?><rss version="2.0"><channel><item><link>BASE/news/bridge</link></channel></rss>' },
    '/feeds/pdf.rss': { type: 'application/rss+xml', body: rss([{ path: '/files/annual-report.pdf' }]) },
    '/feeds/news.json': {
      type: 'application/feed+json',
      body: JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Gazette', items: [{ id: '1', url: 'BASE/news/budget', date_published: '2024-03-13T17:45:00Z' }] }),
    },
    '/feeds/news.rdf': {
      type: 'application/rdf+xml',
      body: `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="BASE/"><title>Gazette</title><link>BASE/</link><items><rdf:Seq><rdf:li rdf:resource="BASE/news/budget"/></rdf:Seq></items></channel>
<item rdf:about="BASE/news/budget"><title>Budget</title><link>BASE/news/budget</link><dc:date>2024-03-13T17:45:00Z</dc:date></item></rdf:RDF>`,
    },
  };
}

let server: Server;
let base = '';
let docs: ReturnType<typeof documents>;
/** Requests per path, and how many of them were answered in full (200). */
const requests = new Map<string, number>();
const full = new Map<string, number>();
const times = new Map<string, number[]>();
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
let robots = 'User-agent: *\nDisallow: /private/\n';

function answer(req: IncomingMessage): { status: number; headers: Record<string, string>; body?: string | Buffer } {
  const path = req.url ?? '/';
  if (path === '/robots.txt') return { status: 200, headers: { 'content-type': 'text/plain' }, body: robots };
  if (path === '/old/bridge') return { status: 301, headers: { location: '/news/bridge' } };
  if (path === '/files/annual-report.pdf') return { status: 200, headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.7 binary' };
  if (path === '/sitemaps/bomb.xml.gz') {
    // 60 MB of XML (over the 50 MB a sitemap may be) in about 60 KB of gzip.
    const bomb = gzipSync(Buffer.concat([Buffer.from(urlset('')), Buffer.alloc(60_000_000, 0x20)]));
    return { status: 200, headers: { 'content-type': 'application/gzip' }, body: bomb };
  }
  const doc = docs[path];
  if (doc) return { status: 200, headers: { 'content-type': doc.type }, body: typeof doc.body === 'string' ? doc.body.replaceAll('BASE', base) : doc.body };
  const page = PAGES[path];
  if (!page) return { status: 404, headers: {} };
  const etag = `"v1${path.replaceAll('/', '-')}"`;
  const lastModified = 'Fri, 15 Mar 2024 10:00:00 GMT';
  if (req.headers['if-none-match'] === etag) return { status: 304, headers: { etag } };
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', etag, 'last-modified': lastModified }, body: pageHtml(page) };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    bump(requests, path);
    times.set(path, [...(times.get(path) ?? []), Date.now()]);
    const a = answer(req);
    if (a.status === 200 && PAGES[path]) bump(full, path);
    res.writeHead(a.status, a.headers).end(a.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  docs = documents(base);
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

beforeEach(() => {
  requests.clear();
  full.clear();
  times.clear();
  robots = 'User-agent: *\nDisallow: /private/\n';
});

const records = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as ArticleResult);

describe('feeds and sitemaps recognised by their content', () => {
  it('names the kind of document from its root element, whatever comes before it', () => {
    expect(feedKind('\uFEFF<?xml version="1.0"?>\n<!-- generator --><?xml-stylesheet href="s.xsl"?>\n<rss version="2.0">')).toBe('rss');
    expect(feedKind('<rdf:RDF xmlns:rdf="…">')).toBe('rdf');
    expect(feedKind('<feed xmlns="http://www.w3.org/2005/Atom">')).toBe('atom');
    expect(feedKind('<urlset xmlns="…">')).toBe('sitemap');
    expect(feedKind('<?xml version="1.0"?><sitemapindex>')).toBe('sitemap-index');
    expect(feedKind('{"version": "https://jsonfeed.org/version/1.1", "items": []}')).toBe('json-feed');
    expect(feedKind('<!DOCTYPE html><html><head>')).toBeNull();
    expect(feedKind('{"text": "an NDJSON record"}')).toBeNull();
    expect(feedKind('The council said on Monday…')).toBeNull();
  });

  it('reads a feed of 10,000 items as a stream, keeping the entries and not the document', async () => {
    const item = (i: number) => `<item><title>Story ${i}</title><link>https://news.example/s/${i}</link><description>${'Long summary text. '.repeat(40)}</description><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate></item>`;
    let made = 0;
    // About 9 MB of feed, produced a chunk at a time as a slow server would send it.
    async function* chunks(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>');
      for (let i = 0; i < 10_000; i += 100) {
        yield Buffer.from(Array.from({ length: 100 }, (_, k) => item(i + k)).join(''));
        made += 100;
      }
      yield Buffer.from('</channel></rss>');
    }
    const body = await readBody(chunks(), { maxBytes: 1_000_000, base: null });
    expect(made).toBe(10_000);
    expect(body.kind).toBe('feed');
    if (body.kind !== 'feed') return;
    expect(body.entries).toHaveLength(10_000);
    expect(body.entries[9_999]).toEqual({ url: 'https://news.example/s/9999', published: '2024-03-04T10:00:00Z', nested: false });
  });

  it('refuses XML that is not well-formed, and a root that is no feed', () => {
    const reader = new XmlFeedReader(null);
    expect(() => {
      reader.write('<rss><channel><item><link>https://a.example/1</link></channel></rss>');
      reader.close();
    }).toThrow(/unexpected close tag|unclosed/i);
    expect(() => new XmlFeedReader(null).write('<html><body></body></html>')).toThrow(/no feed or sitemap/);
  });
});

describe('extract from feeds and sitemaps on a loopback site', () => {
  it('stores exactly the pages an RSS feed, an Atom file and a sitemap index list, never asking for one robots.txt disallows', async () => {
    const dir = tempDir();
    const db = join(dir, 'news.db');
    const atomFile = join(dir, 'gazette.atom');
    writeFileSync(atomFile, atom(base));
    const r = await runAsync(['extract', `${base}/feeds/news.rss`, atomFile, `${base}/sitemaps/index.xml`, '--db', db]);
    expect(r.stderr).toMatch(/not fetched '.*\/private\/memo': disallowed by robots\.txt/);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('newsclaims:'))).toHaveLength(1);
    expect(r.code).toBe(0);
    expect(requests.get('/private/memo')).toBeUndefined();
    expect(requests.get('/robots.txt')).toBe(1);

    const listed = records((await runAsync(['articles', '--db', db, '--format', 'ndjson'])).stdout) as unknown as Array<{ url: string; published: string; byline: string; title: string }>;
    expect(listed.map((a) => a.url).sort()).toEqual([`${base}/news/bridge`, `${base}/news/budget`, `${base}/news/school`]);
    for (const a of listed) {
      expect(a.published).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}))?$/);
      expect(a.byline).toBe('Priya Natarajan');
      expect(a.title).not.toMatch(/Gazette/);
    }
    // The budget page gives no date: its RSS item's date fills it.
    expect(listed.find((a) => a.url.endsWith('/budget'))!.published).toBe('2024-03-13T17:45:00Z');
    // The feeds themselves are not articles.
    expect(listed.some((a) => /feeds|sitemaps|\.atom/.test(a.url))).toBe(false);
  });

  it('asks again with If-None-Match on a second run, downloads no unchanged page, and prints them unchanged', async () => {
    const db = join(tempDir(), 'news.db');
    const first = await runAsync(['extract', `${base}/feeds/news.rss`, `${base}/old/bridge`, '--db', db]);
    expect(first.code).toBe(0);
    expect(full.get('/news/bridge')).toBe(2); // once from the feed, once by way of the redirect
    full.clear();
    requests.clear();
    const second = await runAsync(['extract', `${base}/feeds/news.rss`, `${base}/old/bridge`, '--db', db]);
    expect(second.code).toBe(0);
    expect([...full.values()].reduce((a, b) => a + b, 0)).toBe(0);
    expect(requests.get('/news/bridge')).toBe(2);
    const out = records(second.stdout);
    expect(out.map((o) => o.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    // A URL that redirects to a stored page is that page, not a second copy.
    const listed = records((await runAsync(['articles', '--db', db, '--format', 'ndjson'])).stdout);
    expect(listed).toHaveLength(2);
  });

  it('reads JSON Feed and RSS 1.0 too', async () => {
    const r = await runAsync(['extract', `${base}/feeds/news.json`, `${base}/feeds/news.rdf`, '--no-store']);
    expect(r.code).toBe(0);
    const out = records(r.stdout);
    expect(out.map((o) => o.article.url)).toEqual([`${base}/news/budget`, `${base}/news/budget`]);
    expect(out[0]!.article.published).toBe('2024-03-13T17:45:00Z');
  });

  it('gives each bad feed a one-line error and stores the rest of the batch', async () => {
    const db = join(tempDir(), 'news.db');
    const r = await runAsync(['extract', `${base}/feeds/broken.rss`, `${base}/sitemaps/self.xml`, `${base}/sitemaps/bomb.xml.gz`, `${base}/feeds/pdf.rss`, `${base}/news/school`, '--db', db]);
    expect(r.code).toBe(1);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('newsclaims:'));
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/broken\.rss.*not a well-formed feed/);
    expect(errors[1]).toMatch(/self\.xml.*includes itself/);
    expect(errors[2]).toMatch(/bomb\.xml\.gz.*too large when uncompressed/);
    expect(errors[3]).toMatch(/annual-report\.pdf.*not text or HTML \(application\/pdf\)/);
    expect(records(r.stdout).map((o) => o.article.url)).toEqual([`${base}/news/school`]);
    const listed = records((await runAsync(['articles', '--db', db, '--format', 'ndjson'])).stdout);
    expect(listed).toHaveLength(1);
  });

  it("waits --delay between requests to one host, and longer when robots.txt's Crawl-delay says so", async () => {
    const r = await runAsync(['extract', `${base}/news/bridge`, `${base}/news/budget`, '--no-store', '--delay', '0.3']);
    expect(r.code).toBe(0);
    const gap = times.get('/news/budget')![0]! - times.get('/news/bridge')![0]!;
    expect(Math.abs(gap)).toBeGreaterThanOrEqual(280);

    times.clear();
    robots = 'User-agent: newsclaims\nCrawl-delay: 0.5\nDisallow: /private/\n';
    const f = await runAsync(['extract', `${base}/feeds/news.rss`, '--no-store']);
    expect(f.code).toBe(0);
    const crawl = Math.abs(times.get('/news/budget')![0]! - times.get('/news/bridge')![0]!);
    expect(crawl).toBeGreaterThanOrEqual(480);
  });
});
