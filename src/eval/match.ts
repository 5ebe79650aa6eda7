// The matching rules of ../shared/gold/README.md, and precision / recall / F1.

export function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** How many tokens two bags share, each counted at most as often as it occurs on both sides. */
export function clippedOverlap(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let overlap = 0;
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      overlap++;
      counts.set(w, n - 1);
    }
  }
  return overlap;
}

/** Dice coefficient on lower-cased word tokens (multiset overlap). */
export function dice(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (!wa.length && !wb.length) return 1;
  return (2 * clippedOverlap(wa, wb)) / (wa.length + wb.length);
}

export function textMatches(a: string, b: string): boolean {
  return dice(a, b) >= 0.5;
}

export function normName(s: string): string {
  return s
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/^\s*the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A name matches the gold name or one of its aliases; a person's full name matches the surname. */
export function nameMatches(output: string, gold: string, aliases: string[] = [], goldIsPerson = false): boolean {
  const o = normName(output);
  if (!o) return false;
  const forms = [gold, ...aliases].map(normName);
  if (forms.includes(o)) return true;
  if (goldIsPerson) {
    const surname = normName(gold).split(' ').pop();
    if (surname && (o === surname || o.split(' ').pop() === surname)) return true;
  }
  return false;
}

export function normUrl(u: string): string {
  return u.replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/$/, '').toLowerCase();
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
}

export const emptyScore = (): Score => ({ tp: 0, fp: 0, fn: 0 });

export function add(a: Score, b: Score): Score {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export function prf(s: Score): { p: number; r: number; f1: number } {
  const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 0;
  const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/**
 * One-to-one matching, best pairs first: every (output, gold) pair that `ok` accepts is ranked
 * by `quality`, and pairs are taken in that order while both rows are free.
 */
export function matchRows<O, G>(output: O[], gold: G[], ok: (o: O, g: G) => boolean, quality: (o: O, g: G) => number = () => 1): { score: Score; pairs: Array<[O, G]> } {
  const candidates: Array<{ o: number; g: number; q: number }> = [];
  output.forEach((o, oi) => gold.forEach((g, gi) => ok(o, g) && candidates.push({ o: oi, g: gi, q: quality(o, g) })));
  candidates.sort((a, b) => b.q - a.q || a.o - b.o || a.g - b.g);
  const usedO = new Set<number>();
  const usedG = new Set<number>();
  const pairs: Array<[O, G]> = [];
  for (const c of candidates) {
    if (usedO.has(c.o) || usedG.has(c.g)) continue;
    usedO.add(c.o);
    usedG.add(c.g);
    pairs.push([output[c.o]!, gold[c.g]!]);
  }
  return { score: { tp: pairs.length, fp: output.length - pairs.length, fn: gold.length - pairs.length }, pairs };
}

export function fmtRow(label: string, s: Score, width = 34): string {
  const { p, r, f1 } = prf(s);
  return `${label.padEnd(width)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f1.toFixed(3)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
}

/** A title for comparing: case, quotes, dashes and spaces made uniform. */
export const normTitle = (t: string) =>
  t.normalize('NFKC').toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[‐‑‒–—―]/g, '-').replace(/\s+/g, ' ').trim();

/**
 * The title rule: a site name before or after the headline is ignored on both sides (" | Site",
 * " - Site", "Site: "). Each title stands for itself and for what is left when one end segment is cut,
 * or all but the first or the last (a site's name often comes with its section or the author);
 * two titles agree when one of those forms is shared, and a shared cut form has at least three words
 * (so that two pages of one site do not agree on the site's name alone).
 */
function titleForms(t: string): string[] {
  const n = normTitle(t);
  const forms = [n];
  // Chinese sites join the site's name with "_" ("…新台阶_科技_腾讯网"), some sites bracket it ("[LWN.net]").
  const seps = [...n.matchAll(/\s+(?:[|·•»:]|-{1,2}|::)\s+|\s*_\s*|\s+(?=\[[^\]]+\]$)/g)];
  if (seps.length) {
    const first = seps[0]!;
    const last = seps[seps.length - 1]!;
    forms.push(n.slice(0, last.index).trim(), n.slice(first.index! + first[0].length).trim());
    // The site's name with its section or the author before it ("… _探索者 _光明网", "… - John C. Welch - Medium").
    forms.push(n.slice(0, first.index).trim(), n.slice(last.index! + last[0].length).trim());
  }
  const colon = /^[^:]{2,40}:\s+/.exec(n);
  if (colon) forms.push(n.slice(colon[0].length).trim());
  return forms;
}

/** Words of a title; in scripts written without spaces, a word is about two characters. */
function titleWords(t: string): number {
  const cjk = t.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const spaced = t.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, ' ').split(/\s+/).filter(Boolean).length;
  return spaced + Math.floor(cjk / 2);
}

export function sameTitle(a: string, b: string): boolean {
  if (normTitle(a) === normTitle(b)) return true;
  const fb = new Set(titleForms(b));
  return titleForms(a).some((f) => fb.has(f) && titleWords(f) >= 3);
}

