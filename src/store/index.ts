// The SQLite store: one transaction per article, forward migrations, WAL, and the queries
// behind the query commands. Every user value is bound as a parameter.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { AmbiguousArticleError, StoreError } from '../errors.js';
import { withoutHonorific } from '../nlp/name-forms.js';
import { hostOf } from '../nlp/sources.js';
import type { ArticleMeta, ArticleResult, FetchValidators, StoredValidators, Attribution, AttributionKind, Claim, Entity, EntityType, Source, SpeakerRef, StoreStatus } from '../types.js';
import { EntityIdentity } from './identity.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export { entityKey } from './identity.js';

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NEWSCLAIMS_DB) return resolve(env.NEWSCLAIMS_DB);
  const dataHome = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(dataHome, 'newsclaims', 'newsclaims.db');
}

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
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

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


/** Escape LIKE wildcards so a user's "%" or "_" is matched literally. */
function like(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Which articles: of a site (its name or its URL's host, as whole words), published in a date range. */
export interface ArticleFilter {
  site?: string;
  /** ISO dates, inclusive: "2005-01-01". */
  since?: string;
  until?: string;
}

/** The WHERE terms of an ArticleFilter over `articles a`. `published` is ISO 8601, so its date is its first ten characters. */
function articleWhere(f: ArticleFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.site) {
    where.push("(has_words(a.site, ?) OR has_words(substr(a.url, instr(a.url, '://') + 3, instr(substr(a.url, instr(a.url, '://') + 3) || '/', '/') - 1), ?))");
    params.push(f.site, f.site);
  }
  if (f.since) {
    where.push('substr(a.published, 1, 10) >= ?');
    params.push(f.since);
  }
  if (f.until) {
    where.push('substr(a.published, 1, 10) <= ?');
    params.push(f.until);
  }
  return { where, params };
}

export interface ClaimFilter extends ArticleFilter {
  speaker?: string;
  entity?: string;
  /** Name, domain or URL of a cited source, matched as whole words ("report" is not "reporters"). */
  source?: string;
  article?: string;
  direct?: boolean;
  /** Only claims whose attribution is of this kind. */
  kind?: AttributionKind;
  /** Only claims scoring at least this; undefined lists every scored sentence. */
  threshold?: number;
  limit?: number;
}

/** A `claims` row: the contract's claim object, plus the article it is in and the names it refers to. */
export interface ClaimRow extends Claim {
  /** The article's id. */
  article: string;
  direct: boolean;
  /** The kind of the claim's attribution; null for a claim in the article's own voice. */
  kind: AttributionKind | null;
  /** Names of `entityIds` and `sourceIds`, in the same order. */
  entities: string[];
  sources: string[];
}

/** An `entities` row: one real-world entity across articles. `id` is the database's id of it. */
export interface EntityRow {
  id: number;
  name: string;
  type: EntityType;
  aliases: string[];
  articles: number;
  mentions: number;
}

/** A `sources` row: a cited source across articles; URLs are grouped by domain. */
export interface SourceRow {
  kind: Source['kind'];
  name: string;
  articles: number;
  mentions: number;
  urls: number;
}

/** An `articles` row: the article's metadata and counts. `claims` counts sentences at the threshold. */
export interface ArticleRow extends ArticleMeta {
  id: string;
  chars: number;
  claims: number;
  attributions: number;
  entities: number;
  sources: number;
  extractedAt: string;
}

/** What `stats` prints. */
export interface StatsRow {
  database: string;
  schema: number;
  threshold: number;
  articles: number;
  claims: number;
  sentences: number;
  attributions: number;
  entities: number;
  mentions: number;
  sources: number;
  bytes: number;
}

/** A `search` row: a claim or an attribution, with its local id in the article. */
export interface SearchRow {
  kind: 'claim' | 'attribution';
  article: string;
  id: string;
  speaker: SpeakerRef | null;
  text: string;
  rank: number;
}

const WORD_CHAR = '[\\p{L}\\p{N}]';
const wordPatterns = new Map<string, RegExp>();
/** Does `needle` occur in `haystack` as whole words, ignoring case? */
export function hasWords(haystack: string | null, needle: string): boolean {
  if (!haystack) return false;
  let re = wordPatterns.get(needle);
  if (!re) {
    re = new RegExp(`(?<!${WORD_CHAR})${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!${WORD_CHAR})`, 'iu');
    if (wordPatterns.size > 100) wordPatterns.clear();
    wordPatterns.set(needle, re);
  }
  return re.test(haystack);
}

/**
 * A document named only by what it is ("report", "the survey") is a different document in each
 * article; one with an author or a title ("Oxfam report") is the same wherever it is cited.
 */
const GENERIC_DOCUMENT = /^(?:(?:the|a|an|this|that|its|his|her|their|new|latest|recent|annual|official)\s+)*(?:report|reports|survey|surveys|study|studies|research|poll|polls|figures|data|statistics|statement|analysis|paper|review|findings|results|audit|inquiry|investigation|index|census|forecast|estimates|release|press release|letter|memo|blog post|filing|ruling|lawsuit)$/i;

export class Store {
  /** Prepared statements of the write path, made once: preparing is a good part of a small insert. */
  private readonly statements = new Map<string, Database.Statement>();
  private identityCache: EntityIdentity | null = null;
  /** Which row an article's entity belongs to (made on first use, after migrations). */
  private get identity(): EntityIdentity {
    return (this.identityCache ??= new EntityIdentity(this.db));
  }

  private constructor(
    readonly db: Database.Database,
    readonly path: string,
    private readonly busyTimeoutMs: number,
  ) {
    db.function('has_words', { deterministic: true }, (haystack: unknown, needle: unknown) => (hasWords(haystack as string | null, String(needle)) ? 1 : 0));
    // How `sources` groups rows: URLs by domain, a generic document per article, others by name.
    db.function('source_group', { deterministic: true }, (kind: unknown, name: unknown, domain: unknown, article: unknown) =>
      kind === 'url' && domain ? `url:${domain}` : kind === 'document' && GENERIC_DOCUMENT.test(String(name)) ? `${kind}:${String(name).toLowerCase()}#${article}` : `${kind}:${String(name).toLowerCase()}`,
    );
  }

  private sql(text: string): Database.Statement {
    let st = this.statements.get(text);
    if (!st) this.statements.set(text, (st = this.db.prepare(text)));
    return st;
  }

  /** Open (creating when `create`) and migrate. Throws StoreError with a one-line reason. */
  static open(path: string, { create = true, readonly = false, busyTimeoutMs = BUSY_TIMEOUT_MS } = {}): Store {
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
    return new Store(db, path, busyTimeoutMs);
  }

  close(): void {
    this.db.close();
  }

  /** What the stored copy of a page was fetched with, by the address that answered. */
  validatorsOf(url: string): StoredValidators | null {
    const row = this.sql('SELECT sha256, etag, last_modified AS lastModified FROM articles WHERE fetched_url = ? AND (etag IS NOT NULL OR last_modified IS NOT NULL) ORDER BY id DESC LIMIT 1').get(url) as
      | StoredValidators
      | undefined;
    return row ?? null;
  }

  /** A page fetched again whose text is the stored one: keep what it was fetched with this time. */
  noteFetched(sha256: string, fetched: FetchValidators): void {
    retryWhileBusy(() => this.sql('UPDATE articles SET fetched_url = ?, etag = ?, last_modified = ? WHERE sha256 = ?').run(fetched.url, fetched.etag, fetched.lastModified, sha256), this.path, this.busyTimeoutMs);
  }

  hasText(sha256: string): boolean {
    return this.db.prepare('SELECT 1 FROM articles WHERE sha256 = ?').get(sha256) !== undefined;
  }

  /** Store one article in one transaction; the same text again replaces its rows. */
  save(result: ArticleResult): StoreStatus {
    return this.saveMany([result])[0]!;
  }

  /**
   * The rows of one article, inside the caller's transaction. No savepoint of its own: FTS5 flushes
   * its pending index to a new segment at every savepoint, which made a savepoint per article cost
   * more than the article's rows.
   */
  private writeArticle(result: ArticleResult, fetched?: FetchValidators): StoreStatus {
    const a = result.article;
    // The same text, or a new version of a page stored before (its URL), replaces the stored copy.
    const old = (this.sql('SELECT id FROM articles WHERE sha256 = ?').get(a.sha256) ?? (a.url && isWebUrl(a.url) ? this.sql('SELECT id FROM articles WHERE url = ? ORDER BY id LIMIT 1').get(a.url) : undefined)) as { id: number } | undefined;
    let touched: number[] = [];
    if (old) {
      touched = (this.sql('SELECT entity_id FROM article_entities WHERE article_id = ?').all(old.id) as Array<{ entity_id: number }>).map((r) => r.entity_id);
      this.sql('DELETE FROM articles WHERE id = ?').run(old.id);
    }
    const articleId = Number(
      this.sql(
        'INSERT INTO articles (id, uid, sha256, source, url, title, byline, published, site, language, text, extracted_at, fetched_url, etag, last_modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(old?.id ?? null, a.id, a.sha256, a.source, a.url, a.title, a.byline, a.published, a.site, a.language ?? null, a.text, new Date().toISOString(), fetched?.url ?? null, fetched?.etag ?? null, fetched?.lastModified ?? null).lastInsertRowid,
    );
    const entityIds = new Map<string, number>();
    const addAlias = this.sql('INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)');
    const addArticleEntity = this.sql('INSERT INTO article_entities (article_id, local_id, entity_id, name, type, aliases) VALUES (?, ?, ?, ?, ?, ?)');
    const addMention = this.sql('INSERT INTO mentions (article_id, local_entity, entity_id, start, end, text) VALUES (?, ?, ?, ?, ?, ?)');
    for (const e of result.entities) {
      const id = this.identity.idFor(e);
      entityIds.set(e.id, id);
      for (const alias of [e.name, ...e.aliases]) addAlias.run(id, alias);
      addArticleEntity.run(articleId, e.id, id, e.name, e.type, JSON.stringify(e.aliases));
      for (const m of e.mentions) addMention.run(articleId, e.id, id, m.start, m.end, m.text);
    }
    const addAttribution = this.sql(
      `INSERT INTO attributions (article_id, local_id, speaker_name, speaker_local, speaker_entity_id, speaker_text, role, channel, cue, content, start, end, content_spans, direct, kind)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const at of result.attributions) {
      const sp = at.speaker;
      addAttribution.run(articleId, at.id, sp?.name ?? null, sp?.entityId ?? null, sp?.entityId ? (entityIds.get(sp.entityId) ?? null) : null, at.speakerText, at.role, at.channel, at.cue, at.content, at.start, at.end, JSON.stringify(at.contentSpans), at.direct ? 1 : 0, at.kind);
    }
    const sourceIds = new Map<string, number>();
    const addSource = this.sql('INSERT INTO sources (article_id, local_id, kind, name, url, domain) VALUES (?, ?, ?, ?, ?, ?)');
    const addSourceMention = this.sql('INSERT INTO source_mentions (source_id, start, end, text) VALUES (?, ?, ?, ?)');
    for (const s of result.sources) {
      const id = Number(addSource.run(articleId, s.id, s.kind, s.name, s.url, s.url ? hostOf(s.url) : null).lastInsertRowid);
      sourceIds.set(s.id, id);
      for (const m of s.mentions) addSourceMention.run(id, m.start, m.end, m.text);
    }
    const direct = new Map(result.attributions.map((x) => [x.id, x.direct]));
    const addClaim = this.sql(
      `INSERT INTO claims (article_id, local_id, text, start, end, speaker_name, speaker_local, speaker_entity_id, attribution_local, direct, hedged, hedges, score)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const addClaimEntity = this.sql('INSERT OR IGNORE INTO claim_entities (claim_id, entity_id, local_entity) VALUES (?, ?, ?)');
    const addClaimSource = this.sql('INSERT OR IGNORE INTO claim_sources (claim_id, source_id) VALUES (?, ?)');
    for (const c of result.claims) {
      const sp = c.speaker;
      const id = Number(
        addClaim.run(articleId, c.id, c.text, c.start, c.end, sp?.name ?? null, sp?.entityId ?? null, sp?.entityId ? (entityIds.get(sp.entityId) ?? null) : null, c.attributionId, c.attributionId && direct.get(c.attributionId) ? 1 : 0, c.hedged ? 1 : 0, JSON.stringify(c.hedges), c.score).lastInsertRowid,
      );
      for (const e of c.entityIds) if (entityIds.has(e)) addClaimEntity.run(id, entityIds.get(e), e);
      for (const s of c.sourceIds) if (sourceIds.has(s)) addClaimSource.run(id, sourceIds.get(s));
    }
    // Entities that only the replaced version of this article named are gone now.
    const dropOrphan = this.sql('DELETE FROM entities WHERE id = ? AND NOT EXISTS (SELECT 1 FROM article_entities WHERE entity_id = ?)');
    for (const id of touched) if (![...entityIds.values()].includes(id)) dropOrphan.run(id, id);
    return old ? 'updated' : 'stored';
  }

  /**
   * Store several articles in one transaction (faster than one each; each article is still whole
   * or absent). Another process holding the write lock is waited for, then retried.
   */
  saveMany(results: ArticleResult[], fetched: Array<FetchValidators | undefined> = []): StoreStatus[] {
    const write = this.db.transaction(() => {
      const statuses = results.map((r, i) => this.writeArticle(r, fetched[i]));
      this.identity.consolidate();
      return statuses;
    });
    return retryWhileBusy(() => write.immediate(), this.path, this.busyTimeoutMs);
  }

  /**
   * An article by id, sha256, source or URL, or by an id prefix that only one article has. A prefix
   * several articles share is an error that names a few of them.
   */
  private findArticle(ref: string): { id: number } | undefined {
    const exact = this.db.prepare('SELECT id FROM articles WHERE uid = ? OR sha256 = ? OR source = ? OR url = ?').get(ref, ref, ref, ref) as { id: number } | undefined;
    if (exact) return exact;
    const matches = this.db.prepare("SELECT id, uid FROM articles WHERE uid LIKE ? ESCAPE '\\' ORDER BY uid LIMIT 6").all(`${ref.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as Array<{ id: number; uid: string }>;
    if (matches.length > 1) {
      const total = (this.db.prepare("SELECT count(*) AS n FROM articles WHERE uid LIKE ? ESCAPE '\\'").get(`${ref.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as { n: number }).n;
      throw new AmbiguousArticleError(`'${ref}' matches ${total} articles (${matches.slice(0, 5).map((m) => m.uid).join(', ')}${total > 5 ? ', …' : ''}); give more of the id`);
    }
    return matches[0];
  }

  claims(f: ClaimFilter): ClaimRow[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.threshold !== undefined) {
      where.push('c.score >= ?');
      params.push(f.threshold);
    }
    if (f.speaker) {
      where.push(
        `(c.speaker_name LIKE ? ESCAPE '\\' OR c.speaker_entity_id IN (SELECT entity_id FROM entity_aliases WHERE alias LIKE ? ESCAPE '\\'))`,
      );
      const who = withoutHonorific(f.speaker);
      params.push(like(who), like(who));
    }
    if (f.entity) {
      where.push(
        `c.id IN (SELECT ce.claim_id FROM claim_entities ce WHERE ce.entity_id IN (SELECT entity_id FROM entity_aliases WHERE alias LIKE ? ESCAPE '\\'))`,
      );
      params.push(like(withoutHonorific(f.entity)));
    }
    if (f.source) {
      where.push(
        `c.id IN (SELECT cs.claim_id FROM claim_sources cs JOIN sources s ON s.id = cs.source_id WHERE has_words(s.name, ?) OR has_words(s.domain, ?) OR has_words(s.url, ?))`,
      );
      params.push(f.source, f.source, f.source);
    }
    if (f.article) {
      const a = this.findArticle(f.article);
      where.push('c.article_id = ?');
      params.push(a?.id ?? -1);
    }
    if (f.site || f.since || f.until) {
      const a = articleWhere(f);
      where.push(`c.article_id IN (SELECT a.id FROM articles a WHERE ${a.where.join(' AND ')})`);
      params.push(...a.params);
    }
    if (f.direct) where.push('c.direct = 1');
    if (f.kind) {
      // A claim in the article's own voice has no attribution and so no kind.
      where.push('EXISTS (SELECT 1 FROM attributions t WHERE t.article_id = c.article_id AND t.local_id = c.attribution_local AND t.kind = ?)');
      params.push(f.kind);
    }
    const sql = `
      SELECT a.uid AS article, c.local_id AS id, c.text, c.start, c.end, c.speaker_name, c.speaker_local, c.attribution_local, c.direct, c.hedged, c.hedges, c.score,
        (SELECT t.kind FROM attributions t WHERE t.article_id = c.article_id AND t.local_id = c.attribution_local) AS kind,
        (SELECT json_group_array(json_array(ce.local_entity, ae.name)) FROM claim_entities ce JOIN article_entities ae ON ae.article_id = c.article_id AND ae.local_id = ce.local_entity WHERE ce.claim_id = c.id) AS entities,
        (SELECT json_group_array(json_array(s.local_id, s.name)) FROM claim_sources cs JOIN sources s ON s.id = cs.source_id WHERE cs.claim_id = c.id) AS sources
      FROM claims c JOIN articles a ON a.id = c.article_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY c.article_id, c.start
      ${f.limit ? 'LIMIT ?' : ''}`;
    if (f.limit) params.push(f.limit);
    const byLocalId = (pairs: Array<[string, string]>) => pairs.sort((x, y) => Number(x[0].slice(1)) - Number(y[0].slice(1)));
    return (this.db.prepare(sql).all(...params) as Array<Record<string, unknown>>).map((r) => {
      const entities = byLocalId(JSON.parse(r.entities as string) as Array<[string, string]>);
      const sources = byLocalId(JSON.parse(r.sources as string) as Array<[string, string]>);
      return {
        article: r.article as string,
        id: r.id as string,
        text: r.text as string,
        start: r.start as number,
        end: r.end as number,
        speaker: r.speaker_name === null ? null : { name: r.speaker_name as string, entityId: (r.speaker_local as string | null) ?? null },
        attributionId: (r.attribution_local as string | null) ?? null,
        direct: r.direct === 1,
        kind: (r.kind as AttributionKind | null) ?? null,
        hedged: r.hedged === 1,
        hedges: JSON.parse(r.hedges as string) as string[],
        score: r.score as number,
        entityIds: entities.map((e) => e[0]),
        sourceIds: sources.map((x) => x[0]),
        entities: entities.map((e) => e[1]),
        sources: sources.map((x) => x[1]),
      };
    });
  }

  entities(f: { type?: string; name?: string; limit?: number }): EntityRow[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.type) {
      where.push('e.type = ?');
      params.push(f.type);
    }
    if (f.name) {
      where.push(`e.id IN (SELECT entity_id FROM entity_aliases WHERE alias LIKE ? ESCAPE '\\')`);
      params.push(like(withoutHonorific(f.name)));
    }
    const sql = `
      SELECT e.id, e.name, e.type,
        (SELECT json_group_array(alias) FROM (SELECT alias FROM entity_aliases x WHERE x.entity_id = e.id AND x.alias <> e.name ORDER BY alias)) AS aliases,
        (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id) AS articles,
        (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions
      FROM entities e ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY articles DESC, mentions DESC, e.name
      ${f.limit ? 'LIMIT ?' : ''}`;
    if (f.limit) params.push(f.limit);
    return (this.db.prepare(sql).all(...params) as Array<Record<string, unknown>>).map((r) => ({
      id: r.id as number,
      name: r.name as string,
      type: r.type as EntityType,
      aliases: JSON.parse(r.aliases as string) as string[],
      articles: r.articles as number,
      mentions: r.mentions as number,
    }));
  }

  /**
   * Sources across articles: URLs grouped by domain, named documents and outlets by name; a document
   * named only by what it is ("report") stays one row per article.
   */
  sources(f: { kind?: string; name?: string; limit?: number }): SourceRow[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.kind) {
      where.push('s.kind = ?');
      params.push(f.kind);
    }
    if (f.name) {
      where.push('(has_words(s.name, ?) OR has_words(s.domain, ?))');
      params.push(f.name, f.name);
    }
    const sql = `
      SELECT s.kind, coalesce(s.domain, min(s.name)) AS name, count(DISTINCT s.article_id) AS articles,
        sum(coalesce(m.n, 0)) AS mentions, count(DISTINCT s.url) AS urls
      FROM sources s LEFT JOIN (SELECT source_id, count(*) AS n FROM source_mentions GROUP BY source_id) m ON m.source_id = s.id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      GROUP BY source_group(s.kind, s.name, s.domain, s.article_id)
      ORDER BY articles DESC, mentions DESC, name
      ${f.limit ? 'LIMIT ?' : ''}`;
    if (f.limit) params.push(f.limit);
    return this.db.prepare(sql).all(...params) as SourceRow[];
  }

  articles(f: ArticleFilter & { limit?: number; threshold?: number }): ArticleRow[] {
    const { where, params } = articleWhere(f);
    return this.db
      .prepare(
        `SELECT a.uid AS id, a.source, a.url, a.title, a.byline, a.published, a.site, a.language, length(a.text) AS chars,
          (SELECT count(*) FROM claims c WHERE c.article_id = a.id AND c.score >= ?) AS claims,
          (SELECT count(*) FROM attributions t WHERE t.article_id = a.id) AS attributions,
          (SELECT count(*) FROM article_entities e WHERE e.article_id = a.id) AS entities,
          (SELECT count(*) FROM sources s WHERE s.article_id = a.id) AS sources,
          a.extracted_at AS extractedAt
        FROM articles a ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id ${f.limit ? 'LIMIT ?' : ''}`,
      )
      .all(f.threshold ?? 0, ...params, ...(f.limit ? [f.limit] : [])) as ArticleRow[];
  }

  /** Full-text search over claims (at `threshold`, if given) and attributions, best matches first. */
  search(words: string, { mark = null as [string, string] | null, limit = 50, kind = undefined as AttributionKind | undefined, threshold = undefined as number | undefined } = {}): SearchRow[] {
    const terms = words.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (!terms.length) return [];
    const query = terms.map((t) => `"${t}"`).join(' ');
    const [open, close] = mark ?? ['', ''];
    const sql = `
      SELECT 'claim' AS kind, a.uid AS article, c.local_id AS id, c.speaker_name, c.speaker_local, highlight(claims_fts, 0, ?, ?) AS text, bm25(claims_fts) AS rank
        FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid JOIN articles a ON a.id = c.article_id WHERE claims_fts MATCH ? AND c.score >= ?
        ${kind ? 'AND EXISTS (SELECT 1 FROM attributions k WHERE k.article_id = c.article_id AND k.local_id = c.attribution_local AND k.kind = ?)' : ''}
      UNION ALL
      SELECT 'attribution', a.uid, t.local_id, t.speaker_name, t.speaker_local, highlight(attributions_fts, 0, ?, ?), bm25(attributions_fts)
        FROM attributions_fts JOIN attributions t ON t.id = attributions_fts.rowid JOIN articles a ON a.id = t.article_id WHERE attributions_fts MATCH ?
        ${kind ? 'AND t.kind = ?' : ''}
      ORDER BY rank LIMIT ?`;
    const filter = kind ? [kind] : [];
    const rows = this.db.prepare(sql).all(open, close, query, threshold ?? 0, ...filter, open, close, query, ...filter, limit) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      kind: r.kind as SearchRow['kind'],
      article: r.article as string,
      id: r.id as string,
      speaker: r.speaker_name === null ? null : { name: r.speaker_name as string, entityId: (r.speaker_local as string | null) ?? null },
      text: r.text as string,
      rank: r.rank as number,
    }));
  }

  /** Everything stored for one article, in the JSON contract's shape. */
  show(ref: string): ArticleResult | null {
    const found = this.findArticle(ref);
    if (!found) return null;
    const db = this.db;
    const a = db.prepare('SELECT * FROM articles WHERE id = ?').get(found.id) as Record<string, string | null>;
    const speaker = (name: string | null, local: string | null): SpeakerRef | null => (name === null ? null : { name, entityId: local });
    const mentions = db.prepare('SELECT local_entity, start, end, text FROM mentions WHERE article_id = ? ORDER BY start').all(found.id) as Array<{ local_entity: string; start: number; end: number; text: string }>;
    const entities: Entity[] = (db.prepare('SELECT local_id, name, type, aliases, entity_id FROM article_entities WHERE article_id = ?').all(found.id) as Array<Record<string, string | number>>)
      .map((e) => ({
        id: e.local_id as string,
        name: e.name as string,
        type: e.type as EntityType,
        aliases: JSON.parse(e.aliases as string) as string[],
        mentions: mentions.filter((m) => m.local_entity === e.local_id).map(({ start, end, text }) => ({ start, end, text })),
      }))
      .sort((x, y) => Number(x.id.slice(1)) - Number(y.id.slice(1)));
    const attributions: Attribution[] = (db.prepare('SELECT * FROM attributions WHERE article_id = ? ORDER BY id').all(found.id) as Array<Record<string, string | number | null>>).map((r) => ({
      id: r.local_id as string,
      speaker: speaker(r.speaker_name as string | null, r.speaker_local as string | null),
      speakerText: r.speaker_text as string | null,
      role: r.role as string | null,
      channel: r.channel as string | null,
      cue: r.cue as string,
      content: r.content as string,
      start: r.start as number,
      end: r.end as number,
      contentSpans: JSON.parse(r.content_spans as string),
      direct: r.direct === 1,
      kind: r.kind as AttributionKind,
    }));
    const sourceMentions = db.prepare('SELECT start, end, text FROM source_mentions WHERE source_id = ? ORDER BY start');
    const sources: Source[] = (db.prepare('SELECT * FROM sources WHERE article_id = ? ORDER BY id').all(found.id) as Array<Record<string, string | number | null>>).map((r) => ({
      id: r.local_id as string,
      kind: r.kind as Source['kind'],
      name: r.name as string,
      url: r.url as string | null,
      mentions: sourceMentions.all(r.id) as Source['mentions'],
    }));
    const claimEntities = db.prepare('SELECT local_entity FROM claim_entities WHERE claim_id = ?');
    const claimSources = db.prepare('SELECT s.local_id FROM claim_sources cs JOIN sources s ON s.id = cs.source_id WHERE cs.claim_id = ? ORDER BY s.id');
    const claims: Claim[] = (db.prepare('SELECT * FROM claims WHERE article_id = ? ORDER BY id').all(found.id) as Array<Record<string, string | number | null>>).map((r) => ({
      id: r.local_id as string,
      text: r.text as string,
      start: r.start as number,
      end: r.end as number,
      speaker: speaker(r.speaker_name as string | null, r.speaker_local as string | null),
      attributionId: r.attribution_local as string | null,
      hedged: r.hedged === 1,
      hedges: JSON.parse(r.hedges as string),
      score: r.score as number,
      entityIds: (claimEntities.all(r.id) as Array<{ local_entity: string }>).map((x) => x.local_entity).sort((x, y) => Number(x.slice(1)) - Number(y.slice(1))),
      sourceIds: (claimSources.all(r.id) as Array<{ local_id: string }>).map((x) => x.local_id),
    }));
    return {
      article: {
        id: a.uid as string,
        source: a.source as string,
        url: a.url,
        title: a.title,
        byline: a.byline,
        published: a.published,
        site: a.site,
        language: a.language ?? null,
        text: a.text as string,
        sha256: a.sha256 as string,
      },
      entities,
      attributions,
      sources,
      claims,
    };
  }

  /** Counts of what is stored; `claims` counts sentences at `threshold`, `sentences` every scored one. */
  stats(threshold = 0): StatsRow {
    const count = (t: string) => (this.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    return {
      database: this.path,
      schema: SCHEMA_VERSION,
      threshold,
      articles: count('articles'),
      claims: (this.db.prepare('SELECT count(*) AS n FROM claims WHERE score >= ?').get(threshold) as { n: number }).n,
      sentences: count('claims'),
      attributions: count('attributions'),
      entities: count('entities'),
      mentions: count('mentions'),
      sources: count('sources'),
      bytes: statSync(this.path).size,
    };
  }
}
