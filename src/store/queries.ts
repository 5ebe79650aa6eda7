// The queries behind the query commands, written once for SQLite and PostgreSQL (see work.ts).
// Every user value is bound as a parameter.
import { AmbiguousArticleError } from '../errors.js';
import { withoutHonorific } from '../nlp/name-forms.js';
import type { ArticleMeta, ArticleResult, Attribution, AttributionKind, Claim, Entity, EntityType, FetchValidators, Source, SpeakerRef, StoredValidators } from '../types.js';
import { all, get, json, run, type Dialect, type Row, type Work } from './work.js';

/** Which articles: of a site (its name or its URL's host, as whole words), published in a date range. */
export interface ArticleFilter {
  site?: string;
  /** ISO dates, inclusive: "2005-01-01". */
  since?: string;
  until?: string;
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
  /** Only claims that mention the entity with this database id (what an entity's page lists). */
  entityId?: number;
  limit?: number;
  /** Skip this many rows first (a page after the first). */
  offset?: number;
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
  /** The database's size on disk. */
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

export interface SearchOptions {
  /** Put around each matched word ([open, close]); none by default. */
  mark?: [string, string] | null;
  limit?: number;
  kind?: AttributionKind;
  threshold?: number;
}

// Functions both databases have under the same names (SQLite's are registered by the store,
// PostgreSQL's are made by its first migration), so the queries can call them alike.

const WORD_CHAR = '[\\p{L}\\p{N}]';
const wordPatterns = new Map<string, RegExp>();
/** has_words(haystack, needle): does `needle` occur in `haystack` as whole words, ignoring case? */
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
export const GENERIC_DOCUMENT_WORDS = {
  determiners: 'the|a|an|this|that|its|his|her|their|new|latest|recent|annual|official',
  heads:
    'report|reports|survey|surveys|study|studies|research|poll|polls|figures|data|statistics|statement|analysis|paper|review|findings|results|audit|inquiry|investigation|index|census|forecast|estimates|release|press release|letter|memo|blog post|filing|ruling|lawsuit',
};
export const GENERIC_DOCUMENT = `^(?:(?:${GENERIC_DOCUMENT_WORDS.determiners})\\s+)*(?:${GENERIC_DOCUMENT_WORDS.heads})$`;
const GENERIC_DOCUMENT_RE = new RegExp(GENERIC_DOCUMENT, 'i');

/** source_group(kind, name, domain, article): how `sources` groups rows (URLs by domain, a generic document per article, others by name). */
export function sourceGroup(kind: unknown, name: unknown, domain: unknown, article: unknown): string {
  if (kind === 'url' && domain) return `url:${domain}`;
  if (kind === 'document' && GENERIC_DOCUMENT_RE.test(String(name))) return `${kind}:${String(name).toLowerCase()}#${article}`;
  return `${kind}:${String(name).toLowerCase()}`;
}

/** url_host(url): the host of an http(s) URL ("www.bbc.co.uk"), '' for a URL without "://". */
export function urlHost(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const at = url.indexOf('://');
  return at < 0 ? '' : url.slice(at + 3).split('/')[0]!;
}

/** Escape LIKE wildcards so a user's "%" or "_" is matched literally. */
function like(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The WHERE terms of an ArticleFilter over `articles a`. `published` is ISO 8601, so its date is its first ten characters. */
function articleWhere(f: ArticleFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.site) {
    where.push('(has_words(a.site, ?) OR has_words(url_host(a.url), ?))');
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

/** LIMIT and OFFSET (an offset only with a limit), whose values pageParams gives, bound last. */
const pageClause = (f: { limit?: number; offset?: number }) => (f.limit ? `LIMIT ?${f.offset ? ' OFFSET ?' : ''}` : '');
const pageParams = (f: { limit?: number; offset?: number }) => (f.limit ? (f.offset ? [f.limit, f.offset] : [f.limit]) : []);
const whereClause = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');
const byLocalId = <T extends [string, string]>(pairs: T[]) => pairs.sort((x, y) => Number(x[0].slice(1)) - Number(y[0].slice(1)));
/** Code-point order, the same in both databases whatever their collation. */
const codePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const speakerOf = (name: unknown, local: unknown): SpeakerRef | null => (name === null || name === undefined ? null : { name: name as string, entityId: (local as string | null) ?? null });

/**
 * An article by id, sha256, source or URL, or by an id prefix that only one article has. A prefix
 * several articles share is an error that names a few of them.
 */
export function* findArticle(d: Dialect, ref: string): Work<{ id: number } | undefined> {
  const exact = yield* get<{ id: number }>('SELECT id FROM articles WHERE uid = ? OR sha256 = ? OR source = ? OR url = ? ORDER BY id LIMIT 1', ref, ref, ref, ref);
  if (exact) return exact;
  const prefix = `${ref.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const matches = yield* all<{ id: number; uid: string }>(`SELECT id, uid FROM articles WHERE uid LIKE ? ESCAPE '\\' ORDER BY ${d.binary('uid')} LIMIT 6`, prefix);
  if (matches.length > 1) {
    const total = (yield* get<{ n: number }>(`SELECT count(*) AS n FROM articles WHERE uid LIKE ? ESCAPE '\\'`, prefix))!.n;
    throw new AmbiguousArticleError(`'${ref}' matches ${total} articles (${matches.slice(0, 5).map((m) => m.uid).join(', ')}${total > 5 ? ', …' : ''}); give more of the id`);
  }
  return matches[0];
}

export function* claims(d: Dialect, f: ClaimFilter): Work<ClaimRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.threshold !== undefined) {
    // Unary + keeps SQLite off the score index: at a usual threshold half the claims pass, and
    // visiting them through it is many times slower than the scan the other filters need anyway.
    where.push('+c.score >= ?');
    params.push(f.threshold);
  }
  if (f.speaker) {
    where.push(`(${d.likeNocase('c.speaker_name')} OR c.speaker_entity_id IN (SELECT entity_id FROM entity_aliases WHERE ${d.likeNocase('alias')}))`);
    const who = withoutHonorific(f.speaker);
    params.push(like(who), like(who));
  }
  if (f.entity) {
    where.push(`c.id IN (SELECT ce.claim_id FROM claim_entities ce WHERE ce.entity_id IN (SELECT entity_id FROM entity_aliases WHERE ${d.likeNocase('alias')}))`);
    params.push(like(withoutHonorific(f.entity)));
  }
  if (f.source) {
    where.push('c.id IN (SELECT cs.claim_id FROM claim_sources cs JOIN sources s ON s.id = cs.source_id WHERE has_words(s.name, ?) OR has_words(s.domain, ?) OR has_words(s.url, ?))');
    params.push(f.source, f.source, f.source);
  }
  if (f.entityId !== undefined) {
    where.push('c.id IN (SELECT ce.claim_id FROM claim_entities ce WHERE ce.entity_id = ?)');
    params.push(f.entityId);
  }
  if (f.article) {
    const a = yield* findArticle(d, f.article);
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
  params.push(...pageParams(f));
  const rows = yield* all(
    `SELECT a.uid AS article, c.local_id AS id, c.text, c.start, c."end", c.speaker_name, c.speaker_local, c.attribution_local, c.direct, c.hedged, c.hedges, c.score,
      (SELECT t.kind FROM attributions t WHERE t.article_id = c.article_id AND t.local_id = c.attribution_local) AS kind,
      (SELECT ${d.jsonPairs('ce.local_entity', 'ae.name')} FROM claim_entities ce JOIN article_entities ae ON ae.article_id = c.article_id AND ae.local_id = ce.local_entity WHERE ce.claim_id = c.id) AS entities,
      (SELECT ${d.jsonPairs('s.local_id', 's.name')} FROM claim_sources cs JOIN sources s ON s.id = cs.source_id WHERE cs.claim_id = c.id) AS sources
    FROM claims c JOIN articles a ON a.id = c.article_id
    ${whereClause(where)}
    ORDER BY c.article_id, c.start, c.id
    ${pageClause(f)}`,
    ...params,
  );
  return rows.map((r) => {
    const entities = byLocalId(json<Array<[string, string]>>(r.entities));
    const sources = byLocalId(json<Array<[string, string]>>(r.sources));
    return {
      article: r.article as string,
      id: r.id as string,
      text: r.text as string,
      start: r.start as number,
      end: r.end as number,
      speaker: speakerOf(r.speaker_name, r.speaker_local),
      attributionId: (r.attribution_local as string | null) ?? null,
      direct: r.direct === 1,
      kind: (r.kind as AttributionKind | null) ?? null,
      hedged: r.hedged === 1,
      hedges: json<string[]>(r.hedges),
      score: r.score as number,
      entityIds: entities.map((e) => e[0]),
      sourceIds: sources.map((x) => x[0]),
      entities: entities.map((e) => e[1]),
      sources: sources.map((x) => x[1]),
    };
  });
}

export function* entities(d: Dialect, f: { type?: string; name?: string; id?: number; limit?: number }): Work<EntityRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.id !== undefined) {
    where.push('e.id = ?');
    params.push(f.id);
  }
  if (f.type) {
    where.push('e.type = ?');
    params.push(f.type);
  }
  if (f.name) {
    where.push(`e.id IN (SELECT entity_id FROM entity_aliases WHERE ${d.likeNocase('alias')})`);
    params.push(like(withoutHonorific(f.name)));
  }
  if (f.limit) params.push(f.limit);
  const rows = yield* all(
    `SELECT e.id, e.name, e.type,
      (SELECT ${d.jsonList('x.alias')} FROM entity_aliases x WHERE x.entity_id = e.id AND x.alias <> e.name) AS aliases,
      (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id) AS articles,
      (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions
    FROM entities e ${whereClause(where)}
    ORDER BY articles DESC, mentions DESC, ${d.binary('e.name')}, e.id
    ${f.limit ? 'LIMIT ?' : ''}`,
    ...params,
  );
  return rows.map((r) => ({
    id: r.id as number,
    name: r.name as string,
    type: r.type as EntityType,
    aliases: json<string[]>(r.aliases).sort(codePoints),
    articles: r.articles as number,
    mentions: r.mentions as number,
  }));
}

/**
 * Sources across articles: URLs grouped by domain, named documents and outlets by name; a document
 * named only by what it is ("report") stays one row per article.
 */
export function* sources(d: Dialect, f: { kind?: string; name?: string; limit?: number }): Work<SourceRow[]> {
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
  if (f.limit) params.push(f.limit);
  return yield* all<SourceRow>(
    `SELECT * FROM (
      SELECT min(s.kind) AS kind, coalesce(min(s.domain), min(${d.binary('s.name')})) AS name, count(DISTINCT s.article_id) AS articles,
        sum(coalesce(m.n, 0)) AS mentions, count(DISTINCT s.url) AS urls
      FROM sources s LEFT JOIN (SELECT source_id, count(*) AS n FROM source_mentions GROUP BY source_id) m ON m.source_id = s.id
      ${whereClause(where)}
      GROUP BY source_group(s.kind, s.name, s.domain, s.article_id)
    ) g
    ORDER BY articles DESC, mentions DESC, ${d.binary('name')}
    ${f.limit ? 'LIMIT ?' : ''}`,
    ...params,
  );
}

/** The page's articles are chosen first and counted after: PostgreSQL would count the rows an OFFSET skips too. */
export function* articles(d: Dialect, f: ArticleFilter & { limit?: number; offset?: number; threshold?: number }): Work<ArticleRow[]> {
  const { where, params } = articleWhere(f);
  return yield* all<ArticleRow>(
    `SELECT a.uid AS id, a.source, a.url, a.title, a.byline, a.published, a.site, a.language, length(a.text) AS chars,
      (SELECT count(*) FROM claims c WHERE c.article_id = a.id AND c.score >= ?) AS claims,
      (SELECT count(*) FROM attributions t WHERE t.article_id = a.id) AS attributions,
      (SELECT count(*) FROM article_entities e WHERE e.article_id = a.id) AS entities,
      (SELECT count(*) FROM sources s WHERE s.article_id = a.id) AS sources,
      a.extracted_at AS "extractedAt"
    FROM (SELECT * FROM articles a ${whereClause(where)} ORDER BY a.id ${pageClause(f)}) a ORDER BY a.id`,
    f.threshold ?? 0,
    ...params,
    ...pageParams(f),
  );
}

/** How many articles an ArticleFilter lets through (for paging). */
export function* countArticles(f: ArticleFilter): Work<number> {
  const { where, params } = articleWhere(f);
  return Number((yield* get<{ n: number }>(`SELECT count(*) AS n FROM articles a ${whereClause(where)}`, ...params))!.n);
}

/** One entity by its database id, as `entities` lists it. */
export function* entity(d: Dialect, id: number): Work<EntityRow | null> {
  return (yield* entities(d, { id }))[0] ?? null;
}

/** Which database entity each of an article's local entity ids ("e3") is. */
export function* entityIdsOf(articleUid: string): Work<Record<string, number>> {
  const rows = yield* all<{ local_id: string; entity_id: number }>('SELECT ae.local_id, ae.entity_id FROM article_entities ae JOIN articles a ON a.id = ae.article_id WHERE a.uid = ?', articleUid);
  return Object.fromEntries(rows.map((r) => [r.local_id, Number(r.entity_id)]));
}

/** An attribution with the article it is in: what an entity's page lists as what they said. */
export interface SaidRow {
  article: string;
  title: string | null;
  published: string | null;
  id: string;
  kind: AttributionKind;
  cue: string;
  direct: boolean;
  content: string;
}

/** What the entity with this database id said, wrote or found, across articles, in the order stored. */
export function* saidBy(entityId: number, limit: number): Work<SaidRow[]> {
  const rows = yield* all(
    `SELECT a.uid AS article, a.title, a.published, t.local_id AS id, t.kind, t.cue, t.direct, t.content
    FROM attributions t JOIN articles a ON a.id = t.article_id
    WHERE t.speaker_entity_id = ? ORDER BY t.article_id, t.start LIMIT ?`,
    entityId,
    limit,
  );
  return rows.map((r) => ({ article: r.article as string, title: r.title as string | null, published: r.published as string | null, id: r.id as string, kind: r.kind as AttributionKind, cue: r.cue as string, direct: r.direct === 1, content: r.content as string }));
}

/** Marks PostgreSQL puts around matched words, replaced by the caller's (ts_headline's option syntax cannot carry every string). */
const OPEN = '\u0001';
const CLOSE = '\u0002';

/**
 * Full-text search over claims (at `threshold`, if given) and attributions, best matches first.
 * SQLite uses its FTS5 tables (Porter stemmer, BM25); PostgreSQL the `english` text-search
 * configuration over GIN-indexed tsvector columns, with -ts_rank so that, as with BM25, lower is
 * better.
 */
export function* search(d: Dialect, words: string, { mark = null, limit = 50, kind, threshold }: SearchOptions = {}): Work<SearchRow[]> {
  const terms = words.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!terms.length) return [];
  const [open, close] = mark ?? ['', ''];
  const byKind = kind ? 'AND EXISTS (SELECT 1 FROM attributions k WHERE k.article_id = c.article_id AND k.local_id = c.attribution_local AND k.kind = ?)' : '';
  const filter = kind ? [kind] : [];
  let rows: Row[];
  if (d.name === 'sqlite') {
    const query = terms.map((t) => `"${t}"`).join(' ');
    rows = yield* all(
      `SELECT 'claim' AS kind, a.uid AS article, c.local_id AS id, c.speaker_name, c.speaker_local, highlight(claims_fts, 0, ?, ?) AS text, bm25(claims_fts) AS rank
        FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid JOIN articles a ON a.id = c.article_id WHERE claims_fts MATCH ? AND c.score >= ? ${byKind}
      UNION ALL
      SELECT 'attribution', a.uid, t.local_id, t.speaker_name, t.speaker_local, highlight(attributions_fts, 0, ?, ?), bm25(attributions_fts)
        FROM attributions_fts JOIN attributions t ON t.id = attributions_fts.rowid JOIN articles a ON a.id = t.article_id WHERE attributions_fts MATCH ? ${kind ? 'AND t.kind = ?' : ''}
      ORDER BY rank LIMIT ?`,
      open, close, query, threshold ?? 0, ...filter, open, close, query, ...filter, limit,
    );
  } else {
    const query = terms.map((t) => t.replace(/'/g, '')).join(' & ');
    const headline = (col: string) => `ts_headline('english', ${col}, q, 'HighlightAll=true, StartSel=${OPEN}, StopSel=${CLOSE}')`;
    rows = yield* all(
      `WITH q AS (SELECT to_tsquery('english', ?) AS q)
      SELECT * FROM (
        SELECT 'claim' AS kind, a.uid AS article, c.local_id AS id, c.speaker_name, c.speaker_local, ${headline('c.text')} AS text, -ts_rank(c.tsv, q) AS rank
          FROM q, claims c JOIN articles a ON a.id = c.article_id WHERE c.tsv @@ q AND c.score >= ? ${byKind}
        UNION ALL
        SELECT 'attribution', a.uid, t.local_id, t.speaker_name, t.speaker_local, ${headline('t.content')}, -ts_rank(t.tsv, q)
          FROM q, attributions t JOIN articles a ON a.id = t.article_id WHERE t.tsv @@ q ${kind ? 'AND t.kind = ?' : ''}
      ) hits ORDER BY rank LIMIT ?`,
      query, threshold ?? 0, ...filter, ...filter, limit,
    );
    for (const r of rows) r.text = (r.text as string).replaceAll(OPEN, open).replaceAll(CLOSE, close);
  }
  return rows.map((r) => ({
    kind: r.kind as SearchRow['kind'],
    article: r.article as string,
    id: r.id as string,
    speaker: speakerOf(r.speaker_name, r.speaker_local),
    text: r.text as string,
    rank: r.rank as number,
  }));
}

/** Everything stored for one article, in the JSON contract's shape. */
export function* show(d: Dialect, ref: string): Work<ArticleResult | null> {
  const found = yield* findArticle(d, ref);
  if (!found) return null;
  const id = found.id;
  const a = (yield* get('SELECT * FROM articles WHERE id = ?', id))!;
  const mentions = yield* all<{ local_entity: string; start: number; end: number; text: string }>('SELECT local_entity, start, "end", text FROM mentions WHERE article_id = ? ORDER BY start, id', id);
  const entities: Entity[] = (yield* all('SELECT local_id, name, type, aliases FROM article_entities WHERE article_id = ?', id))
    .map((e) => ({
      id: e.local_id as string,
      name: e.name as string,
      type: e.type as EntityType,
      aliases: json<string[]>(e.aliases),
      mentions: mentions.filter((m) => m.local_entity === e.local_id).map(({ start, end, text }) => ({ start, end, text })),
    }))
    .sort((x, y) => Number(x.id.slice(1)) - Number(y.id.slice(1)));
  const attributions: Attribution[] = (yield* all('SELECT * FROM attributions WHERE article_id = ? ORDER BY id', id)).map((r) => ({
    id: r.local_id as string,
    speaker: speakerOf(r.speaker_name, r.speaker_local),
    speakerText: r.speaker_text as string | null,
    role: r.role as string | null,
    channel: r.channel as string | null,
    cue: r.cue as string,
    content: r.content as string,
    start: r.start as number,
    end: r.end as number,
    contentSpans: json(r.content_spans),
    direct: r.direct === 1,
    kind: r.kind as AttributionKind,
  }));
  const sourceRows = yield* all('SELECT id, local_id, kind, name, url FROM sources WHERE article_id = ? ORDER BY id', id);
  const sourceMentions = yield* all<{ source_id: number; start: number; end: number; text: string }>(
    'SELECT m.source_id, m.start, m."end", m.text FROM source_mentions m JOIN sources s ON s.id = m.source_id WHERE s.article_id = ? ORDER BY m.start',
    id,
  );
  const sources: Source[] = sourceRows.map((r) => ({
    id: r.local_id as string,
    kind: r.kind as Source['kind'],
    name: r.name as string,
    url: r.url as string | null,
    mentions: sourceMentions.filter((m) => m.source_id === r.id).map(({ start, end, text }) => ({ start, end, text })),
  }));
  const claimEntities = yield* all<{ claim_id: number; local_entity: string }>('SELECT ce.claim_id, ce.local_entity FROM claim_entities ce JOIN claims c ON c.id = ce.claim_id WHERE c.article_id = ?', id);
  const claimSources = yield* all<{ claim_id: number; local_id: string }>(
    'SELECT cs.claim_id, s.local_id FROM claim_sources cs JOIN sources s ON s.id = cs.source_id WHERE s.article_id = ? ORDER BY s.id',
    id,
  );
  const claims: Claim[] = (yield* all('SELECT * FROM claims WHERE article_id = ? ORDER BY id', id)).map((r) => ({
    id: r.local_id as string,
    text: r.text as string,
    start: r.start as number,
    end: r.end as number,
    speaker: speakerOf(r.speaker_name, r.speaker_local),
    attributionId: r.attribution_local as string | null,
    hedged: r.hedged === 1,
    hedges: json(r.hedges),
    score: r.score as number,
    entityIds: claimEntities
      .filter((x) => x.claim_id === r.id)
      .map((x) => x.local_entity)
      .sort((x, y) => Number(x.slice(1)) - Number(y.slice(1))),
    sourceIds: claimSources.filter((x) => x.claim_id === r.id).map((x) => x.local_id),
  }));
  return {
    article: {
      id: a.uid as string,
      source: a.source as string,
      url: a.url as string | null,
      title: a.title as string | null,
      byline: a.byline as string | null,
      published: a.published as string | null,
      site: a.site as string | null,
      language: (a.language as string | null) ?? null,
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
export function* counts(threshold: number): Work<Omit<StatsRow, 'database' | 'schema' | 'bytes'>> {
  const count = function* (sql: string, ...params: unknown[]) {
    return (yield* get<{ n: number }>(sql, ...params))!.n;
  };
  return {
    threshold,
    articles: yield* count('SELECT count(*) AS n FROM articles'),
    claims: yield* count('SELECT count(*) AS n FROM claims WHERE score >= ?', threshold),
    sentences: yield* count('SELECT count(*) AS n FROM claims'),
    attributions: yield* count('SELECT count(*) AS n FROM attributions'),
    entities: yield* count('SELECT count(*) AS n FROM entities'),
    mentions: yield* count('SELECT count(*) AS n FROM mentions'),
    sources: yield* count('SELECT count(*) AS n FROM sources'),
  };
}

/** Which of these texts are stored (by SHA-256), in one statement. */
export function* storedAmong(shas: string[]): Work<Set<string>> {
  if (!shas.length) return new Set();
  const rows = yield* all<{ sha256: string }>(`SELECT sha256 FROM articles WHERE sha256 IN (${shas.map(() => '?').join(', ')})`, ...shas);
  return new Set(rows.map((r) => r.sha256));
}

/** What the stored copy of a page was fetched with, by the address that answered. */
export function* validatorsOf(url: string): Work<StoredValidators | null> {
  const row = yield* get<StoredValidators>(
    'SELECT sha256, etag, last_modified AS "lastModified" FROM articles WHERE fetched_url = ? AND (etag IS NOT NULL OR last_modified IS NOT NULL) ORDER BY id DESC LIMIT 1',
    url,
  );
  return row ?? null;
}

/** A page fetched again whose text is the stored one: keep what it was fetched with this time. */
export function* noteFetched(sha256: string, fetched: FetchValidators): Work<void> {
  yield* run('UPDATE articles SET fetched_url = ?, etag = ?, last_modified = ? WHERE sha256 = ?', fetched.url, fetched.etag, fetched.lastModified, sha256);
}

/** The sha256 of every stored article, in the order they were stored (for `import`). */
export function* articleShas(afterId: number, limit: number): Work<Array<{ id: number; sha256: string }>> {
  return yield* all<{ id: number; sha256: string }>('SELECT id, sha256 FROM articles WHERE id > ? ORDER BY id LIMIT ?', afterId, limit);
}

/** The fetch validators stored with an article (they travel with it on `import`). */
export function* fetchedOf(sha256: string): Work<FetchValidators | undefined> {
  const r = yield* get<{ url: string | null; etag: string | null; lastModified: string | null }>('SELECT fetched_url AS url, etag, last_modified AS "lastModified" FROM articles WHERE sha256 = ?', sha256);
  return r?.url ? { url: r.url, etag: r.etag, lastModified: r.lastModified } : undefined;
}
