// The PostgreSQL store, for many extractors on many hosts writing into one database. The work
// (writes and queries) is shared with SQLite (work.ts); here are the connection pool, one
// transaction per article with retries, and forward migrations under an advisory lock.
import pg from 'pg';
import { redact, StoreError } from '../errors.js';
import type { ArticleResult, FetchValidators, StoreStatus } from '../types.js';
import { EntityIdentity } from './identity.js';
import * as q from './queries.js';
import { PG_MIGRATIONS, PG_SCHEMA_VERSION } from './schema-pg.js';
import { QueryingStore, type Store } from './store.js';
import { all, get, POSTGRES, runAsync, type InsertRows, type Op, type Work } from './work.js';
import { writeArticle } from './write.js';

// Counts and ids are bigint, sums numeric: numbers, as SQLite gives them (far below 2^53 here).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/** Articles written at once, each in its own transaction on its own connection. */
const WRITERS = 4;
/**
 * How often one article's transaction is tried when it meets another writer's. Two processes
 * writing the same names on a loaded machine can meet many times in a row (a deadlock costs the
 * server's deadlock_timeout, 1 s, to find); the waits between tries are capped (see saveOne).
 */
const ATTEMPTS = 16;
/** How often it is tried when the server went away: a restart is back within seconds, or not at all. */
const ATTEMPTS_LOST = 8;
/** SQLSTATEs a retry resolves: serialization failure, deadlock, and the unique and foreign keys another writer's commit touched. */
const RETRYABLE = new Set(['40001', '40P01', '23505', '23503']);
/** The server went away (a restart); the pool reconnects on the next try. */
const CONNECTION_LOST = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE']);
/**
 * How a writer's transaction begins. Its reads are lookups of a few rows by index (a name's row, an
 * alias's owner), but a database filled from empty has statistics from when it was small for most
 * of a bulk load (autovacuum analyses a table at most once a minute), and the planner then hashes
 * the whole entities table to join a dozen alias rows: 10 ms instead of 0.8 ms per article on the
 * BBC corpus. Within the transaction only, joins are nested loops over the indexes.
 */
const BEGIN_WRITE = ['BEGIN', 'SET LOCAL enable_hashjoin = off', 'SET LOCAL enable_mergejoin = off'];
const MIGRATION_LOCK = 7_265_411_203; // pg_advisory_xact_lock key: "newsclaims migrate"

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `?` placeholders as PostgreSQL's `$1, $2, …` (the shared SQL has no `?` inside its literals). */
function numbered(sql: string, from = 1): string {
  let n = from - 1;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * A single-row INSERT of the shared work, as one INSERT of many rows whose text does not depend on
 * how many: the rows go as one JSON parameter (`$n`), read by json_populate_recordset into the
 * table's own row type.
 */
function manyRows(sql: string, rows: unknown[][], returning: boolean, param = 1): { text: string; values: unknown[] } {
  const m = /^\s*INSERT INTO (\w+) \(([^)]*)\)\s*VALUES\s*\([^)]*\)([\s\S]*)$/i.exec(sql);
  if (!m) throw new Error(`not a single-row INSERT: ${sql}`);
  const columns = m[2]!.split(',').map((c) => c.trim());
  const names = columns.map((c) => c.replace(/"/g, ''));
  const records = rows.map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]])));
  return {
    text: `INSERT INTO ${m[1]} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM json_populate_recordset(NULL::${m[1]}, $${param}::json)${m[3]}${returning ? ' RETURNING id' : ''}`,
    values: [JSON.stringify(records)],
  };
}

/**
 * Several many-row INSERTs as one statement: each a data-modifying WITH query, the new ids of those
 * that return them aggregated in order. Its text depends only on which tables it writes, so as a
 * named statement it is parsed and planned once per connection, where a simple query of the same
 * INSERTs with their rows as literals was parsed, analysed and planned for every article (a fifth
 * of the server's CPU on the BBC corpus). Foreign keys between the parts hold: their checks run at
 * the end of the statement, when every part's rows are in.
 */
function insertStatement(ops: InsertRows[]): { text: string; values: unknown[] } {
  const parts = ops.map((o, i) => manyRows(o.sql, o.rows, o.returning === true, i + 1));
  const ids = ops.map((o, i) => `${o.returning ? `(SELECT coalesce(json_agg(id), '[]'::json) FROM w${i})` : 'NULL'} AS r${i}`);
  return {
    text: `WITH ${parts.map((p, i) => `w${i} AS (${p.text})`).join(',\n')}\nSELECT ${ids.join(', ')}`,
    values: parts.map((p) => p.values[0]),
  };
}

/**
 * A string as an SQL literal: what the driver's escapeLiteral gives, quotes doubled and, where the
 * text holds a backslash, the E'' form with backslashes doubled. The driver builds its result by
 * appending one character at a time, a rope the socket write must then flatten; a regular
 * expression replace makes one flat string.
 */
export function quoteText(s: string): string {
  const quoted = `'${s.replace(/'/g, "''")}'`;
  return s.includes('\\') ? ` E${quoted.replace(/\\/g, '\\\\')}` : quoted;
}

/** A value as an SQL literal, for a simple query (which takes no parameters). */
export function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot write ${v} into SQL`);
    return String(v);
  }
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  // An array of strings as an array literal ('{"a","b"}'), each element quoted with " and \ escaped.
  if (Array.isArray(v)) return quoteText(`{${v.map((x) => `"${String(x).replace(/[\\"]/g, '\\$&')}"`).join(',')}}`);
  return quoteText(String(v));
}

/** Shared SQL with its `?` placeholders replaced by the values as literals. */
function inline(sql: string, params: unknown[]): string {
  let i = 0;
  return sql.replace(/\?/g, () => literal(params[i++]));
}

/** A message a user can act on, naming the server without its password. */
function connectionMessage(err: unknown, location: string): string {
  const e = err as Error & { code?: string };
  const where = `PostgreSQL at '${location}'`;
  switch (e.code) {
    case 'ECONNREFUSED':
      return `cannot connect to ${where}: connection refused (is the server running?)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot connect to ${where}: host not found`;
    case 'ETIMEDOUT':
      return `cannot connect to ${where}: timed out`;
    case '28P01':
    case '28000':
      return `cannot connect to ${where}: ${e.message}`;
    case '3D000':
      return `cannot connect to ${where}: ${e.message} (create it, e.g. createdb)`;
    default:
      return `cannot use ${where}: ${e.message.split('\n')[0]}`;
  }
}

export class PostgresStore extends QueryingStore implements Store {
  readonly kind = 'postgres';
  protected readonly dialect = POSTGRES;

  private constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
  ) {
    super();
  }

  /** Connect, check the schema's version and migrate. Throws StoreError with a one-line reason. */
  static async open(url: string, { create = true, readonly = false }: { create?: boolean; readonly?: boolean } = {}): Promise<PostgresStore> {
    const location = redact(url);
    try {
      new URL(url);
    } catch {
      throw new StoreError(`--db '${location}': not a valid PostgreSQL URL (postgres://user:password@host:port/database)`);
    }
    let pool: pg.Pool;
    try {
      pool = new pg.Pool({
        connectionString: url,
        max: WRITERS + 1,
        connectionTimeoutMillis: 10_000,
        application_name: 'newsclaims',
        // A reader (the query commands, `serve`) cannot write even by mistake: the server refuses it.
        ...(readonly ? { options: '-c default_transaction_read_only=on' } : {}),
      });
    } catch (err) {
      throw new StoreError(`--db '${location}': ${(err as Error).message}`);
    }
    // An idle connection the server drops (a restart) must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    // Likewise a connection in use between two statements: the next statement fails and is retried.
    pool.on('connect', (client) => client.on('error', () => {}));
    const store = new PostgresStore(pool, location);
    try {
      const client = await pool.connect();
      try {
        await store.migrate(client, create && !readonly);
      } finally {
        client.release();
      }
    } catch (err) {
      await pool.end().catch(() => {});
      if (err instanceof StoreError) throw err;
      throw new StoreError(connectionMessage(err, location));
    }
    return store;
  }

  private async migrate(client: pg.PoolClient, canWrite: boolean): Promise<void> {
    const version = async () => {
      // pg_class read with the statement's snapshot: to_regclass() may answer from a catalog cache
      // that has not yet seen another process's migration, committed while this one waited.
      const r = await client.query("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'newsclaims_schema' AND n.nspname = current_schema()) AS made");
      if (!r.rows[0].made) return 0;
      return Number((await client.query('SELECT version FROM newsclaims_schema')).rows[0]?.version ?? 0);
    };
    const found = await version();
    if (found > PG_SCHEMA_VERSION) throw new StoreError(`database '${this.location}' was written by a newer newsclaims (schema ${found}; this one knows ${PG_SCHEMA_VERSION})`);
    if (found === PG_SCHEMA_VERSION) return;
    if (!canWrite) throw new StoreError(found === 0 ? `no newsclaims database at '${this.location}' (run 'newsclaims extract --db …' first)` : `database '${this.location}' needs an upgrade; run 'newsclaims extract' once`);
    await client.query('BEGIN');
    try {
      // One process migrates; the others wait here, then find the work done.
      await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      const current = await version();
      if (current === 0) await client.query('CREATE TABLE newsclaims_schema (version INTEGER NOT NULL); INSERT INTO newsclaims_schema VALUES (0)');
      for (let v = current; v < PG_SCHEMA_VERSION; v++) await client.query(PG_MIGRATIONS[v]!);
      await client.query('UPDATE newsclaims_schema SET version = $1', [PG_SCHEMA_VERSION]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    }
  }

  /** Statement names by SQL text: a named statement is parsed and planned once per connection. */
  private readonly names = new Map<string, string>();
  private query(client: pg.PoolClient | pg.Pool, text: string, values: unknown[]) {
    // Many-row INSERTs vary with their row count; only the common sizes are worth keeping.
    if (this.names.size > 500) return client.query(text, values);
    let name = this.names.get(text);
    if (!name) this.names.set(text, (name = `nc${this.names.size}`));
    return client.query({ name, text, values });
  }

  /**
   * How this store runs one op of shared work on `client`. `lead` statements (a transaction's BEGIN)
   * go in front of the first op, in its round trip: that op is then sent as a simple query, with its
   * values written into it as literals escaped by the driver.
   */
  private exec(client: pg.PoolClient | pg.Pool, lead: string[] = []) {
    let pending = lead;
    /** Several statements as one simple query (one round trip); the results of all but the lead. */
    const simple = async (statements: string[]): Promise<pg.QueryResult[]> => {
      const skip = pending.length;
      const text = [...pending, ...statements].join(';\n');
      pending = [];
      const results = (await client.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
      return (Array.isArray(results) ? results : [results]).slice(skip);
    };
    return async (op: Op): Promise<unknown> => {
      if (op.op === 'batch') {
        if (pending.length) await simple([]);
        const { text, values } = insertStatement(op.ops);
        const row = (await this.query(client, text, values)).rows[0] as Record<string, number[] | null>;
        return op.ops.map((o, i) => (o.returning ? row[`r${i}`]! : undefined));
      }
      if (op.op === 'reads') return (await simple(op.reads.map((r) => inline(r.sql, r.params)))).map((r) => r.rows);
      const r = pending.length ? (await simple([inline(op.sql, op.params)]))[0]! : await this.query(client, numbered(op.sql), op.params);
      if (op.op === 'all') return r.rows;
      if (op.op === 'get') return r.rows[0];
      return undefined;
    };
  }

  /** Run shared work on any pooled connection (reads; one statement at a time). */
  protected async now<T>(work: Work<T>): Promise<T> {
    try {
      return await runAsync(work, this.exec(this.pool));
    } catch (err) {
      throw this.storeError(err);
    }
  }

  private storeError(err: unknown): Error {
    const e = err as Error & { code?: string };
    if (err instanceof StoreError || !e.code) return err as Error;
    return new StoreError(connectionMessage(err, this.location));
  }

  /** One article in one transaction, tried again when another writer's work got in the way. */
  private async saveOne(result: ArticleResult, fetched: FetchValidators | undefined, newId?: number): Promise<StoreStatus> {
    for (let attempt = 1; ; attempt++) {
      let client: pg.PoolClient | null = null;
      try {
        client = await this.pool.connect();
        const identity = new EntityIdentity(POSTGRES);
        // BEGIN goes with the transaction's first statement: a round trip fewer per article.
        const exec = this.exec(client, BEGIN_WRITE);
        const status = await runAsync(writeArticle(identity, result, fetched, newId), exec);
        await runAsync(identity.consolidate(), exec);
        await client.query('COMMIT');
        client.release();
        return status;
      } catch (err) {
        const code = (err as { code?: string }).code ?? '';
        const lost = CONNECTION_LOST.has(code) || /Connection terminated|connection.*(closed|ended)/i.test((err as Error).message);
        if (client) {
          if (lost) client.release(err as Error);
          else {
            await client.query('ROLLBACK').catch(() => {});
            client.release();
          }
        }
        if (lost ? attempt < ATTEMPTS_LOST : attempt < ATTEMPTS && RETRYABLE.has(code)) {
          // A restarting server takes seconds; a conflicting writer, milliseconds.
          await sleep(lost ? Math.min(500 * attempt, 3000) : Math.min(2000, 10 * 2 ** attempt) * (0.5 + Math.random()));
          continue;
        }
        throw this.storeError(err);
      }
    }
  }

  async saveMany(results: ArticleResult[], fetched: Array<FetchValidators | undefined> = []): Promise<StoreStatus[]> {
    const statuses: StoreStatus[] = new Array(results.length);
    // Ids reserved in input order, in one statement: the articles are written at once, but listed in order.
    const ids = results.length > 1 ? (await this.now(all<{ id: number }>("SELECT nextval(pg_get_serial_sequence('articles', 'id')) AS id FROM generate_series(1, ?::int)", results.length))).map((r) => r.id) : [];
    let next = 0;
    const writer = async () => {
      for (let i = next++; i < results.length; i = next++) statuses[i] = await this.saveOne(results[i]!, fetched[i], ids[i]);
    };
    await Promise.all(Array.from({ length: Math.min(WRITERS, results.length) }, writer));
    return statuses;
  }

  async save(result: ArticleResult): Promise<StoreStatus> {
    return this.saveOne(result, undefined);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }



  async noteFetched(sha256: string, fetched: FetchValidators) {
    return this.now(q.noteFetched(sha256, fetched));
  }







  async stats(threshold = 0): Promise<q.StatsRow> {
    const counts = await this.now(q.counts(threshold));
    const size = await this.now(get<{ n: number }>('SELECT pg_database_size(current_database()) AS n'));
    return { database: this.location, schema: PG_SCHEMA_VERSION, ...counts, bytes: size!.n };
  }


}
