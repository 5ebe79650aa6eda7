// `newsclaims extract`: inputs → worker pool → SQLite in batched transactions → printed results,
// with progress on a terminal, resume by SHA-256, and a clean stop on Ctrl-C.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { processAll } from '../batch/pool.js';
import { UsageError } from '../errors.js';
import type { InputItem } from '../ingest/index.js';
import { listInputs } from '../ingest/index.js';
import { ndjsonRecords } from '../ingest/ndjson.js';
import { prefetchUrls } from '../ingest/prefetch.js';
import type { Format } from '../output/format.js';
import { Progress } from '../output/progress.js';
import { articleSummary } from '../output/summary.js';
import type { Store } from '../store/index.js';
import type { ArticleResult } from '../types.js';
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
  threshold: number;
}

interface Helpers {
  out: (s: string) => void;
  fail: (message: string) => void;
  formatOf: (f: Format | undefined) => Format;
  dbPath: (opt: string | undefined) => string;
  openStore: (opt: string | undefined, create?: boolean) => Store;
}

/** Results wait here until they are committed; only then are they printed as stored. */
const BATCH_SIZE = 32;
const BATCH_MS = 1000;

export async function extract(inputs: string[], opts: ExtractOptions, io: Io, h: Helpers): Promise<number> {
  if (!inputs.length && opts.fromNdjson === undefined) throw new UsageError("extract needs an input: a file, a directory, a URL, '-' for stdin, or --from-ndjson");
  const format = h.formatOf(opts.format);
  const store = opts.store ? h.openStore(opts.db, true) : null;
  const dbFile = store ? h.dbPath(opts.db) : null;

  // Listing paths first gives the progress bar its total; the paths are small, the articles are not.
  let items: AsyncIterable<InputItem>;
  let total: number | null = null;
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
  }

  const stderrTTY = (io.stderr as NodeJS.WriteStream).isTTY === true;
  const progress = opts.quiet ? null : new Progress(io.stderr, stderrTTY, total);
  const stop = { requested: false };
  const onSigint = () => {
    if (stop.requested) process.exit(130);
    stop.requested = true;
  };
  process.on('SIGINT', onSigint);

  const collected: ArticleResult[] = [];
  let pending: ArticleResult[] = [];
  let lastFlush = Date.now();
  const counts = { articles: 0, claims: 0, failed: 0, skipped: 0 };
  const print = (r: ArticleResult) => {
    counts.articles++;
    counts.claims += r.claims.filter((c) => c.score >= opts.threshold).length;
    if (format === 'ndjson') h.out(JSON.stringify(r));
    else if (format === 'json') collected.push(r);
    else {
      progress?.clear();
      h.out(`${counts.articles > 1 ? '\n' : ''}${articleSummary(r, opts.threshold)}`);
    }
  };
  const flush = () => {
    if (!pending.length) return;
    const statuses = store ? store.saveMany(pending) : pending.map(() => 'not stored' as const);
    pending.forEach((r, i) => {
      r.status = statuses[i];
      print(r);
    });
    pending = [];
    lastFlush = Date.now();
  };

  try {
    // Starting workers costs more than a handful of articles.
    const jobs = total !== null && total < 8 ? 1 : opts.jobs;
    const ingest = { timeoutMs: opts.timeout * 1000, maxBytes: opts.maxSize * 1e6, stdin: io.stdin };
    for await (const o of processAll(prefetchUrls(items, opts.concurrency, ingest), { ...ingest, jobs, db: dbFile, force: opts.force === true, stop })) {
      if (o.kind === 'error') {
        counts.failed++;
        progress?.clear();
        h.fail(o.message);
      } else if (o.kind === 'skipped') counts.skipped++;
      else {
        pending.push(o.result);
        if (pending.length >= BATCH_SIZE || Date.now() - lastFlush > BATCH_MS) flush();
      }
      progress?.tick(counts);
    }
    flush();
  } finally {
    process.off('SIGINT', onSigint);
    store?.close();
  }
  if (format === 'json') {
    const single = inputs.length === 1 && collected.length === 1 && (inputs[0] === '-' || /^https?:/i.test(inputs[0]!) || !(await isDirectory(inputs[0]!)));
    h.out(JSON.stringify(single ? collected[0] : collected, null, 2));
  }
  progress?.finish(counts, dbFile, stop.requested);
  if (stop.requested) return 130;
  return counts.failed ? 1 : 0;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
