// The pages `serve` answers with, each a function of what the store gave it: no queries here.
import type { ArticleRow, ClaimRow, EntityRow, SaidRow, SearchRow } from '../store/index.js';
import type { ArticleResult, Attribution, Claim, Entity, Source, SpeakerRef } from '../types.js';
import { day, esc, html, Html, outLink, page } from './html.js';
import { markText, type MarkSpan } from './marks.js';

/** Speakers get these colours in order of first appearance; the stylesheet defines each (WCAG AA on its text). */
export const SPEAKER_COLOURS = 8;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const articleHref = (uid: string, local?: string) => `/articles/${encodeURIComponent(uid)}${local ? `#m-${local}` : ''}`;
const entityHref = (id: number) => `/entities/${id}`;

// ── / ────────────────────────────────────────────────────────────────────────────────────────────

export interface ListView {
  rows: ArticleRow[];
  total: number;
  page: number;
  pageSize: number;
  filter: { site?: string; since?: string; until?: string };
}

export function articleList(v: ListView): string {
  const pages = Math.max(1, Math.ceil(v.total / v.pageSize));
  const query = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, val] of Object.entries(v.filter)) if (val) q.set(k, val);
    if (p > 1) q.set('page', String(p));
    const s = q.toString();
    return s ? `/?${s}` : '/';
  };
  const rows = v.rows.map(
    (r) => html`<tr>
<td class="title"><a href="${articleHref(r.id)}">${r.title || r.source}</a></td>
<td>${r.site ?? ''}</td>
<td class="num"><time>${day(r.published)}</time></td>
<td class="num">${r.claims}</td><td class="num">${r.attributions}</td><td class="num">${r.entities}</td><td class="num">${r.sources}</td>
</tr>`,
  );
  const body = html`<h1>Articles</h1>
<form class="filters" method="get" action="/">
<label>Site <input name="site" value="${v.filter.site ?? ''}" placeholder="bbc"></label>
<label>From <input name="since" type="date" value="${v.filter.since ?? ''}"></label>
<label>To <input name="until" type="date" value="${v.filter.until ?? ''}"></label>
<button type="submit">Filter</button>
</form>
<p class="count">${plural(v.total, 'article')}${pages > 1 ? `, page ${v.page} of ${pages}` : ''}</p>
${v.rows.length
    ? html`<div class="scroll"><table class="articles">
<thead><tr><th scope="col">Title</th><th scope="col">Site</th><th scope="col">Published</th><th scope="col">Claims</th><th scope="col">Quotes</th><th scope="col">Entities</th><th scope="col">Sources</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`
    : html`<p>No articles${v.total ? ' on this page' : ''}. Store some with <code>newsclaims extract</code>.</p>`}
<nav class="pages" aria-label="Pages">
${v.page > 1 ? html`<a rel="prev" href="${query(v.page - 1)}">← Newer pages</a>` : ''}
${v.page < pages ? html`<a rel="next" href="${query(v.page + 1)}">Next page →</a>` : ''}
</nav>`;
  return page('Articles', body);
}

// ── /articles/<id> ───────────────────────────────────────────────────────────────────────────────

export interface ArticleView {
  result: ArticleResult;
  /** The database id of each local entity id, for links to entity pages. */
  entityIds: Record<string, number>;
  threshold: number | null;
}

/** The key a speaker's colour goes by: the entity when resolved, else the name as written. */
const speakerKey = (s: SpeakerRef | null) => (s ? (s.entityId ? `e:${s.entityId}` : `n:${s.name.toLowerCase()}`) : '');

export function articlePage(v: ArticleView): string {
  const { article, attributions, claims, entities, sources } = v.result;
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const attributionById = new Map(attributions.map((a) => [a.id, a]));

  const colours = new Map<string, number>();
  const ordered = [...attributions].sort((a, b) => a.start - b.start);
  for (const a of ordered) {
    const key = speakerKey(a.speaker);
    if (key && !colours.has(key)) colours.set(key, colours.size % SPEAKER_COLOURS);
  }
  const colourOf = (s: SpeakerRef | null) => (s ? `sp${colours.get(speakerKey(s)) ?? 0}` : 'sp-none');

  const spans: MarkSpan[] = [
    ...attributions.flatMap((a) =>
      a.contentSpans.map((p) => ({ kind: 'attribution' as const, id: a.id, start: p.start, end: p.end, attrs: { class: colourOf(a.speaker), 'data-speaker': a.speaker?.name ?? 'unknown speaker' } })),
    ),
    ...claims.map((c) => ({ kind: 'claim' as const, id: c.id, start: c.start, end: c.end })),
    ...sources.flatMap((s) => s.mentions.map((m) => ({ kind: 'source' as const, id: s.id, start: m.start, end: m.end }))),
    ...entities.flatMap((e) => e.mentions.map((m) => ({ kind: 'entity' as const, id: e.id, start: m.start, end: m.end, attrs: { 'data-type': e.type } }))),
  ];

  const speakerLink = (s: SpeakerRef | null): Html => {
    if (!s) return html`<span class="unknown">unknown speaker</span>`;
    const global = s.entityId ? v.entityIds[s.entityId] : undefined;
    return global !== undefined ? html`<a href="${entityHref(global)}">${s.name}</a>` : html`${s.name}`;
  };
  const show = (id: string, text: unknown) => html`<a href="#m-${id}" data-show="${id}">${text}</a>`;
  const sourceItem = (s: Source) => html`<li>${show(s.id, s.name)} <span class="tag">${s.kind}</span>${s.url ? html` ${outLink(s.url, s.url)}` : ''}</li>`;
  const row = (label: string, value: unknown) => (value === null || value === undefined || value === '' ? '' : html`<dt>${label}</dt><dd>${value}</dd>`);

  const attributionDetail = (a: Attribution) => {
    const its = claims.filter((c) => c.attributionId === a.id);
    const cited = [...new Set(its.flatMap((c) => c.sourceIds))].map((id) => sourceById.get(id)).filter((s): s is Source => !!s);
    return html`<section class="detail" id="d-${a.id}" data-for="${a.id}" hidden tabindex="-1">
<h3>${a.direct ? 'Quote' : 'Reported speech'} <span class="tag">${a.id}</span></h3>
<blockquote class="${colourOf(a.speaker)}">${a.content}</blockquote>
<dl>
${row('Speaker', speakerLink(a.speaker))}
${a.speakerText && a.speakerText !== a.speaker?.name ? row('As written', a.speakerText) : ''}
${row('Role', a.role)}
${row('Channel', a.channel)}
${row('Cue', a.cue)}
${row('Kind', a.kind)}
${row('Claims', its.length ? its.map((c, i) => html`${i ? ', ' : ''}${show(c.id, c.id)}`) : null)}
</dl>
${cited.length ? html`<h4>Sources</h4><ul>${cited.map(sourceItem)}</ul>` : ''}
</section>`;
  };
  const claimDetail = (c: Claim) => {
    const its = c.sourceIds.map((id) => sourceById.get(id)).filter((s): s is Source => !!s);
    const about = c.entityIds.map((id) => entityById.get(id)).filter((e): e is Entity => !!e);
    const by = c.attributionId ? attributionById.get(c.attributionId) : undefined;
    return html`<section class="detail" id="d-${c.id}" data-for="${c.id}" hidden tabindex="-1">
<h3>Claim <span class="tag">${c.id}</span></h3>
<p class="claim-text">${c.text}</p>
<dl>
${row('Score', c.score.toFixed(2))}
${row('Speaker', c.speaker ? speakerLink(c.speaker) : 'the article')}
${row('Attribution', by ? show(by.id, `${by.id} (${by.direct ? 'quote' : 'reported'}, ${by.cue})`) : null)}
${row('Hedged', c.hedged ? (c.hedges.length ? c.hedges.join(', ') : 'yes') : 'no')}
${row('About', about.length ? about.map((e, i) => html`${i ? ', ' : ''}${show(e.id, e.name)}`) : null)}
</dl>
${its.length ? html`<h4>Sources</h4><ul>${its.map(sourceItem)}</ul>` : html`<p class="quiet">Cites no source.</p>`}
</section>`;
  };
  const entityDetail = (e: Entity) => {
    const global = v.entityIds[e.id];
    return html`<section class="detail" id="d-${e.id}" data-for="${e.id}" hidden tabindex="-1">
<h3>${e.name} <span class="tag">${e.type}</span></h3>
<dl>
${row('Also', e.aliases.filter((x) => x !== e.name).join(', ') || null)}
${row('Mentions', e.mentions.length)}
${row('Claims', claims.filter((c) => c.entityIds.includes(e.id)).length)}
</dl>
${global !== undefined ? html`<p><a href="${entityHref(global)}">All about ${e.name} across articles →</a></p>` : ''}
</section>`;
  };
  const sourceDetail = (s: Source) => {
    const citing = claims.filter((c) => c.sourceIds.includes(s.id));
    return html`<section class="detail" id="d-${s.id}" data-for="${s.id}" hidden tabindex="-1">
<h3>${s.name} <span class="tag">${s.kind}</span></h3>
${s.url ? html`<p>${outLink(s.url, s.url)}</p>` : ''}
<dl>${row('Claims citing it', citing.length ? citing.map((c, i) => html`${i ? ', ' : ''}${show(c.id, c.id)}`) : 'none')}</dl>
</section>`;
  };

  const whoSaidWhat = ordered.map(
    (a) => html`<li class="${colourOf(a.speaker)}"><span class="who">${speakerLink(a.speaker)}</span> ${show(a.id, a.content.length > 160 ? `${a.content.slice(0, 157)}…` : a.content)}</li>`,
  );
  const meta = [article.site, day(article.published), article.byline].filter(Boolean).join(' · ');
  const body = html`<article class="reader">
<header class="article-head">
<h1>${article.title || article.source}</h1>
<p class="meta">${meta}${article.url ? html`${meta ? ' · ' : ''}${outLink(article.url, 'original')}` : ''}</p>
<p class="legend" aria-label="Key">
<span class="key key-attribution">quote</span> <span class="key key-claim">claim</span> <span class="key key-entity">entity</span> <span class="key key-source">source</span>
· ${plural(attributions.length, 'quote')}, ${plural(claims.length, 'claim')}${v.threshold === null ? ' (every scored sentence)' : ` (score ≥ ${v.threshold})`}, ${plural(entities.length, 'entity', 'entities')}, ${plural(sources.length, 'source')}
</p>
</header>
<div class="layout">
<div class="text" id="text">${new Html(markText(article.text, spans))}</div>
<aside class="side">
<div id="details" class="details" aria-live="polite">
<p class="quiet" id="details-hint">Choose a marked passage (click, or Tab then Enter) to see who said it, its score and its sources.</p>
${attributions.map(attributionDetail)}${claims.map(claimDetail)}${entities.map(entityDetail)}${sources.map(sourceDetail)}
</div>
<section class="who-said-what">
<h2>Who said what</h2>
${ordered.length ? html`<ol>${whoSaidWhat}</ol>` : html`<p class="quiet">No quotes or reported speech found.</p>`}
</section>
</aside>
</div>
</article>`;
  return page(article.title || article.source, body);
}

// ── /entities/<id> ───────────────────────────────────────────────────────────────────────────────

export interface EntityView {
  entity: EntityRow;
  said: SaidRow[];
  about: ClaimRow[];
  /** The most of each list shown. */
  limit: number;
}

export function entityPage(v: EntityView): string {
  const e = v.entity;
  const more = (n: number) => (n >= v.limit ? html`<p class="quiet">The first ${v.limit} are shown.</p>` : '');
  const said = v.said.map(
    (s) => html`<li><a href="${articleHref(s.article, s.id)}">${s.direct ? `“${s.content}”` : s.content}</a>
<span class="where">${s.cue} · <a href="${articleHref(s.article)}">${s.title || s.article}</a>${s.published ? ` · ${day(s.published)}` : ''}</span></li>`,
  );
  const about = v.about.map(
    (c) => html`<li><a href="${articleHref(c.article, c.id)}">${c.text}</a>
<span class="where">${c.speaker ? c.speaker.name : 'the article'} · score ${c.score.toFixed(2)}${c.sources.length ? ` · cites ${c.sources.join(', ')}` : ''}</span></li>`,
  );
  const body = html`<h1>${e.name} <span class="tag">${e.type}</span></h1>
<p class="meta">${plural(e.articles, 'article')}, ${plural(e.mentions, 'mention')}</p>
${e.aliases.length ? html`<p><strong>Also written:</strong> ${e.aliases.join(', ')}</p>` : ''}
<section><h2>What ${e.name} said</h2>
${said.length ? html`<ol class="quotes">${said}</ol>${more(said.length)}` : html`<p class="quiet">Nothing attributed.</p>`}
</section>
<section><h2>Claims about ${e.name}</h2>
${about.length ? html`<ol class="quotes">${about}</ol>${more(about.length)}` : html`<p class="quiet">No claims mention them.</p>`}
</section>`;
  return page(e.name, body);
}

// ── /search ──────────────────────────────────────────────────────────────────────────────────────

/** Put around matched words by the store and turned into <mark> after escaping (they are not characters news text has). */
export const MATCH: [string, string] = ['\u0001', '\u0002'];

export function searchPage(q: string, rows: SearchRow[]): string {
  const highlighted = (text: string) => new Html(esc(text).replaceAll(MATCH[0], '<mark class="match">').replaceAll(MATCH[1], '</mark>'));
  const items = rows.map(
    (r) => html`<li><a href="${articleHref(r.article, r.id)}">${highlighted(r.text)}</a>
<span class="where">${r.kind} ${r.id} · ${r.speaker ? r.speaker.name : 'the article'} · article ${r.article}</span></li>`,
  );
  const body = html`<h1>Search</h1>
${q ? html`<p class="count">${plural(rows.length, 'match', 'matches')} for “${q}”</p>` : html`<p>Type words to find in claims and quotes.</p>`}
${items.length ? html`<ol class="quotes results">${items}</ol>` : ''}`;
  return page(q ? `${q} – search` : 'Search', body, { search: q });
}

// ── errors ───────────────────────────────────────────────────────────────────────────────────────

export function notFoundPage(what = 'There is no such page.'): string {
  return page('Not found', html`<h1>Not found</h1><p>${what}</p><p><a href="/">All articles</a></p>`);
}
