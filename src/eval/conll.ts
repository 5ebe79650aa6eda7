// Entity spans on CoNLL-2003 (exact span and type, PER/ORG/LOC), for bare compromise and for
// newsclaims side by side. The text is Reuters copyright: it is read from the shared path only.
import nlp from 'compromise';
import { readFileSync } from 'node:fs';
import { analyze } from '../nlp/index.js';
import type { EntityType } from '../types.js';
import { add, emptyScore, type Score } from './match.js';

type ConllType = 'PER' | 'ORG' | 'LOC';
interface Span {
  start: number;
  end: number;
  type: ConllType;
}

const TYPE_OF: Partial<Record<EntityType, ConllType>> = { person: 'PER', organization: 'ORG', place: 'LOC' };

export function bareCompromise(text: string): Span[] {
  const doc = nlp(text);
  const out: Span[] = [];
  const take = (view: { json: (o: object) => unknown }, type: ConllType) => {
    for (const m of view.json({ offset: true }) as Array<{ offset: { start: number; length: number } }>) {
      let start = m.offset.start;
      let end = start + m.offset.length;
      // compromise's spans carry trailing punctuation ("Pineau,"); trim it so the comparison is fair.
      while (end > start && /[\s.,;:!?'"’”)]/.test(text[end - 1]!)) end--;
      while (start < end && /[\s'"‘“(]/.test(text[start]!)) start++;
      if (end > start) out.push({ start, end, type });
    }
  };
  take(doc.people(), 'PER');
  take(doc.organizations(), 'ORG');
  take(doc.places(), 'LOC');
  return out;
}

export function newsclaimsSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const e of analyze(text).entities) {
    const type = TYPE_OF[e.type];
    if (type) for (const m of e.mentions) out.push({ start: m.start, end: m.end, type });
  }
  return out;
}

export type ConllScores = Record<'ALL' | ConllType, Score>;

function score(pred: Span[], gold: Span[], into: ConllScores): void {
  const key = (s: Span) => `${s.start}:${s.end}:${s.type}`;
  const g = new Set(gold.map(key));
  const p = new Set(pred.map(key));
  for (const t of ['PER', 'ORG', 'LOC'] as ConllType[]) {
    const gp = gold.filter((s) => s.type === t).map(key);
    const pp = [...p].filter((k) => k.endsWith(`:${t}`));
    const tp = pp.filter((k) => g.has(k)).length;
    into[t] = add(into[t], { tp, fp: pp.length - tp, fn: new Set(gp).size - tp });
  }
  const tp = [...p].filter((k) => g.has(k)).length;
  into.ALL = add(into.ALL, { tp, fp: p.size - tp, fn: g.size - tp });
}

export function evalConll(file: string, limit = Infinity): { bare: ConllScores; ours: ConllScores; docs: number; msBare: number; msOurs: number } {
  const fresh = (): ConllScores => ({ ALL: emptyScore(), PER: emptyScore(), ORG: emptyScore(), LOC: emptyScore() });
  const bare = fresh();
  const ours = fresh();
  let docs = 0;
  let msBare = 0;
  let msOurs = 0;
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(0, limit)) {
    const d = JSON.parse(line) as { text: string; entities: Array<{ type: string; start: number; end: number }> };
    const gold = d.entities.filter((e) => e.type !== 'MISC').map((e) => ({ start: e.start, end: e.end, type: e.type as ConllType }));
    let t = performance.now();
    score(bareCompromise(d.text), gold, bare);
    msBare += performance.now() - t;
    t = performance.now();
    score(newsclaimsSpans(d.text), gold, ours);
    msOurs += performance.now() - t;
    docs++;
  }
  return { bare, ours, docs, msBare, msOurs };
}
