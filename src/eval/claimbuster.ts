// Check-worthiness on ClaimBuster: the F1 of the check-worthy class (CFS), with the threshold
// chosen on dev.jsonl and reported on test.jsonl.
import { readFileSync } from 'node:fs';
import { analyze, DEFAULT_CLAIM_THRESHOLD } from '../nlp/index.js';
import { prf } from './match.js';

interface Labelled {
  text: string;
  label: 'NFS' | 'UFS' | 'CFS';
}

/** The check-worthiness newsclaims gives a sentence: the best score of the claims found in it. */
export function sentenceScore(text: string): number {
  return analyze(text).claims.reduce((m, c) => Math.max(m, c.score), 0);
}

function load(file: string, step: number): Labelled[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .filter((_, i) => i % step === 0)
    .map((l) => JSON.parse(l) as Labelled);
}

function f1At(scored: Array<{ score: number; cfs: boolean }>, threshold: number): { p: number; r: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of scored) {
    const yes = s.score >= threshold;
    if (yes && s.cfs) tp++;
    else if (yes) fp++;
    else if (s.cfs) fn++;
  }
  return prf({ tp, fp, fn });
}

export function evalClaimBuster(dir: string, devStep = 1): { threshold: number; dev: ReturnType<typeof f1At>; test: ReturnType<typeof f1At>; testDefault: ReturnType<typeof f1At>; devDefault: ReturnType<typeof f1At>; devSize: number; testSize: number } {
  const scoreAll = (rows: Labelled[]) => rows.map((r) => ({ score: sentenceScore(r.text), cfs: r.label === 'CFS' }));
  const dev = scoreAll(load(`${dir}/dev.jsonl`, devStep));
  const test = scoreAll(load(`${dir}/test.jsonl`, 1));
  let best = { threshold: 0.5, f1: -1 };
  for (let t = 0.05; t <= 1.0001; t += 0.05) {
    const f = f1At(dev, t).f1;
    if (f > best.f1) best = { threshold: Math.round(t * 100) / 100, f1: f };
  }
  return { threshold: best.threshold, dev: f1At(dev, best.threshold), test: f1At(test, best.threshold), testDefault: f1At(test, DEFAULT_CLAIM_THRESHOLD), devDefault: f1At(dev, DEFAULT_CLAIM_THRESHOLD), devSize: dev.length, testSize: test.length };
}
