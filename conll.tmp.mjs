import { readFileSync } from 'node:fs';
import { newsclaimsSpans } from './dist/eval/conll.js';
const lines = readFileSync('/work/shared/bench/conll2003/dev.jsonl', 'utf8').split('\n').filter(Boolean).slice(140, 216);
const fp = new Map(), fn = new Map(), wrongType = new Map();
for (const l of lines) {
  const d = JSON.parse(l);
  const gold = d.entities.filter(e => e.type !== 'MISC');
  const misc = d.entities.filter(e => e.type === 'MISC');
  const pred = newsclaimsSpans(d.text);
  const key = (s) => `${s.start}:${s.end}`;
  const g = new Map(gold.map(s => [key(s), s])); const p = new Map(pred.map(s => [key(s), s]));
  for (const [k, s] of p) { const x = g.get(k); const t = d.text.slice(s.start, s.end); if (!x) { const m = misc.find(mm => key(mm) === k); fp.set((m ? 'MISC:' : '') + t, (fp.get(t) || 0) + 1); } else if (x.type !== s.type) wrongType.set(`${t} ${s.type}->${x.type}`, 1); }
  for (const [k, s] of g) if (!p.has(k)) fn.set(`${d.text.slice(s.start, s.end)} (${s.type})`, 1);
}
console.log('FP', [...fp.keys()].slice(0, 70).join(' | '));
console.log('\nFN', [...fn.keys()].slice(0, 70).join(' | '));
console.log('\nTYPE', [...wrongType.keys()].slice(0, 50).join(' | '));
