// Writing one article's rows, written once for both databases (see work.ts). The caller holds the
// transaction: SQLite several articles per transaction, PostgreSQL one.
import { hostOf } from '../nlp/sources.js';
import type { ArticleResult, FetchValidators, StoreStatus } from '../types.js';
import { compare, type EntityIdentity } from './identity.js';
import { all, get, insertBatch, run, type Work } from './work.js';

const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/**
 * An article's rows, its children first: PostgreSQL keeps no foreign key from a row to the article
 * (or the claim, or the source) written in the same transaction, so nothing cascades there.
 */
function* deleteArticleRows(id: number): Work<void> {
  yield* run('DELETE FROM claim_entities WHERE claim_id IN (SELECT id FROM claims WHERE article_id = ?)', id);
  yield* run('DELETE FROM claim_sources WHERE claim_id IN (SELECT id FROM claims WHERE article_id = ?)', id);
  yield* run('DELETE FROM source_mentions WHERE source_id IN (SELECT id FROM sources WHERE article_id = ?)', id);
  for (const table of ['mentions', 'article_entities', 'attributions', 'claims', 'sources']) yield* run(`DELETE FROM ${table} WHERE article_id = ?`, id);
  yield* run('DELETE FROM articles WHERE id = ?', id);
}

/** The rows of one article; the same text, or a new version of a page stored before (its URL), replaces the stored copy. */
export function* writeArticle(identity: EntityIdentity, result: ArticleResult, fetched?: FetchValidators, newId?: number): Work<StoreStatus> {
  const a = result.article;
  // Whether the text, or the page, is stored already: read with what the entities may join, in
  // one round trip on a server.
  const [bySha, byUrl] = yield* identity.prepare(result.entities, [
    { sql: 'SELECT id FROM articles WHERE sha256 = ?', params: [a.sha256] },
    a.url && isWebUrl(a.url) ? { sql: 'SELECT id FROM articles WHERE url = ? ORDER BY id LIMIT 1', params: [a.url] } : null,
  ]);
  const old = (bySha![0] ?? byUrl![0]) as { id: number } | undefined;
  let touched: number[] = [];
  if (old) {
    touched = (yield* all<{ entity_id: number }>('SELECT entity_id FROM article_entities WHERE article_id = ?', old.id)).map((r) => r.entity_id);
    yield* deleteArticleRows(old.id);
  }
  // A replaced article keeps its row id; a new one takes the id reserved for it, if any (so that
  // articles written at once on several connections keep their input order).
  const id = old?.id ?? newId;
  const articleRow = [a.id, a.sha256, a.source, a.url, a.title, a.byline, a.published, a.site, a.language ?? null, a.text, new Date().toISOString(), fetched?.url ?? null, fetched?.etag ?? null, fetched?.lastModified ?? null];
  const articleColumns = 'uid, sha256, source, url, title, byline, published, site, language, text, extracted_at, fetched_url, etag, last_modified';
  // With its id known, the article's row goes in with its entities' rows below; else it is made now.
  const articleId =
    id ?? (yield* get<{ id: number }>(`INSERT INTO articles (${articleColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, ...articleRow))!.id;
  const articleInsert = { sql: `INSERT INTO articles (id, ${articleColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, rows: id !== undefined ? [[id, ...articleRow]] : [] };

  const entityIds = new Map<string, number>();
  const aliases: unknown[][] = [];
  const articleEntities: unknown[][] = [];
  const mentions: unknown[][] = [];
  for (const e of result.entities) entityIds.set(e.id, yield* identity.idFor(e));
  yield* identity.settle();
  for (const e of result.entities) {
    const id = identity.resolve(entityIds.get(e.id)!);
    entityIds.set(e.id, id);
    for (const alias of [e.name, ...e.aliases]) aliases.push([id, alias]);
    articleEntities.push([articleId, e.id, id, e.name, e.type, JSON.stringify(e.aliases)]);
    for (const m of e.mentions) mentions.push([articleId, e.id, id, m.start, m.end, m.text]);
  }
  identity.forget();
  // In key order, as the entities are (identity.settle): two writers adding the same aliases lock them in one order.
  aliases.sort((a, b) => (a[0] as number) - (b[0] as number) || compare((a[1] as string).toLowerCase(), (b[1] as string).toLowerCase()));
  const direct = new Map(result.attributions.map((x) => [x.id, x.direct]));
  // The rows that need only the article's and its entities' ids go in together; then the rows
  // that need the ids of its sources and claims.
  const [, , , , , sourceRowIds, claimRowIds] = yield* insertBatch(
    articleInsert,
    // One article may give one row two forms differing only in case: the alias key ignores case.
    { sql: 'INSERT INTO entity_aliases (entity_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING', rows: aliases },
    { sql: 'INSERT INTO article_entities (article_id, local_id, entity_id, name, type, aliases) VALUES (?, ?, ?, ?, ?, ?)', rows: articleEntities },
    { sql: 'INSERT INTO mentions (article_id, local_entity, entity_id, start, "end", text) VALUES (?, ?, ?, ?, ?, ?)', rows: mentions },
    {
      sql: `INSERT INTO attributions (article_id, local_id, speaker_name, speaker_local, speaker_entity_id, speaker_text, role, channel, cue, content, start, "end", content_spans, direct, kind)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      rows: result.attributions.map((at) => {
        const sp = at.speaker;
        return [articleId, at.id, sp?.name ?? null, sp?.entityId ?? null, sp?.entityId ? (entityIds.get(sp.entityId) ?? null) : null, at.speakerText, at.role, at.channel, at.cue, at.content, at.start, at.end, JSON.stringify(at.contentSpans), at.direct ? 1 : 0, at.kind];
      }),
    },
    {
      sql: 'INSERT INTO sources (article_id, local_id, kind, name, url, domain) VALUES (?, ?, ?, ?, ?, ?)',
      rows: result.sources.map((s) => [articleId, s.id, s.kind, s.name, s.url, s.url ? hostOf(s.url) : null]),
      returning: true,
    },
    {
      sql: `INSERT INTO claims (article_id, local_id, text, start, "end", speaker_name, speaker_local, speaker_entity_id, attribution_local, direct, hedged, hedges, score)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      rows: result.claims.map((c) => {
        const sp = c.speaker;
        return [articleId, c.id, c.text, c.start, c.end, sp?.name ?? null, sp?.entityId ?? null, sp?.entityId ? (entityIds.get(sp.entityId) ?? null) : null, c.attributionId, c.attributionId && direct.get(c.attributionId) ? 1 : 0, c.hedged ? 1 : 0, JSON.stringify(c.hedges), c.score];
      }),
      returning: true,
    },
  );
  const sourceIds = new Map(result.sources.map((s, i) => [s.id, sourceRowIds![i]!]));
  const claimEntities: unknown[][] = [];
  const claimSources: unknown[][] = [];
  result.claims.forEach((c, i) => {
    for (const e of new Set(c.entityIds)) if (entityIds.has(e)) claimEntities.push([claimRowIds![i], entityIds.get(e), e]);
    for (const s of new Set(c.sourceIds)) if (sourceIds.has(s)) claimSources.push([claimRowIds![i], sourceIds.get(s)]);
  });
  yield* insertBatch(
    { sql: 'INSERT INTO source_mentions (source_id, start, "end", text) VALUES (?, ?, ?, ?)', rows: result.sources.flatMap((s) => s.mentions.map((m) => [sourceIds.get(s.id), m.start, m.end, m.text])) },
    { sql: 'INSERT INTO claim_entities (claim_id, entity_id, local_entity) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', rows: claimEntities },
    { sql: 'INSERT INTO claim_sources (claim_id, source_id) VALUES (?, ?) ON CONFLICT DO NOTHING', rows: claimSources },
  );

  // Entities that only the replaced version of this article named are gone now.
  const kept = new Set(entityIds.values());
  for (const id of touched) if (!kept.has(id)) yield* run('DELETE FROM entities WHERE id = ? AND NOT EXISTS (SELECT 1 FROM article_entities WHERE entity_id = ?)', id, id);
  return old ? 'updated' : 'stored';
}
