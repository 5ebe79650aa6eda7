// Scores newsclaims on the hand-written gold of the seed articles (../shared/gold).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CLAIM_THRESHOLD } from '../nlp/index.js';
import { extractDocument } from '../pipeline.js';
import type { ArticleResult, AttributionKind } from '../types.js';
import { add, emptyScore, fmtRow, matchRows, nameMatches, normUrl, textMatches, dice, type Score } from './match.js';

interface GoldEntity {
  name: string;
  type: string;
  aliases: string[];
}
interface GoldAttribution {
  speaker: string | null;
  cue: string;
  content: string;
  direct: boolean;
}
interface GoldSource {
  kind: string;
  name: string;
  url?: string;
}
interface GoldClaim {
  text: string;
  speaker: string | null;
}
export interface Gold {
  article: string;
  entities: GoldEntity[];
  attributions: GoldAttribution[];
  sources: GoldSource[];
  claims: GoldClaim[];
}

export type SeedScores = Record<string, Score>;

/** Does the output speaker name the gold speaker (by name, alias, or surname)? */
function speakerMatches(name: string | null | undefined, gold: string | null, entities: GoldEntity[]): boolean {
  if (!name || !gold) return !name && !gold;
  const g = entities.find((e) => nameMatches(gold, e.name, e.aliases));
  return nameMatches(name, gold, g?.aliases ?? [], g?.type === 'person');
}

/** The kinds of attribution the hand-written gold sets annotate: statements and findings, not beliefs. */
export const GOLD_KINDS: readonly AttributionKind[] = ['said', 'found'];

export function scoreArticle(result: ArticleResult, gold: Gold, threshold = DEFAULT_CLAIM_THRESHOLD): SeedScores {
  const r = { ...result, attributions: result.attributions.filter((a) => GOLD_KINDS.includes(a.kind)) };
  const s: SeedScores = {};
  const ge = gold.entities;
  s['entities: name'] = matchRows(r.entities, ge, (o, g) => [o.name, ...o.aliases].some((n) => nameMatches(n, g.name, g.aliases, g.type === 'person'))).score;
  s['entities: name+type'] = matchRows(r.entities, ge, (o, g) => o.type === g.type && [o.name, ...o.aliases].some((n) => nameMatches(n, g.name, g.aliases, g.type === 'person'))).score;
  const content = (o: { content: string }, g: GoldAttribution) => textMatches(o.content, g.content);
  const q = (o: { content: string }, g: GoldAttribution) => dice(o.content, g.content);
  s['attributions: content'] = matchRows(r.attributions, gold.attributions, content, q).score;
  const matched = matchRows(r.attributions, gold.attributions, content, q);
  // Speaker accuracy on the attributions whose content matched.
  const right = matched.pairs.filter(([o, g]) => speakerMatches(o.speaker?.name, g.speaker, ge)).length;
  s['attributions: speaker (on matched)'] = { tp: right, fp: matched.pairs.length - right, fn: matched.pairs.length - right };
  s['attributions: content+speaker'] = matchRows(r.attributions, gold.attributions, (o, g) => content(o, g) && speakerMatches(o.speaker?.name, g.speaker, ge), q).score;
  s['attributions: direct quotes'] = matchRows(r.attributions.filter((a) => a.direct), gold.attributions.filter((a) => a.direct), content, q).score;
  s['sources'] = matchRows(r.sources, gold.sources, (o, g) =>
    g.kind === 'url' ? o.kind === 'url' && !!o.url && !!g.url && normUrl(o.url) === normUrl(g.url) : o.kind === g.kind && nameMatches(o.name, g.name),
  ).score;
  const claims = r.claims.filter((c) => c.score >= threshold);
  s['claims'] = matchRows(claims, gold.claims, (o, g) => textMatches(o.text, g.text), (o, g) => dice(o.text, g.text)).score;
  s['claims: text+speaker'] = matchRows(claims, gold.claims, (o, g) => textMatches(o.text, g.text) && speakerMatches(o.speaker?.name, g.speaker, ge), (o, g) => dice(o.text, g.text)).score;
  return s;
}

export function loadGold(goldDir: string): Gold[] {
  return readdirSync(goldDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as Gold);
}

/**
 * Scores a gold set: `goldDir` holds one JSON file per article, whose `article` field is the article's
 * path relative to `corpusDir` (the seeds: `gold/` over `seeds/`; the news dev set: `gold-news/` over `corpus/`).
 */
export function evalGoldSet(goldDir: string, corpusDir: string, verbose = false): SeedScores {
  const total: SeedScores = {};
  for (const gold of loadGold(goldDir)) {
    const path = join(corpusDir, gold.article);
    const r = extractDocument({ source: path, bytes: readFileSync(path) });
    const s = scoreArticle(r, gold);
    if (verbose) {
      console.log(`  ${gold.article}`);
      for (const [k, v] of Object.entries(s)) console.log(`    ${fmtRow(k, v, 32)}`);
    }
    for (const [k, v] of Object.entries(s)) total[k] = add(total[k] ?? emptyScore(), v);
  }
  return total;
}

export function evalSeeds(shared: string, verbose = false): SeedScores {
  return evalGoldSet(join(shared, 'gold'), join(shared, 'seeds'), verbose);
}

export function evalGoldNews(shared: string, verbose = false): SeedScores {
  return evalGoldSet(join(shared, 'gold-news'), join(shared, 'corpus'), verbose);
}
