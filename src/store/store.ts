// What every store does, SQLite or PostgreSQL: the commands talk to this and nothing below it.
import type { ArticleResult, FetchValidators, StoredValidators, StoreStatus } from '../types.js';
import * as q from './queries.js';
import type { ArticleFilter, ArticleRow, ClaimFilter, ClaimRow, EntityRow, SaidRow, SearchOptions, SearchRow, SourceRow, StatsRow } from './queries.js';
import type { Dialect, Work } from './work.js';

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** The file, or the server's URL without its password: what messages and `stats` name. */
  readonly location: string;
  close(): Promise<void>;

  /** Store articles; each is whole or absent. Statuses in the same order. */
  saveMany(results: ArticleResult[], fetched?: Array<FetchValidators | undefined>): Promise<StoreStatus[]>;
  save(result: ArticleResult): Promise<StoreStatus>;
  /** Which of these texts are stored: one question for a batch. */
  storedAmong(shas: string[]): Promise<Set<string>>;
  validatorsOf(url: string): Promise<StoredValidators | null>;
  noteFetched(sha256: string, fetched: FetchValidators): Promise<void>;

  claims(f: ClaimFilter): Promise<ClaimRow[]>;
  entities(f: { type?: string; name?: string; limit?: number }): Promise<EntityRow[]>;
  sources(f: { kind?: string; name?: string; limit?: number }): Promise<SourceRow[]>;
  articles(f: ArticleFilter & { limit?: number; offset?: number; threshold?: number }): Promise<ArticleRow[]>;
  countArticles(f: ArticleFilter): Promise<number>;
  search(words: string, opts?: SearchOptions): Promise<SearchRow[]>;
  show(ref: string): Promise<ArticleResult | null>;
  stats(threshold?: number): Promise<StatsRow>;

  // What `serve` adds: an entity by its database id, and the ids behind an article's local ones.
  entity(id: number): Promise<EntityRow | null>;
  entityIdsOf(articleUid: string): Promise<Record<string, number>>;
  saidBy(entityId: number, limit: number): Promise<SaidRow[]>;

  /** Stored articles in the order they were stored, a page at a time (for `import`). */
  articleShas(afterId: number, limit: number): Promise<Array<{ id: number; sha256: string }>>;
  fetchedOf(sha256: string): Promise<FetchValidators | undefined>;
}

/** The queries, once for both stores: each store says how it runs work (`now`) and in which dialect. */
export abstract class QueryingStore {
  protected abstract readonly dialect: Dialect;
  /** Run shared work outside a write transaction (reads). */
  protected abstract now<T>(work: Work<T>): T | Promise<T>;

  async storedAmong(shas: string[]): Promise<Set<string>> {
    return this.now(q.storedAmong(shas));
  }
  async validatorsOf(url: string): Promise<StoredValidators | null> {
    return this.now(q.validatorsOf(url));
  }
  async claims(f: ClaimFilter): Promise<ClaimRow[]> {
    return this.now(q.claims(this.dialect, f));
  }
  async entities(f: { type?: string; name?: string; limit?: number }): Promise<EntityRow[]> {
    return this.now(q.entities(this.dialect, f));
  }
  async sources(f: { kind?: string; name?: string; limit?: number }): Promise<SourceRow[]> {
    return this.now(q.sources(this.dialect, f));
  }
  async articles(f: ArticleFilter & { limit?: number; offset?: number; threshold?: number }): Promise<ArticleRow[]> {
    return this.now(q.articles(this.dialect, f));
  }
  async countArticles(f: ArticleFilter): Promise<number> {
    return this.now(q.countArticles(f));
  }
  async entity(id: number): Promise<EntityRow | null> {
    return this.now(q.entity(this.dialect, id));
  }
  async entityIdsOf(articleUid: string): Promise<Record<string, number>> {
    return this.now(q.entityIdsOf(articleUid));
  }
  async saidBy(entityId: number, limit: number): Promise<SaidRow[]> {
    return this.now(q.saidBy(entityId, limit));
  }
  async search(words: string, opts: SearchOptions = {}): Promise<SearchRow[]> {
    return this.now(q.search(this.dialect, words, opts));
  }
  async show(ref: string): Promise<ArticleResult | null> {
    return this.now(q.show(this.dialect, ref));
  }
  async articleShas(afterId: number, limit: number): Promise<Array<{ id: number; sha256: string }>> {
    return this.now(q.articleShas(afterId, limit));
  }
  async fetchedOf(sha256: string): Promise<FetchValidators | undefined> {
    return this.now(q.fetchedOf(sha256));
  }
}
