// Scores attributions on PolNeAR (../shared/bench/polnear): content F1 with the gold README's
// Dice ≥ 0.5 rule, direct quotes separately, and speaker accuracy on matched, named speakers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument } from '../pipeline.js';
import { add, dice, emptyScore, matchRows, normName, textMatches, type Score } from './match.js';

interface PolnearAttribution {
  speaker: string;
  cue: string;
  content: string;
  direct: boolean;
}

const PRONOUN = /^(he|she|they|it|i|we|you|who|which|that|whose|his|her|their|its|him|them|us|me|whom)$/i;
const TITLES = /^(mr|mrs|ms|miss|dr|sen|senator|rep|gov|governor|president|former|secretary|gen|judge)\s+/;

/** Named speakers match on a shared surname-like last word, containment, or word overlap. */
export function speakerNameMatches(output: string, gold: string): boolean {
  const o = normName(output).replace(TITLES, '');
  const g = normName(gold).replace(TITLES, '');
  if (!o || !g) return false;
  if (o === g || g.includes(o) || o.includes(g)) return true;
  const gHead = normName(gold.split(',')[0]!).replace(TITLES, '');
  if (gHead.split(' ').pop() === o.split(' ').pop()) return true;
  return dice(o, g) >= 0.5;
}

/**
 * PolNeAR's speaker is the span of the article that names the source ("the mayor", "the poll"), where
 * newsclaims resolves descriptions to the entity they stand for ("Bill de Blasio", the poll's author).
 * Either the words in the article (`speakerText`) or the resolved name may match the gold span.
 */
function speakerAccepted(o: { speaker: { name: string } | null; speakerText: string | null }, gold: string): boolean {
  if (!o.speaker) return false;
  return speakerNameMatches(o.speaker.name, gold) || (!!o.speakerText && speakerNameMatches(o.speakerText, gold));
}

export interface PolnearResult {
  content: Score;
  direct: Score;
  contentSpeaker: Score;
  speakerRight: number;
  speakerJudged: number;
  articles: number;
  ms: number;
}

export function evalPolnear(dir: string, limit = Infinity): PolnearResult {
  const lines = readFileSync(join(dir, 'gold.jsonl'), 'utf8').split('\n').filter(Boolean);
  let content = emptyScore();
  let direct = emptyScore();
  let contentSpeaker = emptyScore();
  let speakerRight = 0;
  let speakerJudged = 0;
  let articles = 0;
  const t0 = performance.now();
  for (const line of lines.slice(0, limit)) {
    const g = JSON.parse(line) as { article: string; attributions: PolnearAttribution[] };
    const path = join(dir, 'articles', g.article);
    const r = extractDocument({ source: path, bytes: readFileSync(path) });
    articles++;
    const ok = (o: { content: string }, x: PolnearAttribution) => textMatches(o.content, x.content);
    const q = (o: { content: string }, x: PolnearAttribution) => dice(o.content, x.content);
    const m = matchRows(r.attributions, g.attributions, ok, q);
    content = add(content, m.score);
    direct = add(direct, matchRows(r.attributions.filter((a) => a.direct), g.attributions.filter((a) => a.direct), ok, q).score);
    for (const [o, x] of m.pairs) {
      if (!x.speaker || PRONOUN.test(x.speaker.trim())) continue;
      speakerJudged++;
      if (speakerAccepted(o, x.speaker)) speakerRight++;
    }
    // Pronoun and absent gold speakers are judged on content only.
    contentSpeaker = add(
      contentSpeaker,
      matchRows(r.attributions, g.attributions, (o, x) => ok(o, x) && (!x.speaker || PRONOUN.test(x.speaker.trim()) || speakerAccepted(o, x.speaker)), q).score,
    );
  }
  return { content, direct, contentSpeaker, speakerRight, speakerJudged, articles, ms: performance.now() - t0 };
}
