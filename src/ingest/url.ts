// URLs: Node's fetch with a timeout, a redirect limit, a size limit and a content-type check; a
// conditional request where a stored copy has validators, and each host's turn (--delay).
import { readBody } from './body.js';
import type { FeedEntry, FeedKind } from './feeds.js';
import { MAX_FEED_BYTES } from './feeds.js';
import type { StoredValidators } from '../types.js';


export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects?: number;
  /** The validators stored for a URL, if any (each redirect hop is looked up). */
  validatorsOf?: (url: string) => Promise<StoredValidators | null>;
  /** Resolves when the URL's host may be asked again (--delay, Crawl-delay), with a call for when the request is done. */
  turn?: (url: string) => Promise<() => void>;
}

export const USER_AGENT = 'newsclaims/0.1 (news claim extractor; +https://www.npmjs.com/package/newsclaims)';
/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'newsclaims';

export type Fetched =
  | { kind: 'document'; bytes: Uint8Array; contentType: string | null; url: string; etag: string | null; lastModified: string | null }
  | { kind: 'feed'; feed: FeedKind; entries: FeedEntry[]; url: string }
  | { kind: 'unchanged'; url: string; sha256: string };

/** Text, HTML and feeds; JSON (JSON Feed); gzip and unlabelled bytes, which may be a compressed sitemap. */
const ACCEPTED = /^(text\/|application\/((xhtml|rss|atom|rdf)\+xml|xml|(feed\+)?json|(x-)?gzip|octet-stream)\b)/i;

export async function fetchUrl(url: string, opts: FetchOptions): Promise<Fetched> {
  const maxRedirects = opts.maxRedirects ?? 5;
  // A timer of our own, cleared when the fetch ends: AbortSignal.timeout() keeps each request's
  // signal (and what listens to it) alive for the whole timeout, which over thousands of quick
  // fetches from a feed is memory that grows with the feed.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), opts.timeoutMs);
  const signal = controller.signal;
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const done = (await opts.turn?.(current)) ?? (() => {});
      try {
        const stored = (await opts.validatorsOf?.(current)) ?? null;
        const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,application/xml;q=0.5,*/*;q=0.1' };
        if (stored?.etag) headers['if-none-match'] = stored.etag;
        if (stored?.lastModified) headers['if-modified-since'] = stored.lastModified;
        const res = await fetch(current, { redirect: 'manual', signal, headers });
        if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
          await res.body?.cancel();
          if (hop >= maxRedirects) throw new Error(`more than ${maxRedirects} redirects`);
          current = new URL(res.headers.get('location')!, current).toString();
          continue;
        }
        if (res.status === 304 && stored) {
          await res.body?.cancel();
          return { kind: 'unchanged', url: current, sha256: stored.sha256 };
        }
        if (!res.ok) {
          await res.body?.cancel();
          throw new Error(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
        }
        const contentType = res.headers.get('content-type');
        if (contentType && !ACCEPTED.test(contentType)) {
          await res.body?.cancel();
          throw new Error(`not text or HTML (${contentType.split(';')[0]})`);
        }
        // A feed may be larger than an article may; the body's reader holds each to its own limit.
        const limit = Math.max(opts.maxBytes, MAX_FEED_BYTES);
        const declared = Number(res.headers.get('content-length') ?? 0);
        if (declared > limit) {
          await res.body?.cancel();
          throw new Error(`too large (${(declared / 1e6).toFixed(1)} MB; the limit is ${(limit / 1e6).toFixed(0)} MB)`);
        }
        const charset = contentType ? (/charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? null) : null;
        const body = await readBody((res.body ?? []) as AsyncIterable<Uint8Array>, { maxBytes: opts.maxBytes, base: current, charset });
        if (body.kind === 'feed') return { kind: 'feed', feed: body.feed, entries: body.entries, url: current };
        const unlabelled = contentType !== null && /octet-stream|gzip/i.test(contentType);
        if (unlabelled && body.bytes.subarray(0, 4096).includes(0)) throw new Error(`not text or HTML (${contentType.split(';')[0]})`);
        return { kind: 'document', bytes: body.bytes, contentType: unlabelled ? null : contentType, url: current, etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
      } finally {
        done();
      }
    }
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new Error(`timed out after ${opts.timeoutMs / 1000} s`);
    if (e.cause?.code === 'ECONNREFUSED') throw new Error('connection refused');
    if (e.cause?.code === 'ENOTFOUND') throw new Error('host not found');
    if (e.message === 'fetch failed' && e.cause) throw new Error(`fetch failed (${(e.cause as Error).message ?? e.cause.code})`);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}
