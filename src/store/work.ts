// Store work written once for both databases. Each piece of work is a generator that yields the
// statements it needs and receives their results: SQLite runs it synchronously inside one
// transaction (better-sqlite3 is synchronous), PostgreSQL asynchronously on one pooled connection.
// What differs between the two SQL dialects is asked of the `Dialect`, in one place.

/** A statement for the runner. SQL is written with `?` placeholders; `"end"` is quoted (a PostgreSQL keyword). */
export type Op =
  | { op: 'all'; sql: string; params: unknown[] }
  | { op: 'get'; sql: string; params: unknown[] }
  | { op: 'run'; sql: string; params: unknown[] }
  /** INSERTs that do not depend on one another, which a server may take in one round trip; gives each one's result. */
  | { op: 'batch'; ops: InsertRows[] }
  /** SELECTs that do not depend on one another, which a server may take in one round trip; gives each one's rows. */
  | { op: 'reads'; reads: Read[] };

export interface Read {
  sql: string;
  params: unknown[];
}

/** One single-row INSERT run for many rows; with `returning`, gives each row's new id, in order. */
export interface InsertRows {
  sql: string;
  rows: unknown[][];
  returning?: boolean;
}

export type Work<T> = Generator<Op, T, unknown>;
export type Row = Record<string, unknown>;

export const all = function* <T = Row>(sql: string, ...params: unknown[]): Work<T[]> {
  return (yield { op: 'all', sql, params }) as T[];
};
export const get = function* <T = Row>(sql: string, ...params: unknown[]): Work<T | undefined> {
  return (yield { op: 'get', sql, params }) as T | undefined;
};
export const run = function* (sql: string, ...params: unknown[]): Work<void> {
  yield { op: 'run', sql, params };
};
/** Several SELECTs at once: each one's rows, in order (none for a null, which is not sent). */
export const allOf = function* (...reads: Array<Read | null>): Work<Row[][]> {
  const todo = reads.filter((r): r is Read => r !== null);
  const done = todo.length ? ((yield { op: 'reads', reads: todo }) as Row[][]) : [];
  let i = 0;
  return reads.map((r) => (r ? done[i++]! : []));
};
/** Several many-row INSERTs at once; each result is its ids (with `returning`) or undefined. */
export const insertBatch = function* (...ops: InsertRows[]): Work<Array<number[] | undefined>> {
  const todo = ops.filter((o) => o.rows.length);
  const done = todo.length ? ((yield { op: 'batch', ops: todo }) as Array<number[] | undefined>) : [];
  let i = 0;
  return ops.map((o) => (o.rows.length ? done[i++] : o.returning ? [] : undefined));
};

/** What differs between SQLite and PostgreSQL SQL, as fragments the shared queries put in place. */
export interface Dialect {
  name: 'sqlite' | 'postgres';
  /** `col LIKE ?` ignoring case (SQLite's LIKE ignores ASCII case; PostgreSQL has ILIKE). */
  likeNocase(col: string): string;
  /** `col = ?` ignoring case (SQLite's alias column is COLLATE NOCASE). */
  eqNocase(col: string): string;
  /** A JSON array of [a, b] pairs aggregated over rows, '[]' for none. */
  jsonPairs(a: string, b: string): string;
  /** A JSON array of a column's values over rows, '[]' for none. */
  jsonList(col: string): string;
  /** Ordering by code point, whatever the database's collation. */
  binary(col: string): string;
  /** Each statement is a round trip to a server: worth reading ahead in fewer, larger statements. */
  remote: boolean;
}

export const SQLITE: Dialect = {
  name: 'sqlite',
  likeNocase: (col) => `${col} LIKE ? ESCAPE '\\'`,
  eqNocase: (col) => `${col} = ?`,
  jsonPairs: (a, b) => `json_group_array(json_array(${a}, ${b}))`,
  jsonList: (col) => `json_group_array(${col})`,
  binary: (col) => col,
  remote: false,
};

export const POSTGRES: Dialect = {
  name: 'postgres',
  likeNocase: (col) => `${col} ILIKE ? ESCAPE '\\'`,
  eqNocase: (col) => `lower(${col}) = lower(?)`,
  jsonPairs: (a, b) => `coalesce(json_agg(json_build_array(${a}, ${b})), '[]'::json)`,
  jsonList: (col) => `coalesce(json_agg(${col}), '[]'::json)`,
  binary: (col) => `${col} COLLATE "C"`,
  remote: true,
};

/** A JSON value as SQLite gives it (text) or PostgreSQL does (parsed). */
export function json<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

/** Run work to its end with a synchronous executor (SQLite). */
export function runSync<T>(work: Work<T>, exec: (op: Op) => unknown): T {
  let next = work.next();
  while (!next.done) next = work.next(exec(next.value));
  return next.value;
}

/** Run work to its end with an asynchronous executor (PostgreSQL). */
export async function runAsync<T>(work: Work<T>, exec: (op: Op) => Promise<unknown>): Promise<T> {
  let next = work.next();
  while (!next.done) next = work.next(await exec(next.value));
  return next.value;
}
