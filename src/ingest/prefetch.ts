// URLs are slow to arrive and cheap to wait for, so they are fetched ahead of the NLP, several at a
// time (--concurrency), in this thread; the workers then get the bytes. A feed or sitemap, fetched
// or named as a file, expands in its place into the pages it lists, which are fetched the same way.
// Inputs keep their order, and at most `concurrency` fetched pages wait in memory at each level.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { readBody } from './body.js';
import { feedKind, isGzip, type FeedEntry } from './feeds.js';
import { fetchedDocument, type IngestOptions, type InputItem } from './index.js';
import type { HostGate, Robots } from './polite.js';
import type { StoredValidators } from '../types.js';
import { fetchUrl } from './url.js';

export interface PrefetchOptions extends IngestOptions {
  concurrency: number;
  gate: HostGate;
  /** robots.txt, asked about every URL a feed lists. */
  robots: Robots;
  /** Validators of the stored copy of a URL, for a conditional request. */
  validatorsOf?: (url: string) => Promise<StoredValidators | null>;
  /** A feed expanded into `entries` inputs in place of one. */
  onExpand?: (entries: number) => void;
}

type Resolved = InputItem | { kind: 'feed'; source: string; entries: FeedEntry[]; addresses: string[] };

/** How many inputs of other kinds (paths, records) may queue behind the URLs being fetched. */
const QUEUE_SLACK = 64;
/** A sitemap index lists sitemaps, which list pages; deeper than this is a loop or a mistake. */
const MAX_FEED_DEPTH = 4;

export async function* prefetchUrls(items: AsyncIterable<InputItem>, opts: PrefetchOptions, chain: string[] = []): AsyncGenerator<InputItem> {
  const queue: Array<{ slow: boolean; item: Promise<Resolved> }> = [];
  const it = items[Symbol.asyncIterator]();
  let exhausted = false;
  for (;;) {
    // Every slow input in the queue is being read (or is read and waits its turn).
    while (!exhausted && queue.filter((q) => q.slow).length < opts.concurrency && queue.length < opts.concurrency + QUEUE_SLACK) {
      const n = await it.next();
      if (n.done) {
        exhausted = true;
        break;
      }
      const item = n.value;
      const slow = (item.kind === 'url' || (item.kind === 'file' && !item.walked)) && !item.error;
      queue.push({ slow, item: slow ? resolve(item as InputItem & { kind: 'url' | 'file' }, opts, chain) : Promise.resolve(item) });
      // A path at the head need not wait for the queue to fill.
      if (!queue[0]!.slow) break;
    }
    const head = queue.shift();
    if (!head) return;
    const got = await head.item;
    if (got.kind !== 'feed') {
      yield got;
      continue;
    }
    opts.onExpand?.(got.entries.length);
    const listed = (async function* (): AsyncGenerator<InputItem> {
      for (const e of got.entries) yield { source: e.url, kind: 'url', listing: { feed: got.source, published: e.published, nested: e.nested } };
    })();
    yield* prefetchUrls(listed, opts, [...chain, ...got.addresses]);
  }
}

async function resolve(item: InputItem & { kind: 'url' | 'file' }, opts: PrefetchOptions, chain: string[]): Promise<Resolved> {
  const failed = (error: string): InputItem => ({ source: item.source, kind: item.kind, error });
  if (chain.includes(item.source)) return failed(`a sitemap or feed that includes itself (by way of ${chain.at(-1)})`);
  if (chain.length >= MAX_FEED_DEPTH) return failed(`feeds or sitemaps nested more than ${MAX_FEED_DEPTH} deep`);
  try {
    return item.kind === 'url' ? await resolveUrl(item, opts) : await resolveFile(item, opts);
  } catch (err) {
    return failed((err as Error).message);
  }
}

async function resolveUrl(item: InputItem & { kind: 'url' | 'file' }, opts: PrefetchOptions): Promise<Resolved> {
  // Pages a feed leads to are crawled, so their hosts' robots.txt has its say; a URL the user
  // names is fetched as a browser would fetch it.
  if (item.listing) {
    const answer = await opts.robots.check(item.source);
    if (!answer.allowed) return { source: item.source, kind: 'declined', reason: answer.reason };
  }
  const f = await fetchUrl(item.source, { timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes, validatorsOf: opts.validatorsOf, turn: (url) => opts.gate.turn(url) });
  if (f.kind === 'feed') return { kind: 'feed', source: item.source, entries: f.entries, addresses: [...new Set([item.source, f.url])] };
  if (f.kind === 'unchanged') return { source: item.source, kind: 'unchanged', sha256: f.sha256 };
  return { source: item.source, kind: 'record', doc: fetchedDocument(item.source, f, item.listing) };
}

/** A file named on the command line is a feed when its first bytes say so; otherwise a worker reads it. */
async function resolveFile(item: InputItem & { kind: 'url' | 'file' }, opts: PrefetchOptions): Promise<Resolved> {
  let head: Buffer;
  const file = await open(item.source, 'r').catch(() => null);
  if (!file) return item; // the worker reads it and says why it cannot
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await file.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } catch {
    return item;
  } finally {
    await file.close();
  }
  if (!isGzip(head) && !feedKind(head.toString('utf8'))) return item;
  const body = await readBody(createReadStream(item.source), { maxBytes: opts.maxBytes, base: null });
  if (body.kind === 'feed') return { kind: 'feed', source: item.source, entries: body.entries, addresses: [item.source] };
  return { source: item.source, kind: 'record', doc: { source: item.source, bytes: body.bytes } };
}
