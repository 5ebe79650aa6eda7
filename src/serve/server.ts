// `newsclaims serve`: a read-only HTTP server over a store. Routes read the store and hand what they
// found to a page (pages.ts) or to JSON in the contract the commands print.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { atThreshold } from '../nlp/claims.js';
import { serialize } from '../output/format.js';
import { AmbiguousArticleError } from '../errors.js';
import type { Store } from '../store/index.js';
import { articleList, articlePage, entityPage, MATCH, notFoundPage, searchPage } from './pages.js';
import { BadParameter, claimFilter, isoDay, positiveInt, text, threshold as thresholdOf } from './params.js';

export interface ServeOptions {
  host: string;
  port: number;
  /** The claim threshold pages use unless a request says otherwise; null shows every scored sentence. */
  threshold: number | null;
  /** Told of a request that failed inside (the server answers 500 and goes on). */
  onError?: (err: unknown) => void;
}

export const PAGE_SIZE = 50;
/** The most quotes and claims an entity's page lists. */
export const ENTITY_LIST = 200;
const SEARCH_LIMIT = 100;

/** The files under /assets/, read once at start: a name not in this table is not found, so no path leaves it. */
const ASSET_DIR = new URL('../../assets/', import.meta.url);
const ASSET_TYPES: Record<string, string> = {
  'newsclaims.css': 'text/css; charset=utf-8',
  'newsclaims.js': 'text/javascript; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
};
function loadAssets(): Map<string, { body: Buffer; type: string }> {
  return new Map(Object.entries(ASSET_TYPES).map(([name, type]) => [name, { body: readFileSync(new URL(name, ASSET_DIR)), type }]));
}

/** Pages run only our own script and styles: markup that got into an article's text could not run even if it were not escaped. */
const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const ARTICLE_ID = /^[0-9a-f]{4,64}$/;
const ENTITY_ID = /^[1-9][0-9]{0,15}$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

class NotFound extends Error {}

type Reply = { status: number; type: string; body: string | Buffer; headers?: Record<string, string> };
const htmlReply = (body: string, status = 200): Reply => ({ status, type: 'text/html; charset=utf-8', body });
const jsonReply = (body: string, status = 200): Reply => ({ status, type: 'application/json; charset=utf-8', body });

export class NewsclaimsServer {
  private readonly assets = loadAssets();
  readonly http: Server;

  constructor(
    private readonly store: Store,
    private readonly opts: ServeOptions,
  ) {
    this.http = createServer((req, res) => void this.handle(req, res));
  }

  /** Listen; resolves with the address to print. A port in use is an error that says so. */
  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      const failed = (err: NodeJS.ErrnoException) => {
        if (err.code === 'EADDRINUSE') reject(new Error(`port ${this.opts.port} on ${this.opts.host} is in use; choose another with --port`));
        else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') reject(new Error(`--host ${this.opts.host}: not an address of this machine`));
        else if (err.code === 'EACCES') reject(new Error(`port ${this.opts.port}: not allowed to listen there (ports below 1024 need privileges)`));
        else reject(err);
      };
      this.http.once('error', failed);
      this.http.listen(this.opts.port, this.opts.host, () => {
        this.http.off('error', failed);
        resolve();
      });
    });
    return this.url;
  }

  get url(): string {
    const a = this.http.address() as AddressInfo;
    const host = a.family === 'IPv6' ? `[${a.address}]` : a.address;
    return `http://${host}:${a.port}/`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let reply: Reply;
    try {
      reply = await this.route(req);
    } catch (err) {
      if (err instanceof NotFound) reply = req.url?.startsWith('/api/') ? jsonReply(JSON.stringify({ error: err.message || 'not found' }) + '\n', 404) : htmlReply(notFoundPage(err.message || undefined), 404);
      else if (err instanceof BadParameter) reply = jsonReply(JSON.stringify({ error: err.message }) + '\n', 400);
      else {
        this.opts.onError?.(err);
        reply = { status: 500, type: 'text/plain; charset=utf-8', body: 'The server failed to answer this request.\n' };
      }
    }
    res.writeHead(reply.status, { ...SECURITY_HEADERS, 'Content-Type': reply.type, 'Content-Length': Buffer.byteLength(reply.body), ...reply.headers });
    res.end(req.method === 'HEAD' ? undefined : reply.body);
  }

  private async route(req: IncomingMessage): Promise<Reply> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return { status: 405, type: 'text/plain; charset=utf-8', body: 'Only GET and HEAD.\n', headers: { Allow: 'GET, HEAD' } };
    // A page on a loopback address answers only to loopback names: another site's page, its name
    // re-pointed at 127.0.0.1 (DNS rebinding), cannot read the database through the reader's browser.
    const hostName = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    if (LOOPBACK.has(this.opts.host) && !LOOPBACK.has(hostName)) return { status: 421, type: 'text/plain; charset=utf-8', body: 'This server answers only to localhost.\n' };
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const q = url.searchParams;
    let m: RegExpExecArray | null;
    if (path === '/') return htmlReply(await this.list(q));
    if (path === '/favicon.ico') return { status: 301, type: 'text/plain; charset=utf-8', body: '', headers: { Location: '/assets/favicon.svg' } };
    if ((m = /^\/articles\/([^/]+)$/.exec(path))) return htmlReply(await this.article(m[1]!, q));
    if ((m = /^\/entities\/([^/]+)$/.exec(path))) return htmlReply(await this.entity(m[1]!));
    if (path === '/search') return htmlReply(await this.search(q));
    if ((m = /^\/api\/articles\/([^/]+)$/.exec(path))) return jsonReply(await this.apiArticle(m[1]!, q));
    if (path === '/api/claims') return jsonReply(serialize((await this.store.claims(claimFilter(q, this.opts.threshold))) as unknown as Array<Record<string, unknown>>, 'json'));
    if ((m = /^\/assets\/([^/]+)$/.exec(path))) {
      const asset = this.assets.get(m[1]!);
      if (!asset) throw new NotFound();
      return { status: 200, type: asset.type, body: asset.body, headers: { 'Cache-Control': 'no-cache' } };
    }
    throw new NotFound();
  }

  private async list(q: URLSearchParams): Promise<string> {
    let filter: { site?: string; since?: string; until?: string };
    let page: number;
    try {
      filter = { site: text(q, 'site'), since: isoDay(q, 'since'), until: isoDay(q, 'until') };
      page = positiveInt(q, 'page') ?? 1;
    } catch {
      // A hand-edited address on a page for people: show everything rather than an error.
      filter = {};
      page = 1;
    }
    const threshold = this.opts.threshold ?? undefined;
    const [total, rows] = await Promise.all([this.store.countArticles(filter), this.store.articles({ ...filter, threshold, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })]);
    return articleList({ rows, total, page, pageSize: PAGE_SIZE, filter });
  }

  /** An article by its id (12 hex digits, or a longer or shorter part of its sha256 that only it has). */
  private async found(ref: string, q: URLSearchParams) {
    const id = ref.toLowerCase();
    if (!ARTICLE_ID.test(id)) throw new NotFound('There is no article with that id.');
    const stored = await this.store.show(id).catch((err) => {
      if (err instanceof AmbiguousArticleError) throw new NotFound(err.message);
      throw err;
    });
    if (!stored) throw new NotFound('There is no article with that id.');
    const threshold = thresholdOf(q, this.opts.threshold);
    return { result: atThreshold(stored, threshold), threshold };
  }

  private async article(ref: string, q: URLSearchParams): Promise<string> {
    let found;
    try {
      found = await this.found(ref, q);
    } catch (err) {
      if (err instanceof BadParameter) found = await this.found(ref, new URLSearchParams());
      else throw err;
    }
    const entityIds = await this.store.entityIdsOf(found.result.article.id);
    return articlePage({ ...found, entityIds });
  }

  private async apiArticle(ref: string, q: URLSearchParams): Promise<string> {
    const { result } = await this.found(ref, q);
    return JSON.stringify(result, null, 2) + '\n';
  }

  private async entity(ref: string): Promise<string> {
    if (!ENTITY_ID.test(ref)) throw new NotFound('There is no entity with that id.');
    const id = Number(ref);
    const entity = await this.store.entity(id);
    if (!entity) throw new NotFound('There is no entity with that id.');
    const [said, about] = await Promise.all([
      this.store.saidBy(id, ENTITY_LIST),
      this.store.claims({ entityId: id, threshold: this.opts.threshold ?? undefined, limit: ENTITY_LIST }),
    ]);
    return entityPage({ entity, said, about, limit: ENTITY_LIST });
  }

  private async search(q: URLSearchParams): Promise<string> {
    const words = text(q, 'q') ?? '';
    const rows = words ? await this.store.search(words, { mark: MATCH, limit: SEARCH_LIMIT, threshold: this.opts.threshold ?? undefined }) : [];
    return searchPage(words, rows);
  }
}
