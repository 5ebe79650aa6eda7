// One unit of batch work, the same in a worker thread and in the main thread:
// read the input, build the article, skip it when its text is stored already, else run the NLP.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { RawDocument } from '../article/index.js';
import { InputError } from '../errors.js';
import { readInput, type InputItem } from '../ingest/index.js';
import { extractDocument } from '../pipeline.js';
import { BUSY_TIMEOUT_MS } from '../store/index.js';
import type { ArticleResult, FetchValidators } from '../types.js';

export interface TaskOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Skip articles whose text this database holds already (unless `force`). */
  db: string | null;
  force: boolean;
}

export type Outcome =
  | { kind: 'result'; source: string; result: ArticleResult; fetched?: FetchValidators }
  | { kind: 'skipped'; source: string; sha256: string; fetched?: FetchValidators }
  | { kind: 'declined'; source: string; message: string }
  | { kind: 'error'; source: string; message: string };

/** The outcome of an input that needs no reading: a page found unchanged, or one not fetched. */
export function settledOutcome(item: InputItem): Outcome | null {
  if (item.kind === 'unchanged') return { kind: 'skipped', source: item.source, sha256: item.sha256 };
  if (item.kind === 'declined') return { kind: 'declined', source: item.source, message: `not fetched '${item.source}': ${item.reason}` };
  return null;
}

/** Looks up stored texts through its own read-only connection (safe from any thread). */
export class KnownTexts {
  private db: Database.Database | null = null;
  constructor(private readonly path: string | null) {}
  has(sha256: string): boolean {
    if (!this.path) return false;
    if (!this.db) {
      if (!existsSync(this.path)) return false;
      try {
        this.db = new Database(this.path, { readonly: true, fileMustExist: true });
        this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      } catch {
        return false;
      }
    }
    try {
      return this.db.prepare('SELECT 1 FROM articles WHERE sha256 = ?').get(sha256) !== undefined;
    } catch {
      return false; // a table not made yet: nothing is stored
    }
  }
  close(): void {
    this.db?.close();
  }
}

export async function runTask(item: InputItem, opts: TaskOptions, known: KnownTexts, stdin?: NodeJS.ReadableStream): Promise<Outcome> {
  const settled = settledOutcome(item);
  if (settled) return settled;
  const got = await readInput(item, { timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes, stdin });
  if ('error' in got) return { kind: 'error', source: item.source, message: got.error.message };
  return runDocument(got.doc, opts, known);
}

export function runDocument(doc: RawDocument, opts: TaskOptions, known: KnownTexts): Outcome {
  try {
    const r = extractDocument(doc, (sha256) => !opts.force && known.has(sha256));
    if ('skipped' in r) return { kind: 'skipped', source: doc.source, sha256: r.skipped, ...(doc.fetched ? { fetched: doc.fetched } : {}) };
    return { kind: 'result', source: doc.source, result: r, ...(doc.fetched ? { fetched: doc.fetched } : {}) };
  } catch (err) {
    return { kind: 'error', source: doc.source, message: new InputError(doc.source, (err as Error).message).message };
  }
}
