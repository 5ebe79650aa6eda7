// A body of bytes, from a URL or a file, becomes an article's bytes or a feed's entries. What it is
// comes from its content: gzip by its magic number, a feed or sitemap by its root element.
import { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { createGunzip } from 'node:zlib';
import { feedKind, isGzip, jsonFeedEntries, MAX_FEED_BYTES, XmlFeedReader, type FeedEntry, type FeedKind } from './feeds.js';

export type Body = { kind: 'document'; bytes: Buffer } | { kind: 'feed'; feed: FeedKind; entries: FeedEntry[] };

export interface BodyOptions {
  /** The article size limit (--max-size); a feed may be as large as a sitemap may (50 MB). */
  maxBytes: number;
  /** The address relative URLs in a feed resolve against. */
  base: string | null;
  /** The charset the server declared. */
  charset?: string | null;
}

const SNIFF_BYTES = 4096;

const tooLarge = (limit: number, what = '') => new Error(`too large${what} (over ${(limit / 1e6).toFixed(0)} MB)`);

/** The first bytes of a stream, and the whole stream again (those bytes first). */
async function peek(chunks: AsyncIterator<Uint8Array>, n: number): Promise<{ head: Buffer; all: AsyncIterator<Uint8Array> }> {
  const got: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < n) {
    const r = await chunks.next();
    if (r.done) {
      done = true;
      break;
    }
    got.push(r.value);
    size += r.value.length;
  }
  const head = Buffer.concat(got);
  async function* all(): AsyncGenerator<Uint8Array> {
    if (head.length) yield head;
    if (done) return;
    for (;;) {
      const r = await chunks.next();
      if (r.done) return;
      yield r.value;
    }
  }
  return { head, all: all() };
}

/**
 * Gzip undone as it streams, up to `limit` bytes out: a small file that would inflate to gigabytes
 * (a "gzip bomb") stops at the limit with an error, having held one chunk at a time.
 */
async function* gunzip(chunks: AsyncIterator<Uint8Array>, limit: number): AsyncGenerator<Uint8Array> {
  const source = Readable.from({ [Symbol.asyncIterator]: () => chunks });
  const inflate = createGunzip();
  source.on('error', (err) => inflate.destroy(err));
  source.pipe(inflate);
  let size = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw tooLarge(limit, ' when uncompressed');
      yield chunk;
    }
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code?.startsWith('Z_')) throw new Error(`not valid gzip (${e.message})`);
    throw err;
  } finally {
    source.destroy();
    inflate.destroy();
  }
}

async function collect(chunks: AsyncIterator<Uint8Array>, limit: number): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for (let r = await chunks.next(); !r.done; r = await chunks.next()) {
    size += r.value.length;
    if (size > limit) throw tooLarge(limit);
    parts.push(r.value);
  }
  return Buffer.concat(parts);
}

function decoderFor(charset: string | null | undefined): TextDecoder {
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** Read a body to its end: an article's bytes (up to maxBytes) or the entries of a feed or sitemap. */
export async function readBody(chunks: AsyncIterable<Uint8Array>, opts: BodyOptions): Promise<Body> {
  const source = chunks[Symbol.asyncIterator]();
  try {
    let { head, all } = await peek(source, SNIFF_BYTES);
    const gzipped = isGzip(head);
    if (gzipped) ({ head, all } = await peek(gunzip(all, Math.max(MAX_FEED_BYTES, opts.maxBytes)), SNIFF_BYTES));
    const kind = feedKind(decoderFor(opts.charset).decode(head));
    if (!kind) {
      if (gzipped && head.includes(0)) throw new Error('a compressed file that is no feed, sitemap or text');
      return { kind: 'document', bytes: await collect(all, opts.maxBytes) };
    }
    if (kind === 'json-feed') return { kind: 'feed', feed: kind, entries: jsonFeedEntries(decoderFor(opts.charset).decode(await collect(all, MAX_FEED_BYTES)), opts.base) };
    const reader = new XmlFeedReader(opts.base);
    const decoder = decoderFor(opts.charset);
    let size = 0;
    try {
      for (let r = await all.next(); !r.done; r = await all.next()) {
        size += r.value.length;
        if (size > MAX_FEED_BYTES) throw tooLarge(MAX_FEED_BYTES);
        reader.write(decoder.decode(r.value, { stream: true }));
      }
      reader.write(decoder.decode());
      return { kind: 'feed', feed: kind, entries: reader.close() };
    } catch (err) {
      const message = (err as Error).message;
      // saxes reports "line:column: what" for XML that is not well-formed.
      throw /^\d+:\d+: /.test(message) ? new Error(`not a well-formed ${kind === 'sitemap' || kind === 'sitemap-index' ? 'sitemap' : 'feed'} (${message})`) : err;
    }
  } finally {
    await source.return?.();
  }
}
