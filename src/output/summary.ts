// The readable per-article summary that `extract` prints on a terminal.
import type { ArticleResult } from '../types.js';

/** `r` holds the claims to list (see atThreshold); `below` is how many scored sentences it left out. */
export function articleSummary(r: ArticleResult, below: number): string {
  const a = r.article;
  const lines: string[] = [];
  const status = r.status ? ` (${r.status})` : '';
  lines.push(`${a.title ?? a.source}  [${a.id}]${status}`);
  lines.push(`  ${a.source}${a.url && a.url !== a.source ? `  ${a.url}` : ''}`);
  const meta = [a.byline && `by ${a.byline}`, a.published, a.site].filter(Boolean).join(' · ');
  if (meta) lines.push(`  ${meta}`);
  const shown = r.claims;
  lines.push(
    `  ${count(r.entities.length, 'entity', 'entities')}, ${count(r.attributions.length, 'attribution')} (${r.attributions.filter((x) => x.direct).length} direct), ` +
      `${count(r.sources.length, 'source')}, ${count(shown.length, 'claim')}${below ? ` (${below} sentences below the threshold)` : ''}`,
  );
  const sourceName = new Map(r.sources.map((s) => [s.id, s.kind === 'url' ? s.name : s.name]));
  for (const c of shown) {
    const who = c.speaker ? `${c.speaker.name}: ` : '';
    const hedge = c.hedged ? ` [hedged: ${c.hedges.join(', ')}]` : '';
    const cites = c.sourceIds.length ? `  ← ${c.sourceIds.map((id) => sourceName.get(id)).join(', ')}` : '';
    const text = c.text.length > 220 ? `${c.text.slice(0, 219)}…` : c.text;
    lines.push(`  • ${who}${text}${hedge}${cites}`);
  }
  return lines.join('\n');
}

/** "1 claim", "2 claims". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
