// npm run bench:feeds [-- --shared <dir>] [--pages 60]
// A loopback news site made of the real pages of ../shared/bench/html, behind an RSS feed, an Atom
// feed (also given as a local file), a sitemap index (one sitemap gzipped) and a robots.txt that
// disallows one listed page. `newsclaims extract` runs over it as a user would, twice, then over
// bad inputs; each check of #15's "done when" prints pass or FAIL with what was seen.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values } = parseArgs({
  options: { shared: { type: 'string', default: process.env.NEWSCLAIMS_SHARED ?? '../shared' }, pages: { type: 'string', default: '60' } },
});
const pagesDir = join(resolve(values.shared!), 'bench', 'html', 'pages');
if (!existsSync(pagesDir)) {
  console.error(`bench:feeds: no pages under '${pagesDir}' (pass --shared <dir> or set NEWSCLAIMS_SHARED)`);
  process.exit(2);
}
const BIN = new URL('../../bin/newsclaims.js', import.meta.url).pathname;
const names = readdirSync(pagesDir)
  .filter((n) => n.endsWith('.html'))
  .sort()
  .filter((_, i, all) => i % Math.max(1, Math.floor(all.length / Number(values.pages))) === 0)
  .slice(0, Number(values.pages));
const third = Math.ceil(names.length / 3);
const inRss = names.slice(0, third);
const inAtom = names.slice(third, 2 * third);
const inSitemaps = names.slice(2 * third);
const disallowed = inRss[1]!;
const BIG_FEED_ITEMS = Number(process.env.BIG_FEED_ITEMS ?? 10_000);

const requests = new Map<string, number>();
const full = new Map<string, number>();
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
let base = '';

const date = (i: number) => new Date(Date.UTC(2024, 0, 1 + i, 9, 30)).toUTCString();
const rss = (items: string[], extra = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Loopback news</title><link>${base}/</link>${items
    .map((n, i) => `<item><title>${n}</title><link>${base}/pages/${n}</link><pubDate>${date(i)}</pubDate></item>`)
    .join('\n')}${extra}</channel></rss>`;
const atom = (items: string[]) =>
  `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Loopback news</title><id>${base}/</id><updated>2024-03-01T00:00:00Z</updated>${items
    .map((n, i) => `<entry><title>${n}</title><id>${base}/pages/${n}</id><link href="${base}/pages/${n}"/><updated>${new Date(Date.UTC(2024, 1, 1 + i)).toISOString()}</updated></entry>`)
    .join('\n')}</feed>`;
const urlset = (items: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${items.map((n) => `<url><loc>${base}/pages/${n}</loc><lastmod>2024-03-02</lastmod></url>`).join('')}</urlset>`;
const sitemapIndex = (locs: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs.map((l) => `<sitemap><loc>${base}${l}</loc></sitemap>`).join('')}</sitemapindex>`;

function bigFeed(res: ServerResponse): void {
  // Written a hundred items at a time, as a server streams a large feed.
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  res.write(`<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>`);
  let i = 0;
  const more = () => {
    while (i < BIG_FEED_ITEMS) {
      const chunk = Array.from({ length: 100 }, (_, k) => `<item><title>Brief ${i + k}</title><link>${base}/briefs/${i + k}</link><description>${'A short brief about the council budget. '.repeat(10)}</description></item>`).join('');
      i += 100;
      if (!res.write(chunk)) return void res.once('drain', more);
    }
    res.end('</channel></rss>');
  };
  more();
}

function serve(req: IncomingMessage, res: ServerResponse): void {
  const path = decodeURIComponent(req.url ?? '/');
  bump(requests, path);
  const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void => void res.writeHead(status, { 'content-type': type, ...headers }).end(body);
  if (path === '/robots.txt') return send(200, 'text/plain', `User-agent: *\nDisallow: /pages/${disallowed}\n`);
  if (path === '/rss.xml') return send(200, 'application/rss+xml', rss(inRss));
  if (path === '/sitemap-index.xml') return send(200, 'application/xml', sitemapIndex(['/sitemap-1.xml', '/sitemap-2.xml.gz']));
  const half = Math.ceil(inSitemaps.length / 2);
  if (path === '/sitemap-1.xml') return send(200, 'application/xml', urlset(inSitemaps.slice(0, half)));
  if (path === '/sitemap-2.xml.gz') return send(200, 'application/x-gzip', gzipSync(urlset(inSitemaps.slice(half))));
  if (path === '/bad/malformed.xml') return send(200, 'application/rss+xml', rss(inRss.slice(0, 2)).replace('</channel>', '<item><link>broken</channel>'));
  if (path === '/bad/self-index.xml') return send(200, 'application/xml', sitemapIndex(['/bad/self-index.xml']));
  if (path === '/bad/bomb.xml.gz') return send(200, 'application/gzip', gzipSync(Buffer.concat([Buffer.from('<?xml version="1.0"?><urlset>'), Buffer.alloc(200_000_000, 0x20)])));
  if (path === '/bad/pdf.xml') return send(200, 'application/rss+xml', `<rss version="2.0"><channel><item><link>${base}/files/report.pdf</link></item></channel></rss>`);
  if (path === '/files/report.pdf') return send(200, 'application/pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
  if (path === '/big.xml') return bigFeed(res);
  if (path.startsWith('/briefs/')) return send(200, 'text/plain; charset=utf-8', `Brief ${path.slice(8)}: the council said on Monday that the budget would rise by 3%.`);
  if (path.startsWith('/pages/')) {
    const name = path.slice('/pages/'.length);
    if (!names.includes(name)) return send(404, 'text/plain', 'not found');
    const etag = `"${name}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    bump(full, path);
    return send(200, 'text/html; charset=utf-8', readFileSync(join(pagesDir, name)), { etag, 'last-modified': 'Fri, 01 Mar 2024 10:00:00 GMT' });
  }
  send(404, 'text/plain', 'not found');
}

/** Run the CLI; report its exit code, output and the peak RSS of its process (VmHWM). */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; peakMb: number }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NEWSCLAIMS_DB: '' } });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        /* ended */
      }
    }, 100);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      clearInterval(poll);
      done({ code, stdout, stderr, peakMb: peakKb / 1024 });
    });
  });
}

let failures = 0;
function check(what: string, ok: boolean, seen: string): void {
  if (!ok) failures++;
  console.log(`${ok ? 'pass' : 'FAIL'}  ${what}: ${seen}`);
}

const server = createServer(serve);
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const work = mkdtempSync(join(tmpdir(), 'newsclaims-feeds-'));
const db = join(work, 'site.db');
const atomFile = join(work, 'news.atom');
writeFileSync(atomFile, atom(inAtom));
try {
  console.log(`loopback site ${base}: ${names.length} real pages (RSS ${inRss.length}, Atom file ${inAtom.length}, sitemaps ${inSitemaps.length}); robots.txt disallows ${disallowed}\n`);
  const inputs = [`${base}/rss.xml`, atomFile, `${base}/sitemap-index.xml`];
  const first = await cli(['extract', ...inputs, '--db', db, '--format', 'ndjson', '--quiet']);
  const failedPages = first.stderr.split('\n').filter((l) => l.startsWith('newsclaims: cannot read'));
  const rows = (await cli(['articles', '--db', db, '--format', 'ndjson'])).stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { url: string; published: string | null; byline: string | null });
  const allowed = names.filter((n) => n !== disallowed).map((n) => `${base}/pages/${n}`);
  const stored = new Set(rows.map((r) => r.url));
  const unreadable = new Set(failedPages.map((l) => /'([^']+)'/.exec(l)?.[1]));
  check('exactly the allowed pages are stored, with their page URLs', allowed.every((u) => stored.has(u) || unreadable.has(u)) && [...stored].every((u) => allowed.includes(u)), `${stored.size} stored of ${allowed.length} allowed; ${unreadable.size} unreadable${failedPages.length ? ` (${failedPages.map((l) => l.replace(/^newsclaims: /, '')).join('; ')})` : ''}`);
  check('the disallowed page is never requested', !requests.has(`/pages/${disallowed}`), `${requests.get(`/pages/${disallowed}`) ?? 0} requests`);
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}))?$/;
  const undated = rows.filter((r) => !r.published || !iso.test(r.published));
  check('every stored article has an ISO 8601 published', undated.length === 0, `${rows.length - undated.length}/${rows.length}${undated.length ? `; not: ${undated.map((r) => `${r.url} ${r.published}`).join(', ')}` : ''}`);
  const badBylines = rows.filter((r) => r.byline && (/^by\b/i.test(r.byline) || /https?:|www\.|@|&[#\w]+;/.test(r.byline)));
  check('no byline starts with "by" or holds a URL, handle or HTML entity', badBylines.length === 0, `${rows.filter((r) => r.byline).length} bylines${badBylines.length ? `; bad: ${badBylines.map((r) => r.byline).join(' | ')}` : ''}`);

  full.clear();
  const second = await cli(['extract', ...inputs, '--db', db, '--format', 'ndjson', '--quiet']);
  const statuses = second.stdout.trim().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { status: string }).status);
  check('a second run over the same feeds downloads no unchanged page in full', full.size === 0 && statuses.every((s) => s === 'unchanged'), `${[...full.values()].reduce((a, b) => a + b, 0)} full downloads; ${statuses.length} records, ${statuses.filter((s) => s === 'unchanged').length} "unchanged"`);

  const badDb = join(work, 'bad.db');
  const bad = await cli(['extract', `${base}/bad/malformed.xml`, `${base}/bad/self-index.xml`, `${base}/bad/bomb.xml.gz`, `${base}/bad/pdf.xml`, `${base}/pages/${allowed[0]!.split('/').pop()}`, '--db', badDb, '--quiet']);
  const errors = bad.stderr.split('\n').filter(Boolean);
  const badRows = (await cli(['articles', '--db', badDb, '--format', 'ndjson'])).stdout.trim().split('\n').filter(Boolean);
  for (const [what, re] of [
    ['a feed that is not well-formed', /malformed\.xml': not a well-formed feed/],
    ['a sitemap index that includes itself', /self-index\.xml': a sitemap or feed that includes itself/],
    ['a gzip bomb posing as a sitemap', /bomb\.xml\.gz': too large when uncompressed/],
    ['a feed item pointing to a PDF', /report\.pdf': not text or HTML \(application\/pdf\)/],
  ] as const) {
    const line = errors.find((l) => re.test(l));
    check(`bad input, ${what}: a one-line error`, line !== undefined, line ?? '(none)');
  }
  check('bad inputs: the rest of the batch is stored, exit code 1', badRows.length === 1 && bad.code === 1, `${badRows.length} stored, exit ${bad.code}, peak RSS ${bad.peakMb.toFixed(0)} MB`);

  const big = await cli(['extract', `${base}/big.xml`, '--db', join(work, 'big.db'), '--quiet']);
  const briefs = [...requests.keys()].filter((k) => k.startsWith('/briefs/')).length;
  check(`a feed of ${BIG_FEED_ITEMS.toLocaleString('en')} items streams with bounded memory`, big.code === 0 && briefs === BIG_FEED_ITEMS && big.peakMb < 400, `exit ${big.code}, ${briefs} pages fetched, peak RSS ${big.peakMb.toFixed(0)} MB`);
} finally {
  server.closeAllConnections();
  server.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(failures ? `\n${failures} check(s) failed` : '\nall checks pass');
process.exit(failures ? 1 : 0);
