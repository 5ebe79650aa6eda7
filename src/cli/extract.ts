// `newsclaims extract`: inputs → worker pool → SQLite in batched transactions → printed results,
// with progress on a terminal, resume by SHA-256, and a clean stop on Ctrl-C.
import { createReadStream } from 'node:fs';
import { processAll } from '../batch/pool.js';
import { UsageError } from '../errors.js';
import type { InputItem } from '../ingest/index.js';
import { listInputs } from '../ingest/index.js';
import { ndjsonRecords } from '../ingest/ndjson.js';
import { HostGate, Robots } from '../ingest/polite.js';
import { prefetchUrls } from '../ingest/prefetch.js';
import type { Format } from '../output/format.js';
import { Progress } from '../output/progress.js';
import { atThreshold } from '../nlp/claims.js';
import { articleSummary } from '../output/summary.js';
import type { Store } from '../store/index.js';
import type { ArticleResult, FetchValidators } from '../types.js';
import type { Io } from './main.js';

export interface ExtractOptions {
  db?: string;
  format?: Format;
  store: boolean;
  fromNdjson?: string | boolean;
  jobs: number;
  force?: boolean;
  quiet?: boolean;
  timeout: number;
  concurrency: number;
  maxSize: number;
  /** Seconds between requests to one host. */
  delay: number;
  /** Claims are the sentences scoring at least this; null keeps every scored sentence (--all). */
  threshold: number | null;
}

interface Helpers {
  out: (s: string) => void;
  /** Has the reader of stdout gone (a closed pipe)? */
  readerGone: () => boolean;
  onReaderGone: (listener: () => void) => void;
  fail: (message: string) => void;
  formatOf: (f: Format | undefined) => Format;
  dbPath: (opt: string | undefined) => string;
  openStore: (opt: string | undefined, create?: boolean) => Promise<Store>;
}

/** Results wait here until they are committed; only then are they printed as stored. */
const BATCH_SIZE = 32;
const BATCH_MS = 1000;

export async function extract(inputs: string[], opts: ExtractOptions, io: Io, h: Helpers): Promise<number> {
  if (!inputs.length && opts.fromNdjson === undefined) throw new UsageError("extract needs an input: a file, a directory, a URL, '-' for stdin, or --from-ndjson");
  const format = h.formatOf(opts.format);
  const store = opts.store ? await h.openStore(opts.db, true) : null;
  // Workers skip stored texts by reading a SQLite file themselves; with PostgreSQL this thread asks.
  const dbFile = store?.kind === 'sqlite' ? store.location : null;

  // Listing paths first gives the progress bar its total; the paths are small, the articles are not.
  let items: AsyncIterable<InputItem>;
  let total: number | null = null;
  /** Inputs that may turn out to be feeds, whose pages then join the batch. */
  let mayExpand = true;
  if (opts.fromNdjson !== undefined) {
    const file = typeof opts.fromNdjson === 'string' && opts.fromNdjson !== '-' ? opts.fromNdjson : null;
    items = ndjsonRecords(file ? createReadStream(file) : io.stdin, file ?? 'stdin');
  } else {
    const listed: InputItem[] = [];
    for await (const item of listInputs(inputs)) listed.push(item);
    items = (async function* () {
      yield* listed;
    })();
    total = listed.length;
    mayExpand = listed.some((i) => i.kind === 'url' || (i.kind === 'file' && !i.walked && !/\.(txt|md|markdown|html?|xhtml)$/i.test(i.source)));
  }

  const stderrTTY = (io.stderr as NodeJS.WriteStream).isTTY === true;
  const progress = opts.quiet ? null : new Progress(io.stderr, stderrTTY, total);
  const stop = { requested: false };
  const onSigint = () => {
    if (stop.requested) process.exit(130);
    stop.requested = true;
  };
  process.on('SIGINT', onSigint);

  // A reader that closes the pipe ("| head") ends the batch like Ctrl-C, quietly: what is done is
  // committed, nothing more is printed.
  h.onReaderGone(() => {
    stop.requested = true;
  });

  const collected: ArticleResult[] = [];
  /** Results in input order; a new one waits for its commit, a stored one ("unchanged") only for its turn. */
  // An entry with `stored` is a text the store has, or will have once the batches before it are
  // written: its stored record is read when its batch is written, so the loop never waits for it.
  let pending: Array<{ result: ArticleResult | null; save: boolean; fetched?: FetchValidators; stored?: string }> = [];
  let lastFlush = Date.now();
  const counts = { articles: 0, claims: 0, failed: 0, skipped: 0, declined: 0 };
  // Texts met in this run: a second copy in one batch is the first one, unchanged, whatever --jobs is.
  const seen = new Set<string>();
  // Every scored sentence is stored; what is printed, and counted, are the claims at the threshold.
  const print = (full: ArticleResult) => {
    if (h.readerGone()) return;
    const r = atThreshold(full, opts.threshold);
    if (format === 'ndjson') h.out(JSON.stringify(r));
    else if (format === 'json') collected.push(r);
    else {
      progress?.clear();
      h.out(`${counts.articles + counts.skipped > 1 ? '\n' : ''}${articleSummary(r, full.claims.length - r.claims.length)}`);
    }
  };
  /** Write one batch, then print it: an article is printed only once it is committed. */
  const writeBatch = async (batch: typeof pending) => {
    // Workers skip stored texts only on SQLite; on PostgreSQL the batch asks once, unless --force.
    if (store && !dbFile && !opts.force) {
      const stored = await store.storedAmong(batch.filter((p) => p.save).map((p) => p.result!.article.sha256));
      for (const p of batch) {
        if (!p.save || !stored.has(p.result!.article.sha256)) continue;
        p.save = false;
        p.stored = p.result!.article.sha256;
      }
    }
    const toSave = batch.filter((p) => p.save);
    const statuses = store ? await store.saveMany(toSave.map((p) => p.result!), toSave.map((p) => p.fetched)) : toSave.map(() => 'not stored' as const);
    let i = 0;
    for (const p of batch) {
      if (p.save) {
        p.result!.status = statuses[i++];
        counts.articles++;
        counts.claims += atThreshold(p.result!, opts.threshold).claims.length;
      } else counts.skipped++;
      // (A copy of a text earlier in this batch is read after the batch is saved.)
      const r = p.stored ? await unchanged(p.stored, p.result) : p.result;
      if (r) print(r);
    }
  };
  // Batches are written one after another while the loop goes on taking results from the workers,
  // so a database that answers slowly (a server) holds up the NLP less. At most two batches wait.
  let writing: Promise<void> = Promise.resolve();
  let batchesWaiting = 0;
  const flush = (): Promise<void> => {
    if (pending.length) {
      const batch = pending;
      pending = [];
      lastFlush = Date.now();
      batchesWaiting++;
      writing = writing.then(() => writeBatch(batch)).finally(() => batchesWaiting--);
      // Handled here; whoever awaits `writing` next still sees the failure.
      writing.catch(() => {});
    }
    return writing;
  };
  /** The stored record of a text extracted before, to print as "unchanged". */
  const unchanged = async (sha256: string, fallback: ArticleResult | null): Promise<ArticleResult | null> => {
    const r = (await store?.show(sha256)) ?? fallback;
    return r ? { ...r, status: 'unchanged' } : null;
  };

  try {
    // Starting workers costs more than a handful of articles.
    const jobs = total !== null && total < 8 && !mayExpand ? 1 : opts.jobs;
    const ingest = { timeoutMs: opts.timeout * 1000, maxBytes: opts.maxSize * 1e6, stdin: io.stdin };
    const gate = new HostGate(opts.delay * 1000);
    const fetching = {
      ...ingest,
      concurrency: opts.concurrency,
      gate,
      robots: new Robots(gate, ingest.timeoutMs),
      // --force extracts again, so it asks for whole pages.
      validatorsOf: store && !opts.force ? (url: string) => store.validatorsOf(url) : undefined,
      onExpand: (entries: number) => progress?.grow(entries - 1),
    };
    for await (const o of processAll(prefetchUrls(items, fetching), { ...ingest, jobs, db: dbFile, force: opts.force === true, stop })) {
      if (o.kind === 'error') {
        counts.failed++;
        progress?.clear();
        h.fail(o.message);
      } else if (o.kind === 'declined') {
        // Not a failure: the site asked not to be crawled there.
        counts.declined++;
        progress?.clear();
        if (!opts.quiet) h.fail(o.message);
      } else {
        const sha = o.kind === 'skipped' ? o.sha256 : o.result.article.sha256;
        if (o.kind === 'skipped' && o.fetched && store) await store.noteFetched(sha, o.fetched);
        if (o.kind === 'result' && !seen.has(sha)) pending.push({ result: o.result, save: true, fetched: o.fetched });
        // Stored before this run, or a copy of a text earlier in it: read back once that is written.
        else pending.push({ result: o.kind === 'result' ? o.result : null, save: false, stored: sha });
        seen.add(sha);
        if (pending.length >= BATCH_SIZE || Date.now() - lastFlush > BATCH_MS) {
          const written = flush();
          if (batchesWaiting > 1) await written;
        }
      }
      progress?.tick(counts);
    }
    await flush();
  } finally {
    process.off('SIGINT', onSigint);
    await writing.catch(() => {});
    await store?.close();
  }
  if (h.readerGone()) return counts.failed ? 1 : 0;
  // One shape for every input: an array, even for one article.
  if (format === 'json') h.out(JSON.stringify(collected, null, 2));
  progress?.finish(counts, store ? store.location : null, stop.requested);
  if (stop.requested) return 130;
  return counts.failed ? 1 : 0;
}
