// Ingest: the user's inputs (files, directories, URLs, "-") → raw documents, one at a time.
import type { RawDocument } from '../article/index.js';
import { InputError } from '../errors.js';
import { expandPath, readFileLimited } from './files.js';
import { fetchUrl, type Fetched } from './url.js';

export interface IngestOptions {
  timeoutMs: number;
  maxBytes: number;
  stdin?: NodeJS.ReadableStream;
}

export type Ingested = { doc: RawDocument } | { error: InputError };

/** What a feed or sitemap said of a URL it listed. */
export interface Listing {
  /** The feed's address. */
  feed: string;
  /** The entry's date, which fills `published` when the page gives none. */
  published: string | null;
  /** A sitemap listed by a sitemap index. */
  nested: boolean;
}

/**
 * One input to process: a path, URL or stdin to read; a record already in memory (NDJSON, or a
 * page fetched ahead); a URL a conditional request found unchanged; or one not fetched, and why.
 */
export type InputItem =
  | { source: string; kind: 'file' | 'url' | 'stdin'; error?: string; listing?: Listing; /** found walking a directory */ walked?: boolean }
  | { source: string; kind: 'record'; doc: RawDocument }
  | { source: string; kind: 'unchanged'; sha256: string }
  | { source: string; kind: 'declined'; reason: string };

export const DEFAULT_MAX_BYTES = 10_000_000;
export const DEFAULT_TIMEOUT_MS = 20_000;
/** URLs fetched at the same time (--concurrency). */
export const DEFAULT_CONCURRENCY = 8;

async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > maxBytes) throw new Error(`too large (over ${(maxBytes / 1e6).toFixed(0)} MB)`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** Expand inputs into paths/URLs without reading them (for counting and ordering). */
export async function* listInputs(inputs: string[]): AsyncGenerator<InputItem> {
  for (const input of inputs) {
    if (input === '-') yield { source: '-', kind: 'stdin' };
    else if (isUrl(input)) yield { source: input, kind: 'url' };
    else for await (const f of expandPath(input)) yield { source: f.path, kind: 'file', ...(f.error ? { error: f.error } : {}), ...(f.path !== input ? { walked: true } : {}) };
  }
}

/** Read one listed input. */
export async function readInput(item: InputItem, opts: IngestOptions): Promise<Ingested> {
  if (item.kind === 'record') return { doc: item.doc };
  if (item.kind === 'unchanged' || item.kind === 'declined') throw new Error(`${item.kind} inputs have nothing to read`);
  if (item.error) return { error: new InputError(item.source, item.error) };
  try {
    if (item.kind === 'stdin') {
      const bytes = await readStream(opts.stdin ?? process.stdin, opts.maxBytes);
      if (!bytes.length) throw new Error('empty input');
      return { doc: { source: 'stdin', bytes } };
    }
    if (item.kind === 'url') {
      const f = await fetchUrl(item.source, { timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes });
      if (f.kind !== 'document') throw new Error(`a ${f.kind}, which extract expands (not read here)`);
      return { doc: fetchedDocument(item.source, f, item.listing) };
    }
    return { doc: { source: item.source, bytes: await readFileLimited(item.source, opts.maxBytes) } };
  } catch (err) {
    return { error: new InputError(item.kind === 'stdin' ? 'stdin' : item.source, (err as Error).message) };
  }
}

/** A fetched page as a raw document, with what its feed said and what to ask with next time. */
export function fetchedDocument(source: string, f: Extract<Fetched, { kind: 'document' }>, listing?: Listing): RawDocument {
  return {
    source,
    bytes: f.bytes,
    contentType: f.contentType,
    url: f.url,
    ...(listing?.published ? { fallback: { published: listing.published } } : {}),
    fetched: { url: f.url, etag: f.etag, lastModified: f.lastModified },
  };
}
