// What every store does, SQLite or PostgreSQL: the commands talk to this and nothing below it.
import type { ArticleResult, FetchValidators, StoredValidators, StoreStatus } from '../types.js';
import type { ArticleFilter, ArticleRow, ClaimFilter, ClaimRow, EntityRow, SearchOptions, SearchRow, SourceRow, StatsRow } from './queries.js';

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** The file, or the server's URL without its password: what messages and `stats` name. */
  readonly location: string;
  close(): Promise<void>;

  /** Store articles; each is whole or absent. Statuses in the same order. */
  saveMany(results: ArticleResult[], fetched?: Array<FetchValidators | undefined>): Promise<StoreStatus[]>;
  save(result: ArticleResult): Promise<StoreStatus>;
  hasText(sha256: string): Promise<boolean>;
  validatorsOf(url: string): Promise<StoredValidators | null>;
  noteFetched(sha256: string, fetched: FetchValidators): Promise<void>;

  claims(f: ClaimFilter): Promise<ClaimRow[]>;
  entities(f: { type?: string; name?: string; limit?: number }): Promise<EntityRow[]>;
  sources(f: { kind?: string; name?: string; limit?: number }): Promise<SourceRow[]>;
  articles(f: ArticleFilter & { limit?: number; threshold?: number }): Promise<ArticleRow[]>;
  search(words: string, opts?: SearchOptions): Promise<SearchRow[]>;
  show(ref: string): Promise<ArticleResult | null>;
  stats(threshold?: number): Promise<StatsRow>;

  /** Stored articles in the order they were stored, a page at a time (for `import`). */
  articleShas(afterId: number, limit: number): Promise<Array<{ id: number; sha256: string }>>;
  fetchedOf(sha256: string): Promise<FetchValidators | undefined>;
}
