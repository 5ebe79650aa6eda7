// npm run eval [-- --shared <dir>] [--only seeds,news,polnear,conll,claimbuster] [--split dev|test] [--verbose]
// Scores the extractor against gold annotations and prints precision / recall / F1.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CLAIM_THRESHOLD } from '../nlp/claims.js';
import { evalClaimBuster } from './claimbuster.js';
import { evalConll } from './conll.js';
import { fmtRow, prf } from './match.js';
import { evalPolnear } from './polnear.js';
import { evalGoldNews, evalSeeds } from './seeds.js';

const { values } = parseArgs({
  options: {
    shared: { type: 'string', default: process.env.NEWSCLAIMS_SHARED ?? '../shared' },
    only: { type: 'string' },
    verbose: { type: 'boolean', short: 'v', default: false },
    split: { type: 'string', default: 'dev' },
    'dev-step': { type: 'string', default: '1' },
  },
});
const shared = resolve(values.shared!);
if (!existsSync(join(shared, 'gold'))) {
  console.error(`eval: no gold annotations under '${shared}' (pass --shared <dir> or set NEWSCLAIMS_SHARED)`);
  process.exit(2);
}
const only = new Set((values.only ?? 'seeds,news,polnear,conll,claimbuster').split(','));
const pct = (x: number) => x.toFixed(3);

if (only.has('seeds')) {
  console.log('== Seed articles (../shared/gold, hand-written gold)');
  const s = evalSeeds(shared, values.verbose);
  for (const [k, v] of Object.entries(s)) console.log(`  ${fmtRow(k, v)}`);
}

if (only.has('news') && existsSync(join(shared, 'gold-news'))) {
  console.log('\n== News dev set (../shared/gold-news, 12 BBC articles)');
  const s = evalGoldNews(shared, values.verbose);
  for (const [k, v] of Object.entries(s)) console.log(`  ${fmtRow(k, v)}`);
}

if (only.has('polnear')) {
  const dir = join(shared, 'bench', 'polnear');
  const r = evalPolnear(dir);
  console.log(`\n== PolNeAR attributions (${r.articles} articles, ${(r.ms / 1000).toFixed(1)} s)`);
  console.log(`  ${fmtRow('content (Dice >= 0.5)', r.content)}`);
  console.log(`  ${fmtRow('content+speaker', r.contentSpeaker)}`);
  console.log(`  ${fmtRow('direct quotes', r.direct)}`);
  console.log(`  speaker accuracy on matched, named speakers: ${pct(r.speakerJudged ? r.speakerRight / r.speakerJudged : 0)} (${r.speakerRight}/${r.speakerJudged})`);
}

if (only.has('conll')) {
  const file = join(shared, 'bench', 'conll2003', `${values.split}.jsonl`);
  const r = evalConll(file);
  console.log(`\n== CoNLL-2003 ${values.split} (${r.docs} documents, exact span and type)`);
  console.log(`  ${'type'.padEnd(6)} ${'bare compromise (P / R / F1)'.padEnd(32)} newsclaims (P / R / F1)`);
  for (const t of ['ALL', 'PER', 'ORG', 'LOC'] as const) {
    const b = prf(r.bare[t]);
    const o = prf(r.ours[t]);
    console.log(`  ${t.padEnd(6)} ${`${pct(b.p)} / ${pct(b.r)} / ${pct(b.f1)}`.padEnd(32)} ${pct(o.p)} / ${pct(o.r)} / ${pct(o.f1)}`);
  }
  console.log(`  time: bare ${(r.msBare / 1000).toFixed(1)} s, newsclaims ${(r.msOurs / 1000).toFixed(1)} s`);
}

if (only.has('claimbuster')) {
  const r = evalClaimBuster(join(shared, 'bench', 'claimbuster'), Number(values['dev-step']));
  console.log(`\n== ClaimBuster check-worthy sentences (CFS class; dev ${r.devSize}, test ${r.testSize})`);
  console.log(`  threshold chosen on dev: ${r.threshold}   dev F1 ${pct(r.dev.f1)}`);
  console.log(`  test at that threshold:  P ${pct(r.test.p)}  R ${pct(r.test.r)}  F1 ${pct(r.test.f1)}`);
  console.log(`  at the CLI's default ${DEFAULT_CLAIM_THRESHOLD}: dev P ${pct(r.devDefault.p)}  R ${pct(r.devDefault.r)}  F1 ${pct(r.devDefault.f1)};  test P ${pct(r.testDefault.p)}  R ${pct(r.testDefault.r)}  F1 ${pct(r.testDefault.f1)}`);
}
