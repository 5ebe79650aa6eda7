import { readFileSync } from 'node:fs';
import { newsclaimsSpans } from './dist/eval/conll.js';
const lines = readFileSync('/work/shared/bench/conll2003/dev.jsonl', 'utf8').split('\n').filter(Boolean);
const fpOrg = new Map(), fnOrg = new Map(), conf = new Map();
for (const l of lines) {
  const d = JSON.parse(l);
  const gold = d.entities;
  const pred = newsclaimsSpans(d.text);
  const key = (s) => `${s.start}:${s.end}`;
  const g = new Map(gold.map(s => [key(s), s]));
  for (const s of pred) { const x = g.get(key(s)); const t = d.text.slice(s.start, s.end); const k = `${s.type}->${x ? x.type : 'none'}`; conf.set(k, (conf.get(k) || 0) + 1); if (s.type === 'ORG' && (!x || x.type !== 'ORG')) fpOrg.set(`${t}[${x ? x.type : '-'}]`, (fpOrg.get(`${t}[${x ? x.type : '-'}]`) || 0) + 1); }
  const p = new Map(pred.map(s => [key(s), s]));
  for (const x of gold) if (x.type === process.argv[2] && !p.has(key(x))) fnOrg.set(d.text.slice(x.start, x.end), 1);
}
console.log([...conf].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}:${v}`).join(' '));
console.log('\nFP ORG', [...fpOrg].sort((a, b) => b[1] - a[1]).slice(0, 80).map(([k, v]) => `${k}${v > 1 ? '×' + v : ''}`).join(' | '));
console.log('\nFN', [...fnOrg.keys()].slice(0, 60).join(' | '));
