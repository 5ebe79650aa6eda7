// npm run bench:html [-- --shared <dir>] [--rounds 3]
// Runs newsclaims' HTML extractor and Mozilla Readability (on linkedom) over the pages of
// ../shared/bench/html and prints both scores and both speeds in one run, scored as that
// folder's README says: token F1 on the Readability half, snippets on the Trafilatura half,
// title accuracy, and the page-weighted overall figure. The two systems run in turn for a few rounds
// and the median speed of each is shown, because this shared machine's speed drifts between runs.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { clippedOverlap, sameTitle } from '../eval/match.js';

interface Gold {
  page: string;
  origin: 'readability' | 'trafilatura';
  title?: string;
  text?: string;
  with?: string[];
  without?: string[];
}
interface Output {
  page: string;
  title: string | null;
  text: string;
}

const { values } = parseArgs({
  options: { shared: { type: 'string', default: process.env.NEWSCLAIMS_SHARED ?? '../shared' }, rounds: { type: 'string', default: '3' } },
});
const dir = join(resolve(values.shared!), 'bench', 'html');
if (!existsSync(join(dir, 'gold.jsonl'))) {
  console.error(`bench:html: no pages under '${dir}' (pass --shared <dir> or set NEWSCLAIMS_SHARED)`);
  process.exit(2);
}
const gold = readFileSync(join(dir, 'gold.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Gold);

/** Word tokens: letters, digits and marks; each Han/Hiragana/Katakana character on its own. */
function tokens(s: string): string[] {
  return s.normalize('NFKC').toLowerCase().match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

function overlap(sys: string, ref: string): { p: number; r: number; f1: number; matched: number; s: number; g: number } {
  const a = tokens(sys);
  const b = tokens(ref);
  const matched = clippedOverlap(b, a);
  const p = a.length ? matched / a.length : 0;
  const r = b.length ? matched / b.length : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, matched, s: a.length, g: b.length };
}

function score(outputs: Map<string, Output>) {
  let pSum = 0;
  let rSum = 0;
  let fSum = 0;
  let n = 0;
  let matched = 0;
  let sysTok = 0;
  let goldTok = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let titles = 0;
  let titled = 0;
  for (const g of gold) {
    const o = outputs.get(g.page) ?? { page: g.page, title: null, text: '' };
    if (g.title) {
      titled++;
      if (o.title && sameTitle(o.title, g.title)) titles++;
    }
    if (g.origin === 'readability') {
      const s = overlap(o.text, g.text ?? '');
      pSum += s.p;
      rSum += s.r;
      fSum += s.f1;
      n++;
      matched += s.matched;
      sysTok += s.s;
      goldTok += s.g;
    } else {
      const text = o.text.replace(/\s+/g, ' ');
      for (const w of g.with ?? []) (text.includes(w.replace(/\s+/g, ' ')) ? tp++ : fn++);
      for (const w of g.without ?? []) (text.includes(w.replace(/\s+/g, ' ')) ? fp++ : tn++);
    }
  }
  const rd = { p: pSum / n, r: rSum / n, f1: fSum / n, microP: matched / sysTok, microR: matched / goldTok };
  const tf = { p: tp / (tp + fp || 1), r: tp / (tp + fn || 1), f1: (2 * tp) / (2 * tp + fp + fn || 1), acc: (tp + tn) / (tp + fp + fn + tn || 1) };
  const nr = gold.filter((g) => g.origin === 'readability').length;
  const nt = gold.length - nr;
  const overall = {
    p: (nr * rd.p + nt * tf.p) / gold.length,
    r: (nr * rd.r + nt * tf.r) / gold.length,
    f1: (nr * rd.f1 + nt * tf.f1) / gold.length,
  };
  return { rd, tf, titleAcc: titles / titled, overall };
}

function run(system: string) {
  const child = new URL('./html-child.js', import.meta.url).pathname;
  const r = spawnSync(process.execPath, [child, system, join(dir, 'pages'), join(dir, 'gold.jsonl')], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${system} failed: ${r.stderr}`);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const stats = lines.pop() as { ms: number; pages: number; maxRssMB: number };
  return { outputs: new Map((lines as Output[]).map((o) => [o.page, o])), stats };
}

const f = (x: number) => x.toFixed(3);
console.log(`pages: ${gold.length} (${dir})\n`);
console.log(`${'system'.padEnd(24)} ${'readability half F1 (P/R)'.padEnd(28)} ${'trafilatura half F1 (P/R, acc)'.padEnd(34)} ${'title'.padEnd(6)} ${'overall F1'.padEnd(10)} ${'pages/s'.padStart(8)} ${'peak MB'.padStart(8)}`);
const systems = [
  ['newsclaims (cheerio)', 'newsclaims'],
  ['Readability + linkedom', 'readability'],
] as const;
type Run = ReturnType<typeof run>;
const runs = new Map<string, Run[]>(systems.map(([, system]) => [system, []]));
for (let round = 0; round < Math.max(1, Number(values.rounds)); round++) for (const [, system] of systems) runs.get(system)!.push(run(system));
for (const [name, system] of systems) {
  const all = runs.get(system)!;
  // Output is the same every round; speed is the median round's, memory the largest.
  const speeds = all.map((r) => r.stats.pages / (r.stats.ms / 1000)).sort((a, b) => a - b);
  const speed = speeds[speeds.length >> 1]!;
  const peak = Math.max(...all.map((r) => r.stats.maxRssMB));
  const s = score(all[0]!.outputs);
  console.log(
    `${name.padEnd(24)} ${`${f(s.rd.f1)} (${f(s.rd.p)}/${f(s.rd.r)})`.padEnd(28)} ${`${f(s.tf.f1)} (${f(s.tf.p)}/${f(s.tf.r)}, ${f(s.tf.acc)})`.padEnd(34)} ${f(s.titleAcc).padEnd(6)} ${f(s.overall.f1).padEnd(10)} ${speed.toFixed(1).padStart(8)} ${peak.toFixed(0).padStart(8)}`,
  );
  if (system === 'newsclaims') console.log(`html: F1 ${f(s.overall.f1)} precision ${f(s.overall.p)} recall ${f(s.overall.r)} pages ${gold.length}`);
}
console.log(`(pages/s: median of ${runs.get('newsclaims')!.length} alternating rounds)`);
