// The SQLite store: several articles per transaction, forward migrations, WAL, and a retry while
// another process holds the lock. The work itself (writes and queries) is shared with PostgreSQL.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreError } from '../errors.js';
import type { ArticleResult, FetchValidators, StoreStatus } from '../types.js';
import { EntityIdentity } from './identity.js';
import * as q from './queries.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { QueryingStore, type Store } from './store.js';
import { runSync, SQLITE, type Op, type Work } from './work.js';
import { writeArticle } from './write.js';

/** How long a command waits for another process's lock before it gives up. */
export const BUSY_TIMEOUT_MS = 10_000;

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs one step of SQLite work again while another process holds a lock, with a growing, jittered
 * pause, until `deadline`. SQLite's busy handler does not cover every case: where waiting could
 * deadlock it returns SQLITE_BUSY at once. Two processes switching a new file to WAL both hold a read
 * lock and want the write lock, so one of them is refused; a read snapshot another writer has moved
 * past cannot become a write. Starting the step afresh resolves both. A lock still held at the
 * deadline is reported as what it is.
 */
export function retryWhileBusy<T>(fn: () => T, path: string, timeoutMs: number, deadline = Date.now() + timeoutMs): T {
  for (let attempt = 0; ; attempt++) {
    try {
      return fn();
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (!/^SQLITE_(BUSY|LOCKED)/.test(code)) throw err;
      const left = deadline - Date.now();
      if (left <= 0) throw new StoreError(`cannot use database '${path}': another process holds it locked (waited ${+(timeoutMs / 1000).toFixed(1)} s; try again when it has finished)`);
      Atomics.wait(pause, 0, 0, Math.min(left, Math.min(20 * 2 ** Math.min(attempt, 4), 300) * (0.5 + Math.random())));
    }
  }
}


export class SqliteStore extends QueryingStore implements Store {
  readonly kind = 'sqlite';
  protected readonly dialect = SQLITE;
  /** Prepared statements, made once: preparing is a good part of a small insert. */
  private readonly statements = new Map<string, Database.Statement>();
  /** Which row an article's entity belongs to. */
  private readonly identity = new EntityIdentity(SQLITE);

  private constructor(
    readonly db: Database.Database,
    readonly path: string,
    private readonly busyTimeoutMs: number,
  ) {
    super();
    // The functions the shared queries call (PostgreSQL has them as SQL functions).
    db.function('has_words', { deterministic: true }, (haystack: unknown, needle: unknown) => (q.hasWords(haystack as string | null, String(needle)) ? 1 : 0));
    db.function('source_group', { deterministic: true }, q.sourceGroup);
    db.function('url_host', { deterministic: true }, q.urlHost);
  }

  get location(): string {
    return this.path;
  }

  private sql(text: string): Database.Statement {
    let st = this.statements.get(text);
    if (!st) this.statements.set(text, (st = this.db.prepare(text)));
    return st;
  }

  private readonly exec = (op: Op): unknown => {
    if (op.op === 'all') return this.sql(op.sql).all(...op.params);
    if (op.op === 'get') return this.sql(op.sql).get(...op.params);
    if (op.op === 'run') return void this.sql(op.sql).run(...op.params);
    if (op.op === 'reads') return op.reads.map((r) => this.sql(r.sql).all(...r.params));
    return op.ops.map((o) => {
      const st = this.sql(o.sql);
      const ids = o.rows.map((row) => Number(st.run(...row).lastInsertRowid));
      return o.returning ? ids : undefined;
    });
  };

  /** Run shared work now, outside a write transaction (reads). */
  protected now<T>(work: Work<T>): T {
    return runSync(work, this.exec);
  }

  /** Open (creating when `create`) and migrate. Throws StoreError with a one-line reason. */
  static open(path: string, { create = true, readonly = false, busyTimeoutMs = BUSY_TIMEOUT_MS } = {}): SqliteStore {
    const exists = existsSync(path);
    if (!exists && !create) throw new StoreError(`no database at '${path}' (run 'newsclaims extract' first, or pass --db)`);
    if (exists) {
      if (statSync(path).isDirectory()) throw new StoreError(`cannot open database '${path}': it is a directory`);
      const size = statSync(path).size;
      if (size > 0) {
        const head = Buffer.alloc(16);
        const fd = openSync(path, 'r');
        try {
          readSync(fd, head, 0, 16, 0);
        } finally {
          closeSync(fd);
        }
        if (head.toString('latin1') !== 'SQLite format 3\0') throw new StoreError(`cannot open database '${path}': not a SQLite database`);
      }
    } else {
      try {
        mkdirSync(dirname(path), { recursive: true });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way' : code === 'EACCES' || code === 'EROFS' || code === 'EPERM' ? 'read-only location' : (err as Error).message;
        throw new StoreError(`cannot create database directory '${dirname(path)}': ${why}`);
      }
    }
    let db: Database.Database;
    try {
      db = new Database(path, { readonly: readonly && exists, fileMustExist: !create });
    } catch (err) {
      const msg = (err as Error).message;
      throw new StoreError(`cannot open database '${path}': ${/unable to open/i.test(msg) && !exists ? 'cannot create the file here (read-only location?)' : msg}`);
    }
    const deadline = Date.now() + busyTimeoutMs;
    const step = <T>(fn: () => T): T => retryWhileBusy(fn, path, busyTimeoutMs, deadline);
    try {
      db.pragma(`busy_timeout = ${busyTimeoutMs}`);
      // The WAL switch comes first and alone: it is the step two processes opening a new file can
      // deadlock on (see retryWhileBusy), and once it is done every later reader and writer waits.
      if (!(readonly && exists)) step(() => db.pragma('journal_mode = WAL'));
      const version = step(() => db.pragma('user_version', { simple: true }) as number);
      if (version > SCHEMA_VERSION)
        throw new StoreError(`database '${path}' was written by a newer newsclaims (schema ${version}; this one knows ${SCHEMA_VERSION})`);
      if (!(readonly && exists)) db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      if (version < SCHEMA_VERSION) {
        if (readonly && exists) throw new StoreError(`database '${path}' needs an upgrade; run 'newsclaims extract' or 'newsclaims stats' once with write access`);
        const migrate = db.transaction(() => {
          // Read again under the write lock: another process may have migrated meanwhile.
          const current = db.pragma('user_version', { simple: true }) as number;
          for (let v = current; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
          db.pragma(`user_version = ${SCHEMA_VERSION}`);
        });
        step(() => migrate.immediate());
      }
      step(() => db.prepare('SELECT count(*) FROM articles').get());
    } catch (err) {
      db.close();
      if (err instanceof StoreError) throw err;
      const msg = (err as Error).message;
      if (/not a database|malformed|corrupt/i.test(msg)) throw new StoreError(`cannot open database '${path}': the file is corrupt (${msg})`);
      if (/readonly|read-only|attempt to write/i.test(msg)) throw new StoreError(`cannot write database '${path}': read-only location`);
      throw new StoreError(`cannot open database '${path}': ${msg}`);
    }
    return new SqliteStore(db, path, busyTimeoutMs);
  }

  async close(): Promise<void> {
    this.db.close();
  }


  async noteFetched(sha256: string, fetched: FetchValidators): Promise<void> {
    retryWhileBusy(() => this.now(q.noteFetched(sha256, fetched)), this.path, this.busyTimeoutMs);
  }


  /** Store one article in one transaction; the same text again replaces its rows. */
  async save(result: ArticleResult): Promise<StoreStatus> {
    return (await this.saveMany([result]))[0]!;
  }

  /**
   * Store several articles in one transaction (faster than one each; each article is still whole
   * or absent). Another process holding the write lock is waited for, then retried.
   *
   * No savepoint per article: FTS5 flushes its pending index to a new segment at every savepoint,
   * which made a savepoint per article cost more than the article's rows.
   */
  async saveMany(results: ArticleResult[], fetched: Array<FetchValidators | undefined> = []): Promise<StoreStatus[]> {
    const write = this.db.transaction(() => {
      this.identity.reset();
      const statuses = results.map((r, i) => this.now(writeArticle(this.identity, r, fetched[i])));
      this.now(this.identity.consolidate());
      return statuses;
    });
    return retryWhileBusy(() => write.immediate(), this.path, this.busyTimeoutMs);
  }







  async stats(threshold = 0): Promise<q.StatsRow> {
    return { database: this.path, schema: SCHEMA_VERSION, ...this.now(q.counts(threshold)), bytes: statSync(this.path).size };
  }


}
