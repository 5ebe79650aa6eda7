// The store: where extracted articles are kept and queried. SQLite (a file) is the default;
// PostgreSQL (a server, given as a postgres:// URL) serves many writers on many hosts.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { SqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export type { Store } from './store.js';
export type { ArticleFilter, ArticleRow, ClaimFilter, ClaimRow, EntityRow, SaidRow, SearchOptions, SearchRow, SourceRow, StatsRow } from './queries.js';
export { hasWords } from './queries.js';
export { entityKey } from './identity.js';
export { BUSY_TIMEOUT_MS, retryWhileBusy, SqliteStore } from './sqlite.js';

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NEWSCLAIMS_DB) return env.NEWSCLAIMS_DB.includes('://') ? env.NEWSCLAIMS_DB : resolve(env.NEWSCLAIMS_DB);
  const dataHome = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(dataHome, 'newsclaims', 'newsclaims.db');
}

/** A postgres:// or postgresql:// URL names a PostgreSQL server; anything else is a SQLite file. */
export const isPostgresUrl = (location: string) => /^postgres(?:ql)?:\/\//i.test(location);

export interface OpenOptions {
  create?: boolean;
  readonly?: boolean;
  busyTimeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/** Open (creating when `create`) and migrate the store at `location`. Throws StoreError with a one-line reason. */
export async function openStore(location: string, opts: OpenOptions = {}): Promise<Store> {
  if (isPostgresUrl(location)) {
    const { PostgresStore } = await import('./postgres.js');
    return PostgresStore.open(location, opts);
  }
  return SqliteStore.open(location, opts);
}
