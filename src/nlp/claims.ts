// Claims: sentences that assert something checkable, scored for check-worthiness, with hedges,
// the speaker they are attributed to, and the entities and sources they mention.
import type { Attribution, Claim, Entity, Source, Span } from '../types.js';
import { loadClaimModel, valenceMap } from './lexicon.js';
import type { Sentence } from './segment.js';

/**
 * The one check-worthiness threshold: a sentence scoring at least this is a claim, everywhere (what
 * `extract` prints, `claims`, `show`, `stats`, `articles` and `npm run eval`). Every scored sentence
 * is stored, so `--threshold` and `--all` can look further without extracting again.
 */
export const DEFAULT_CLAIM_THRESHOLD = 0.5;

/**
 * The record with only its claims at or above `threshold` (null: every scored sentence). Ids are
 * those of the full list, so a claim keeps its id whatever the threshold.
 */
export function atThreshold<T extends { claims: Claim[] }>(record: T, threshold: number | null): T {
  return threshold === null ? record : { ...record, claims: record.claims.filter((c) => c.score >= threshold) };
}

const HEDGES =
  /\b(may|might|could|reportedly|presumably|allegedly|apparently|possibly|probably|perhaps|likely|unlikely|it seems|seems? to|seemingly|appears? to|is expected to|are expected to|was expected to|is said to|are said to|rumou?red|purportedly|supposedly|suggests?|potentially)\b/gi;
const OPINION =
  /^(frankly|honestly|personally|perhaps|arguably|surely|obviously|in my (view|opinion)|i think|i believe|i question|i wonder|we think|it seems|together|by doing so)\b|\b(this writer|i think|i believe|i question|i wonder|in my view|we can|we must|we should|let['’]s|to all readers|our readers)\b/i;
// Value judgements: "partnerships are crucial", "it’s essential to", "a tough sell".
const EVALUATIVE =
  /\b(?:is|are|was|were|be|been|seems?|seemed|remains?|it['’]s)\s+(?:\w+\s+)?(?:crucial|essential|vital|imperative|necessary|perfect|revolutionary|undeniable|remarkable|impressive|disappointing|performative|a tough sell|a match made in heaven|the perfect)\b|\bit['’]s (?:essential|crucial|important|vital|time|clear)\b/i;
// Statements about what is not known are no claims: "are not specified", "is yet to be understood".
const NOT_KNOWN = /\b(?:not (?:explicitly |yet |fully )?(?:stated|specified|known|clear|disclosed)|yet to be|remains? to be seen|remain(?:s|ed)? (?:vague|unclear))\b/i;
const IMPERATIVE = /^(click|subscribe|sign up|read|share|follow|join|download|learn more|find out|see|watch|listen|contact|visit|apply|register|don['’]t|do not|let['’]s|please)\b/i;
const NUMBER = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|trillion|percent|half|dozen|first|second|third)\b/i;
const EVENT_VERB = /\b(\w+ed|said|told|won|lost|made|took|gave|began|became|rose|fell|grew|paid|sold|bought|left|met|ran|set|cut|hit|held|led|went|came|will|has|have|had|is|are|was|were)\b/i;
const FINITE_BEFORE = /\b(is|are|was|were|has|have|had|did|does|do|says?|said|told|\w+ed)\b/i;

/** A prediction or possibility as the main verb: "This could involve …", "X might lead to …". */
function speculative(s: string): boolean {
  const m = /\b(could|might|may)\b/i.exec(s);
  return m !== null && !FINITE_BEFORE.test(s.slice(0, m.index));
}

export interface SentenceContext {
  hasEntity: boolean;
  attributed: boolean;
  /** The sentence is a direct quote (or part of one). */
  quoted?: boolean;
  /** The sentence is one of an article's (three or more), not a line on its own. */
  inArticle?: boolean;
  /** The cue of the sentence's attribution: "research suggests" cites; its "suggests" hedges nothing. */
  cue?: string | null;
  /** The sentence continues a quote begun in an earlier sentence. */
  quoteContinuation?: boolean;
}

/** The hedge words of a sentence, less its attribution's cue. */
export function hedgesOf(s: string, cue: string | null = null): string[] {
  const cueWords = new Set((cue ?? '').toLowerCase().split(/\s+/));
  return [...s.matchAll(HEDGES)].map((m) => m[0]).filter((h) => !cueWords.has(h.toLowerCase()));
}

const PAST = /\b(\w{3,}ed|said|told|won|lost|made|took|gave|began|became|rose|fell|grew|paid|sold|bought|left|met|ran|cut|hit|held|led|went|came|spent|built|brought|sent|wrote|voted|passed|signed)\b/i;
const QUANTITY = /\b(percent|per cent|million|billion|trillion|thousand|hundred|dollars?|budget|deficit|debt|tax(es)?|rate|jobs|unemployment|increase[sd]?|decrease[sd]?|doubled|tripled|rose|fell|cut|raised|more than|less than|fewer than|majority|average|record|highest|lowest|largest|smallest|most|least)\b|[$£€%]/i;
const FIRST_SINGULAR = /\b(i|i['’]m|i['’]ve|i['’]ll|i['’]d|me|my|mine)\b/i;
const FIRST_PLURAL = /\b(we|we['’]re|we['’]ve|we['’]ll|us|our|ours)\b/i;
const SECOND_PERSON = /\b(you|you['’]re|your|yours)\b/i;
const BELIEF = /\b(i|we) (think|believe|feel|hope|want|know|guess|suppose|wish)\b/i;
const FUTURE = /\b(will|won['’]t|going to|gonna|['’]ll|shall)\b/i;
const NEGATION_RE = /\b(not|no|never|n['’]t|nobody|nothing)\b/i;
const GREETING = /\b(thank you|thanks|good (evening|night|morning)|ladies and gentlemen|congratulations|welcome)\b/i;
const YEAR = /\b(1[89]\d\d|20\d\d)\b/;
const DIGIT = /\d/;

/** Names of the features `claimFeatures` returns, in order (the weights file follows this order). */
export const FEATURE_NAMES = [
  'digit', 'year', 'quantity', 'entity', 'attributed', 'past', 'eventVerb', 'firstSingular', 'firstPlural', 'secondPerson',
  'belief', 'future', 'promise', 'speculative', 'negation', 'question', 'colonEnd', 'imperative', 'opinion', 'evaluative', 'notKnown',
  'greeting', 'hedged', 'quoteContinuation', 'short', 'long', 'logWords', 'positive', 'negative', 'quoted', 'inArticle',
] as const;

/**
 * Words of strong feeling or judgement, from the AFINN-165 valence list: how many a sentence has
 * that rate +2 or more, and -2 or less, each counted up to two. Opinion and feeling ("simply
 * awesome", "very emotional") are not checkable; the model learns how much they weigh.
 */
function valence(s: string): [number, number] {
  const v = valenceMap();
  let pos = 0;
  let neg = 0;
  for (const w of s.toLowerCase().match(/[\p{L}'’]+/gu) ?? []) {
    const x = v.get(w.replace(/’/g, "'"));
    if (x === undefined) continue;
    if (x >= 2) pos++;
    else if (x <= -2) neg++;
  }
  return [Math.min(pos, 2) / 2, Math.min(neg, 2) / 2];
}

export function claimFeatures(raw: string, c: SentenceContext): number[] {
  // A bullet's label is no part of the statement: "- Data Privacy Concerns: Users began …".
  const s = raw.replace(/^[-•*]?\s*[^:.!?]{3,60}:\s+(?=\S)/, (label) => (label.split(/\s+/).length <= 6 ? '' : label));
  const words = s.split(/\s+/).filter(Boolean).length;
  const t = s.trim();
  const b = (x: boolean) => (x ? 1 : 0);
  return [
    b(DIGIT.test(s)), b(YEAR.test(s)), b(QUANTITY.test(s) || NUMBER.test(s)), b(c.hasEntity), b(c.attributed), b(PAST.test(s)), b(EVENT_VERB.test(s)),
    b(FIRST_SINGULAR.test(s)), b(FIRST_PLURAL.test(s)), b(SECOND_PERSON.test(s)), b(BELIEF.test(s)), b(FUTURE.test(s) && !FIRST_SINGULAR.test(s) && !FIRST_PLURAL.test(s)), b(FUTURE.test(s) && (FIRST_SINGULAR.test(s) || FIRST_PLURAL.test(s))),
    b(!c.attributed && speculative(s)), b(NEGATION_RE.test(s)), b(t.endsWith('?')), b(t.endsWith(':')), b(IMPERATIVE.test(s)),
    b(OPINION.test(s)), b(EVALUATIVE.test(s)), b(NOT_KNOWN.test(s)), b(GREETING.test(s)), b(hedgesOf(s, c.cue).length > 0), b(c.quoteContinuation === true),
    b(words < 5), b(words > 60), Math.log(1 + words) / 4, ...valence(s), b(c.quoted === true), b(c.inArticle === true),
  ];
}

// What is never a claim, whatever it scores. Each rule is a kind of sentence that asserts nothing
// checkable, as the gold conventions describe them.
const NOT_A_CLAIM: Array<{ why: string; test: (s: string) => boolean }> = [
  // A question asks; it does not assert ("Will the community change all this?").
  { why: 'question', test: (s) => /\?["”’']?\s*$/.test(s) },
  // Advice to the reader ("You should back up your files", "If you use wi-fi, turn on encryption").
  { why: 'advice', test: (s) => /^["“']?(?:you(?:['’]ll| should| need| must| can| could| might want| may want| will want| have to)|if you\b[^,]*,\s*(?:you\s+)?(?:should|need|must|make sure|check|turn|use|try|avoid|don['’]t)\b)/i.test(s) },
  // Calls to action and exhortations ("Let's get to work", "Sign up for our newsletter").
  { why: 'exhortation', test: (s) => IMPERATIVE.test(s.replace(/^["“']/, '')) || /^["“']?(?:let us|together,? we|join us)\b/i.test(s) },
  // Team sheets and other lists of names: "S Best (Ulster), S Byrne (Leinster), R Corrigan (Leinster)".
  { why: 'list of names', test: isNameList },
];

/** Three or more comma-separated items, nearly all of them short capitalised names. */
function isNameList(s: string): boolean {
  const items = s.replace(/[.;:]\s*$/, '').split(/,|;|\band\b/).map((x) => x.trim()).filter(Boolean);
  if (items.length < 3) return false;
  // A list a clause introduces ("The seats … are: Bristol West, Cardiff Central, …") asserts something.
  if (/:/.test(s)) return false;
  const names = items.filter((x) => /^(?:\p{Lu}[\p{L}'’.-]*|\d+)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|\([^)]*\)|de|van|von|da|di|le|la))*$/u.test(x) && x.split(/\s+/).length <= 5);
  return names.length >= 3 && names.length / items.length >= 0.8;
}

/** Why a sentence is no claim whatever its score, or null. */
export function notAClaim(s: string): string | null {
  const t = s.trim();
  return NOT_A_CLAIM.find((r) => r.test(t))?.why ?? null;
}

export interface ClaimModel {
  bias: number;
  weights: number[];
}

let model: ClaimModel | null = null;
function claimModel(): ClaimModel {
  if (!model) {
    const m = loadClaimModel();
    if (m.weights.length !== FEATURE_NAMES.length) throw new Error('data/claim-weights.json does not match the claim features; run npm run train:claims');
    model = m;
  }
  return model;
}

/** Check-worthiness in [0, 1]: a logistic model over the features above (trained by `npm run train:claims`). */
export function scoreSentence(raw: string, ctx: SentenceContext, m: ClaimModel = claimModel()): number {
  if (notAClaim(raw)) return 0;
  const x = claimFeatures(raw, ctx);
  const z = x.reduce((sum, v, i) => sum + v * m.weights[i]!, m.bias);
  return Math.round((1 / (1 + Math.exp(-z))) * 100) / 100;
}

export function findClaims(sents: Sentence[], skip: Set<number>, entities: Entity[], attributions: Attribution[], sources: Source[]): Claim[] {
  const claims: Claim[] = [];
  const sourceByChannel = new Map(sources.map((s) => [s.name.toLowerCase(), s]));
  const entitiesIn = bySentence(sents, entities, (e) => e.mentions);
  const attributionsIn = bySentence(sents, attributions, (a) => a.contentSpans);
  const sourcesIn = bySentence(sents, sources, (src) => src.mentions);
  const inArticle = sents.filter((s) => !skip.has(s.paragraph) && !s.heading).length >= 3;
  sents.forEach((s, k) => {
    if (skip.has(s.paragraph) || s.heading) return;
    const entityIds = entitiesIn[k]!.map((i) => entities[i]!.id);
    const attribution = attributionsIn[k]!.map((i) => attributions[i]!).find((a) => a.speaker);
    const sourceIds = sourcesIn[k]!.map((i) => sources[i]!.id);
    if (attribution?.channel) {
      const ch = sourceByChannel.get(attribution.channel.toLowerCase()) ?? sources.find((x) => x.name.toLowerCase().endsWith(attribution.channel!.toLowerCase()));
      if (ch && !sourceIds.includes(ch.id)) sourceIds.push(ch.id);
    }
    const hedges = hedgesOf(s.text, attribution?.cue);
    claims.push({
      id: `c${claims.length + 1}`,
      text: s.text,
      start: s.start,
      end: s.end,
      speaker: attribution?.speaker ?? null,
      attributionId: attribution?.id ?? null,
      hedged: hedges.length > 0,
      hedges: [...new Set(hedges.map((h) => h.toLowerCase()))],
      score: scoreSentence(s.text, {
        hasEntity: entityIds.length > 0,
        attributed: attribution !== undefined,
        quoted: attribution?.direct === true,
        inArticle,
        cue: attribution?.cue,
        quoteContinuation: attribution?.direct === true && attribution.contentSpans[0]!.start < s.start - 1 && s.start >= attribution.contentSpans[0]!.end,
      }),
      entityIds,
      sourceIds,
    });
  });
  return dropRepeats(claims);
}

/**
 * For each sentence, the indexes of the items with a span inside it, in the items' order. Found by
 * binary search over the sentences (in text order), so a long article costs no sentences × items.
 */
function bySentence<T>(sents: Sentence[], items: T[], spansOf: (item: T) => Span[]): number[][] {
  const out: number[][] = sents.map(() => []);
  items.forEach((item, i) => {
    for (const span of spansOf(item)) {
      let lo = 0;
      let hi = sents.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sents[mid]!.end <= span.start) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < sents.length && sents[k]!.start < span.end; k++) if (out[k]!.at(-1) !== i) out[k]!.push(i);
    }
  });
  return out;
}

function wordsOf(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A sentence that repeats an earlier one almost word for word (a standfirst and its body twin) is one claim. */
function dropRepeats(claims: Claim[]): Claim[] {
  const words = claims.map((c) => wordsOf(c.text));
  const sets = words.map((w) => new Set(w));
  // Twins share most words (Dice >= 0.8 means at least two thirds of either's words), so a twin of a
  // sentence shares at least one of its rarest third of words: only sentences holding one of those
  // are compared ("prefix filtering"); a long article then costs no sentences × sentences.
  const df = new Map<string, number>();
  for (const set of sets) for (const x of set) df.set(x, (df.get(x) ?? 0) + 1);
  const rarest = (set: Set<string>) => {
    const sorted = [...set].sort((x, y) => df.get(x)! - df.get(y)! || (x < y ? -1 : x > y ? 1 : 0));
    return sorted.slice(0, sorted.length - Math.ceil((2 * sorted.length) / 3) + 1);
  };
  const keptIds: number[] = [];
  const holders = new Map<string, number[]>();
  claims.forEach((_, i) => {
    const set = sets[i]!;
    const prefix = rarest(set);
    const seen = new Set<number>();
    const twin = prefix.some((x) =>
      (holders.get(x) ?? []).some((j) => {
        if (seen.has(j)) return false;
        seen.add(j);
        if (Math.abs(words[i]!.length - words[j]!.length) > 5) return false;
        let overlap = 0;
        for (const y of set) if (sets[j]!.has(y)) overlap++;
        return (2 * overlap) / (set.size + sets[j]!.size) >= 0.8;
      }),
    );
    if (twin) return;
    keptIds.push(i);
    for (const x of prefix) {
      const list = holders.get(x);
      if (list) list.push(i);
      else holders.set(x, [i]);
    }
  });
  return keptIds.map((i, n) => ({ ...claims[i]!, id: `c${n + 1}` }));
}
