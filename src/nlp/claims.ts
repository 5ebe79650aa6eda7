// Claims: sentences that assert something checkable, scored for check-worthiness, with hedges,
// the speaker they are attributed to, and the entities and sources they mention.
import type { Attribution, Claim, Entity, Source } from '../types.js';
import type { Sentence } from './segment.js';

/** Claims scoring below this are kept out of `claims` unless `--all` is given. */
export const DEFAULT_CLAIM_THRESHOLD = 0.5;

const HEDGES =
  /\b(may|might|could|reportedly|presumably|allegedly|apparently|possibly|probably|perhaps|likely|unlikely|it seems|seems? to|seemingly|appears? to|is expected to|are expected to|was expected to|is said to|are said to|rumou?red|purportedly|supposedly|suggests?|potentially)\b/gi;
const OPINION =
  /^(frankly|honestly|personally|perhaps|arguably|surely|clearly|obviously|in my (view|opinion)|i think|i believe|i question|i wonder|we think|it seems)\b|\b(this writer|i think|i believe|i question|i wonder|in my view)\b/i;
const IMPERATIVE = /^(click|subscribe|sign up|read|share|follow|join|download|learn more|find out|see|watch|listen|contact|visit|apply|register|don['’]t|do not|let['’]s|please)\b/i;
const NUMBER = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|trillion|percent|half|dozen|first|second|third)\b/i;
const EVENT_VERB = /\b(\w+ed|said|told|won|lost|made|took|gave|began|became|rose|fell|grew|paid|sold|bought|left|met|ran|set|cut|hit|held|led|went|came|will|has|have|had|is|are|was|were)\b/i;

export function scoreSentence(s: string, hasEntity: boolean, attributed: boolean): number {
  const words = s.split(/\s+/).length;
  let score = 0.25;
  if (NUMBER.test(s)) score += 0.2;
  if (hasEntity) score += 0.2;
  if (attributed) score += 0.2;
  if (EVENT_VERB.test(s)) score += 0.15;
  if (words >= 8 && words <= 70) score += 0.1;
  if (words < 5) score -= 0.3;
  if (OPINION.test(s)) score -= 0.45;
  if (s.trim().endsWith('?')) score -= 0.6;
  if (IMPERATIVE.test(s)) score -= 0.5;
  return Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
}

export function findClaims(sents: Sentence[], skip: Set<number>, entities: Entity[], attributions: Attribution[], sources: Source[]): Claim[] {
  const claims: Claim[] = [];
  const sourceByChannel = new Map(sources.map((s) => [s.name.toLowerCase(), s]));
  for (const s of sents) {
    if (skip.has(s.paragraph) || s.heading) continue;
    const within = (a: number, b: number) => a < s.end && b > s.start;
    const entityIds = entities.filter((e) => e.mentions.some((m) => within(m.start, m.end))).map((e) => e.id);
    const attribution = attributions.find((a) => a.contentSpans.some((p) => within(p.start, p.end)) && a.speaker);
    const sourceIds = sources.filter((src) => src.mentions.some((m) => within(m.start, m.end))).map((src) => src.id);
    if (attribution?.channel) {
      const ch = sourceByChannel.get(attribution.channel.toLowerCase()) ?? sources.find((x) => x.name.toLowerCase().endsWith(attribution.channel!.toLowerCase()));
      if (ch && !sourceIds.includes(ch.id)) sourceIds.push(ch.id);
    }
    const hedges = [...s.text.matchAll(HEDGES)].map((m) => m[0]);
    claims.push({
      id: `c${claims.length + 1}`,
      text: s.text,
      start: s.start,
      end: s.end,
      speaker: attribution?.speaker ?? null,
      attributionId: attribution?.id ?? null,
      hedged: hedges.length > 0,
      hedges: [...new Set(hedges.map((h) => h.toLowerCase()))],
      score: scoreSentence(s.text, entityIds.length > 0, attribution !== undefined),
      entityIds,
      sourceIds,
    });
  }
  return claims;
}
