// URLs against a local HTTP server on 127.0.0.1: no test touches the internet.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleResult } from '../src/types.js';
import { join } from 'node:path';
import { ARTICLES, runAsync } from './helpers.js';

const ARTICLE = '<html><head><title>Bridge to open in May | Gazette</title></head><body><article><p>The mayor said the new bridge will open in May, officials confirmed on Monday.</p></article></body></html>';

let server: Server;
let base = '';
// Requests to /held/<n> are answered after a pause; the server counts how many it holds at once.
let held = 0;
let mostHeld = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/article':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
        break;
      case '/moved':
        res.writeHead(301, { location: '/article' }).end();
        break;
      case '/loop':
        res.writeHead(302, { location: '/loop' }).end();
        break;
      case '/missing':
        res.writeHead(404).end('not here');
        break;
      case '/broken':
        res.writeHead(500).end('oops');
        break;
      case '/paper.pdf':
        res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4 …');
        break;
      case '/latin1':
        res.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' }).end(Buffer.from('Caf\xe9 owners in Montr\xe9al said prices rose by 12% last year.', 'latin1'));
        break;
      case '/huge':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('word '.repeat(600_000));
        break;
      case '/slow':
        // Never answers: the client's timeout must end the wait.
        break;
      default:
        if (req.url?.startsWith('/held/')) {
          mostHeld = Math.max(mostHeld, ++held);
          const n = req.url.slice('/held/'.length);
          setTimeout(() => {
            held--;
            res.writeHead(200, { 'content-type': 'text/plain' }).end(`Report ${n}: the mayor said the new bridge number ${n} will open in May.`);
          }, 150);
          break;
        }
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('extract from URLs', () => {
  it('fetches a page, follows a redirect and stores the final URL', async () => {
    const r = await runAsync(['extract', `${base}/moved`, '--no-store', '--format', 'json']);
    expect(r.code).toBe(0);
    const [doc] = JSON.parse(r.stdout) as ArticleResult[];
    expect(doc.article).toMatchObject({ source: `${base}/moved`, url: `${base}/article`, title: 'Bridge to open in May' });
    expect(doc.article.text).toContain('bridge will open in May');
    expect(doc.attributions[0]!.content).toContain('bridge will open in May');
  });

  it('decodes the charset the server declares', async () => {
    const r = await runAsync(['extract', `${base}/latin1`, '--no-store', '--format', 'json']);
    expect(JSON.parse(r.stdout)[0].article.text).toMatch(/^Café owners in Montréal/);
  });

  it('fails each bad URL with a one-line reason and goes on with the rest', async () => {
    const r = await runAsync(
      ['extract', `${base}/loop`, `${base}/missing`, `${base}/broken`, `${base}/paper.pdf`, `${base}/huge`, `${base}/slow`, `${base}/article`, '--no-store', '--timeout', '1', '--max-size', '1', '--quiet'],
    );
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      `newsclaims: cannot read '${base}/loop': more than 5 redirects`,
      `newsclaims: cannot read '${base}/missing': HTTP 404 Not Found`,
      `newsclaims: cannot read '${base}/broken': HTTP 500 Internal Server Error`,
      `newsclaims: cannot read '${base}/paper.pdf': not text or HTML (application/pdf)`,
      `newsclaims: cannot read '${base}/huge': too large (over 1 MB)`,
      `newsclaims: cannot read '${base}/slow': timed out after 1 s`,
    ]);
    expect(r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l).article.url)).toEqual([`${base}/article`]);
  });

  it('fetches several URLs at once, up to --concurrency, and keeps their order', async () => {
    const urls = [1, 2, 3, 4, 5, 6].map((n) => `${base}/held/${n}`);
    const order = (out: string) => out.split('\n').filter(Boolean).map((l) => JSON.parse(l).article.url ?? JSON.parse(l).article.source);
    mostHeld = 0;
    // A file among the URLs keeps its place too.
    const file = join(ARTICLES, '000_e46a63b45c546be4.txt');
    let r = await runAsync(['extract', ...urls.slice(0, 3), file, ...urls.slice(3), '--no-store', '--quiet', '--format', 'ndjson', '--concurrency', '2']);
    expect(r.code).toBe(0);
    expect(order(r.stdout)).toEqual([...urls.slice(0, 3), file, ...urls.slice(3)]);
    expect(mostHeld).toBe(2);
    mostHeld = 0;
    r = await runAsync(['extract', ...urls, '--no-store', '--quiet', '--format', 'ndjson', '--concurrency', '1']);
    expect(order(r.stdout)).toEqual(urls);
    expect(mostHeld).toBe(1);
    mostHeld = 0;
    r = await runAsync(['extract', ...urls, '--no-store', '--quiet', '--format', 'ndjson']);
    expect(mostHeld).toBeGreaterThan(2);
  });

  it('says so when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const r = await runAsync(['extract', `http://127.0.0.1:${port}/none`, '--no-store', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`newsclaims: cannot read 'http://127.0.0.1:${port}/none': connection refused\n`);
  });
});
