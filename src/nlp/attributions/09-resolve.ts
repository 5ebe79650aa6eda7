// Pass 9 of the attribution stage, speaker resolution: a speaker phrase found beside a cue becomes an entity of the article, or stays
// as the article's words. Names resolve to themselves; pronouns to the nearest compatible antecedent;
// descriptions ("the home secretary", "the company", "the 67-year-old") to the entity the article
// gave that description; documents ("the report", "figures") to their author.
import type { Attribution, Entity, EntityType, Span, SpeakerRef } from '../../types.js';
import type { TermIndex } from '../terms.js';
import type { MentionRef, SpeakerPhrase } from './03-speakers.js';
import type { AttributionContext } from './context.js';
import { DOCUMENT_HEADS } from '../cues.js';
import { canonicalNames } from '../lexicon.js';

// ---- Knowledge -------------------------------------------------------------------------------

/** Heads of descriptions of one organisation: "the company", "the pan-European bourse". */
const ORG_HEADS = new Set(
  ('company firm group giant maker platform startup start-up organisation organization agency government ministry department ' +
    'administration campaign team party committee council union bank regulator watchdog bourse exchange club side board commission ' +
    'panel authority corporation charity retailer airline carrier operator network broadcaster newspaper paper institute foundation ' +
    'university school hospital trust body association federation league operator supermarket chain insurer lender').split(' '),
);

/** Heads of descriptions of one person: "the home secretary", "the 67-year-old", "the striker". */
const PERSON_HEADS = new Set(
  ('secretary minister chancellor president premier leader chairman chairwoman chair chief executive boss director manager coach ' +
    'spokesman spokeswoman spokesperson actor actress star singer director producer writer author striker midfielder defender ' +
    'goalkeeper captain player winger forward batsman bowler champion mayor governor senator mp judge prosecutor officer founder ' +
    'head governor king queen prince princess pope bishop archbishop father mother wife husband son daughter man woman veteran ' +
    'economist analyst professor scientist lawyer businessman entrepreneur tycoon billionaire').split(' '),
);

/** Words before a role that make it another office: a shadow home secretary is not the home secretary. */
const ROLE_NOT_THEIRS = new Set(['shadow', 'former', 'ex', 'deputy', 'vice', 'assistant', 'junior', 'acting', 'interim', 'future', 'next', 'would-be']);

/** Words for someone who speaks for an organisation: the organisation is the speaker. */
const SPOKESPERSON = /\b(?:spokes(?:man|woman|person|men|women|people)|representatives?|officials?|sources?|insiders?|aides?|statement)\b/i;


/** Pronouns, with the entity types and number they can stand for. */
const PRONOUNS: Record<string, { types: EntityType[]; gender: 'm' | 'f' | null }> = {
  he: { types: ['person'], gender: 'm' },
  she: { types: ['person'], gender: 'f' },
  i: { types: ['person'], gender: null },
  it: { types: ['organization', 'product'], gender: null },
  which: { types: ['organization', 'product'], gender: null },
  they: { types: ['organization'], gender: null },
  we: { types: ['organization'], gender: null },
  who: { types: ['person', 'organization'], gender: null },
  // Owners of a noun cue ("his call for …", see 06-noun-cues.ts).
  his: { types: ['person'], gender: 'm' },
  her: { types: ['person'], gender: 'f' },
  their: { types: ['organization'], gender: null },
  its: { types: ['organization', 'product'], gender: null },
};

const HONORIFIC_GENDER: Record<string, 'm' | 'f'> = { mr: 'm', sir: 'm', lord: 'm', mrs: 'f', ms: 'f', miss: 'f', dame: 'f', lady: 'f' };

// ---- Context ---------------------------------------------------------------------------------

export interface ResolveContext {
  text: string;
  /** Entity mentions in text order. */
  mentions: MentionRef[];
  sentenceStarts: number[];
  /** Is this offset inside a quotation? Names inside quoted words are not antecedents of a tag's pronoun. */
  quoted: (pos: number) => boolean;
  index: TermIndex;
  /** The statement being resolved: a name inside what was said is not who said it. */
  content: Span[];
}

/** A speaker resolved earlier, with where its statement stands. */
export interface PriorSpeaker {
  ref: SpeakerRef;
  entity: Entity | null;
  at: number;
}

/** Gender of a person from a gendered first name or honorific in any of its mentions. */
function genderOf(entity: Entity, ctx: ResolveContext): 'm' | 'f' | null {
  for (const m of entity.mentions) {
    const before = /(\p{L}+)\.?\s+$/u.exec(ctx.text.slice(Math.max(0, m.start - 6), m.start))?.[1]?.toLowerCase();
    if (before && HONORIFIC_GENDER[before]) return HONORIFIC_GENDER[before]!;
    const first = ctx.index.within(m.start, m.end)[0];
    if (first?.tags.has('MaleName')) return 'm';
    if (first?.tags.has('FemaleName')) return 'f';
  }
  return null;
}

function sentenceIndex(ctx: ResolveContext, pos: number): number {
  let lo = 0;
  let hi = ctx.sentenceStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.sentenceStarts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The antecedent of a pronoun or description at `pos`: a compatible earlier speaker of the last two
 * sentences first (a tag after a quote continues its speaker), then the subject (first compatible
 * mention) of the current sentence and the two before it, then the nearest compatible mention.
 * Mentions inside quotations are passed over: "Clint is a chum of the voters," he said.
 */
function antecedent(pos: number, ok: (e: Entity) => boolean, ctx: ResolveContext, prior: PriorSpeaker[]): Entity | null {
  const k = sentenceIndex(ctx, pos);
  const windowStart = ctx.sentenceStarts[Math.max(0, k - 2)] ?? 0;
  for (let i = prior.length - 1; i >= 0; i--) {
    const p = prior[i]!;
    if (p.at < windowStart) break;
    if (p.entity && p.at < pos && ok(p.entity)) return p.entity;
  }
  const usable = (m: MentionRef) => m.end <= pos && !ctx.quoted(m.start) && !ctx.content.some((c) => m.start >= c.start && m.end <= c.end) && ok(m.entity);
  for (let back = 0; back < 3 && k - back >= 0; back++) {
    const from = ctx.sentenceStarts[k - back]!;
    const to = back === 0 ? pos : ctx.sentenceStarts[k - back + 1]!;
    const first = ctx.mentions.find((m) => m.start >= from && m.end <= to && usable(m));
    if (first) return first.entity;
  }
  for (let i = ctx.mentions.length - 1; i >= 0; i--) if (usable(ctx.mentions[i]!)) return ctx.mentions[i]!.entity;
  return null;
}

/** The entity the article names with this description: "Home Secretary David Blunkett", "Blunkett, the home secretary". */
function namedWithRole(role: string, pos: number, ctx: ResolveContext, owner: Entity | null = null): Entity | null {
  const words = role.toLowerCase().split(/\s+/);
  const headWord = words[words.length - 1]!;
  // "Home Secretary David Blunkett", "Lions coach Clive Woodward", "chief executive Werner Seifert":
  // the role's words among the four before the name; "Blunkett, the home secretary" after it.
  const titled = (m: MentionRef) => {
    // The role ends at most one word before the name ("chief executive Werner Seifert"), and is not
    // someone else's ("Shadow home secretary David Davis", "former minister …").
    const before = ctx.text.slice(Math.max(0, m.start - 80), m.start).toLowerCase().split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean).slice(-6);
    const at = before.lastIndexOf(headWord);
    const gap = at === before.length - 2 ? before[before.length - 1]! : '';
    if (at >= before.length - 2 && !/^(?:of|for|at|in|from|with|on|to|and|the|a|an)$/.test(gap) && at >= words.length - 1 && words.every((w, i) => before[at - (words.length - 1) + i] === w) && !ROLE_NOT_THEIRS.has(before[at - words.length] ?? '')) return true;
    const after = ctx.text.slice(m.end, m.end + role.length + 12).toLowerCase().replace(/\s+/g, ' ');
    return new RegExp(`^['’]?s?,\\s+(?:the|a|its|his|her)\\s+${escape(role.toLowerCase())}\\b`).test(after);
  };
  // With an owner ("its chief"), the title must be the owner's: "Deutsche Boerse chief executive Werner Seifert".
  const ownersWords = owner ? [owner.name, ...owner.aliases].map((n) => n.toLowerCase()) : [];
  const ownedBy = (m: MentionRef) => {
    if (!owner) return true;
    const before = ctx.text.slice(Math.max(0, m.start - 80), m.start).toLowerCase();
    return ownersWords.some((n) => new RegExp(`${escape(n)}(?:['’]s)?\\s+(?:[\\p{L}-]+\\s+){1,3}$`, 'u').test(before));
  };
  const people = ctx.mentions.filter((m) => m.entity.type === 'person' && titled(m) && ownedBy(m));
  // The nearest before the description, else the first after it.
  return ([...people].reverse().find((m) => m.start < pos) ?? people.find((m) => m.start >= pos))?.entity ?? null;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The author of a document the article mentions with this head word: "the Demos report", "a report by
 * UK think-tank Demos", "Commerce Department figures", "the report, carried out by consultants X".
 * The nearest such mention before the phrase wins, then the nearest after it.
 */
function authorOf(head: string, phrase: SpeakerPhrase, ctx: ResolveContext): Entity | null {
  const { text } = ctx;
  const stem = head.replace(/(ies|s)$/, '');
  const re = new RegExp(`\\b${escape(stem)}(?:y|ies|s)?\\b`, 'gi');
  let best: { entity: Entity; distance: number } | null = null;
  for (const m of text.matchAll(re)) {
    const at = m.index!;
    const end = at + m[0].length;
    let found: Entity | null = null;
    // "<Entity>('s) [one or two words] report"
    const owner = [...ctx.mentions].reverse().find((x) => x.end <= at && x.end >= at - 40 && /^(?:['’]s)?\s+(?:[\p{L}-]+\s+){0,2}$/u.test(text.slice(x.end, at)));
    if (owner && (owner.entity.type === 'organization' || owner.entity.type === 'person')) found = owner.entity;
    if (!found) {
      // "report [, carried out independently] by|from [consultants] <Entity>", within the sentence.
      const after = ctx.mentions.find((x) => x.start >= end && x.start <= end + 120 && (x.entity.type === 'organization' || x.entity.type === 'person'));
      if (after) {
        const between = text.slice(end, after.start);
        if (!/[.!?;]/.test(between) && /\b(?:by|from|for)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,3}$/u.test(between)) found = after.entity;
      }
    }
    if (!found) continue;
    const distance = at <= phrase.start ? phrase.start - at : 1e6 + at - phrase.start;
    if (!best || distance < best.distance) best = { entity: found, distance };
  }
  return best?.entity ?? null;
}

/**
 * The one author the article names for any document, when this document's own is not named:
 * "…, research suggests" in a piece about "a report by think-tank Demos".
 */
function soleDocumentAuthor(phrase: SpeakerPhrase, ctx: ResolveContext): Entity | null {
  const authors = new Set<Entity>();
  for (const head of DOCUMENT_HEADS) {
    if (!new RegExp(`\\b${escape(head)}\\b`, 'i').test(ctx.text)) continue;
    const a = authorOf(head, phrase, ctx);
    if (a) authors.add(a);
    if (authors.size > 1) return null;
  }
  return authors.size === 1 ? [...authors][0]! : null;
}

/** "Booz Allen Hamilton and HI Europe": an author named with a partner is the pair. */
function withPartner(author: Entity, ctx: ResolveContext, near: number): SpeakerRef {
  for (const m of ctx.mentions) {
    if (m.entity !== author || Math.abs(m.start - near) > 2000) continue;
    const isPartner = (x: MentionRef) => x.entity !== author && x.entity.type !== 'other' && x.entity.type !== 'event';
    const partner = ctx.mentions.find((x) => x.start > m.end && x.start - m.end < 8 && /^\s+(?:and|&)\s+$/.test(ctx.text.slice(m.end, x.start)) && isPartner(x));
    if (partner) return { name: ctx.text.slice(m.start, partner.end), entityId: null };
    // "the RSA Security and NetSurity survey": the author found may be the second of the pair.
    const before = ctx.mentions.find((x) => x.end < m.start && m.start - x.end < 8 && /^\s+(?:and|&)\s+$/.test(ctx.text.slice(x.end, m.start)) && isPartner(x));
    if (before) return { name: ctx.text.slice(before.start, m.end), entityId: null };
  }
  return ref(author);
}

const ref = (e: Entity): SpeakerRef => ({ name: e.name, entityId: e.id });

/** A political party: named so, or one of the parties the lexicon knows by other names too. */
function isParty(e: Entity): boolean {
  return [e.name, ...e.aliases].some((n) => /\bParty$/.test(n) || / Party$/.test(canonicalNames().get(n.toLowerCase()) ?? '') || /^(?:Liberal Democrats|Democrats|Republicans|Labour|Conservatives|Tories|Greens|UKIP|SNP)$/.test(n));
}

/** Resolve one speaker phrase; `prior` holds the speakers resolved before it, in text order. */
export function resolveSpeaker(phrase: SpeakerPhrase, ctx: ResolveContext, prior: PriorSpeaker[]): { ref: SpeakerRef; entity: Entity | null } {
  const word = phrase.text.trim();
  const lower = word.toLowerCase();
  const pronoun = PRONOUNS[lower];
  const keep = { ref: { name: word, entityId: null }, entity: null };
  if (pronoun) {
    // "I" and "we" in a quote speak for the last speaker.
    const last = prior[prior.length - 1];
    if ((lower === 'i' || lower === 'we') && last) return { ref: last.ref, entity: last.entity };
    const ok = (x: Entity) => pronoun.types.includes(x.type) && (!pronoun.gender || (genderOf(x, ctx) ?? pronoun.gender) === pronoun.gender);
    // A relative pronoun refers to the name it follows: "Marc Morial, the chief executive, who said".
    if ((lower === 'who' || lower === 'which') && /,\s*$/.test(ctx.text.slice(Math.max(0, phrase.start - 3), phrase.start))) {
      const m = [...ctx.mentions].reverse().find((x) => x.end <= phrase.start && ok(x.entity));
      if (m) return { ref: ref(m.entity), entity: m.entity };
    }
    const e = antecedent(phrase.start, ok, ctx, prior);
    return e ? { ref: ref(e), entity: e } : keep;
  }
  // A name in the phrase is the speaker, unless it only completes a description ("the star of Tootsie").
  const inside = ctx.mentions.filter((m) => m.start >= phrase.start && m.end <= phrase.end);
  const named = inside.filter((m) => !/\b(?:of|for|at|in|from|with|on|to)\s+(?:the\s+)?$/i.test(ctx.text.slice(phrase.start, m.start)));
  // The name ends the phrase ("Mike O'Brien"); a name before a role only describes ("the Lions coach"),
  // except for a spokesperson, who speaks for the organisation named ("a Home Office spokeswoman").
  const head = named.find((m) => /^(?:['’]s?)?$/.test(ctx.text.slice(m.end, phrase.end).trim()) || (m.start === phrase.start && /^\s*,/.test(ctx.text.slice(m.end, phrase.end))));
  if (head) return { ref: ref(head.entity), entity: head.entity };
  const spokes = named.find((m) => m.entity.type === 'organization' && SPOKESPERSON.test(ctx.text.slice(m.end, phrase.end)));
  if (spokes) return { ref: ref(spokes.entity), entity: spokes.entity };
  const overlap = inside.length ? undefined : ctx.mentions.find((m) => m.start < phrase.end && m.end > phrase.start);
  if (overlap) return { ref: ref(overlap.entity), entity: overlap.entity };

  // A description: its head is the last word before any complement ("the star of Rain Man").
  const description = /^(?:the|this|that|its|his|her|their|our|a|an)\s+(.+)$/i.exec(lower)?.[1] ?? (named.length && !inside.some((m) => m.end < phrase.end) ? null : lower);
  if (!description) return keep;
  const core = description.split(/\s+(?:of|for|at|in|from|with|on|to)\s+/)[0]!;
  const headWord = core.split(/\s+/).pop()!.replace(/['’]s$/, '');
  if (DOCUMENT_HEADS.has(headWord)) {
    const author = authorOf(headWord, phrase, ctx) ?? soleDocumentAuthor(phrase, ctx);
    if (author) return { ref: withPartner(author, ctx, phrase.start), entity: author };
    // "the regulator's latest review": an owner the text gives only by description is the author, as written.
    const owner = /^((?:the|a|an)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)['’]s\s/iu.exec(word)?.[1];
    return owner ? { ref: { name: owner, entityId: null }, entity: null } : keep;
  }
  if (/^(?:the|this|that|its)\s/.test(lower) && ORG_HEADS.has(headWord)) {
    // "the council": the nearest organisation called "… Council", else the organisation in focus.
    const named = [...ctx.mentions].reverse().find((m) => m.end <= phrase.start && m.entity.type === 'organization' && m.entity.name.toLowerCase().split(/\s+/).includes(headWord));
    // "the party" is a party the article named, whatever it is called ("the Liberal Democrats").
    const party = headWord === 'party' ? antecedent(phrase.start, (x) => x.type === 'organization' && isParty(x), ctx, prior) : null;
    const e = named?.entity ?? party ?? antecedent(phrase.start, (x) => x.type === 'organization', ctx, prior);
    return e ? { ref: ref(e), entity: e } : keep;
  }
  if (/^(?:the|its|their)\s/.test(lower) && (PERSON_HEADS.has(headWord) || /^\d+-year-old$/.test(headWord))) {
    // "the home secretary" is whoever the article named so; an age or a part ("the 67-year-old",
    // "the star of …") describes the person in focus.
    // "its chief": the chief of the organisation "its" stands for (Deutsche Boerse's, not the LSE's).
    // The owner may well be named in the statement itself: "Acme bosses held talks, its chief said".
    const owner = /^(?:its|their)\s/.test(lower) ? antecedent(phrase.start, (x) => x.type === 'organization', { ...ctx, content: [] }, []) : null;
    const named = namedWithRole(core, phrase.start, ctx, owner);
    if (named) return { ref: ref(named), entity: named };
    if (/^\d+-year-old$/.test(headWord) || core !== description) {
      const e = antecedent(phrase.start, (x) => x.type === 'person', ctx, prior);
      if (e) return { ref: ref(e), entity: e };
    }
    return keep;
  }
  if (/\bspokes(?:person|man|woman)\b/.test(lower)) {
    const e = antecedent(phrase.start, (x) => x.type === 'organization', ctx, prior);
    if (e) return { ref: ref(e), entity: e };
  }
  return keep;
}

// Words that cannot be a speaker on their own: sentence openers and fragments of titles.
const NOT_A_SPEAKER = /^(?:if|when|while|although|though|but|and|so|then|time|now|here|there|this|that|these|those|such|deputy|prime|vice|secretary|minister|industry|trade|home|foreign|shadow|state)$/i;
// A dateline ("SELMA, Ala. —", "WASHINGTON (Reuters) -") opens an article; it names a place, not a speaker.
const DATELINE = /^\p{Lu}[\p{Lu} .'-]+(?:,\s*[\p{L}.]+)*(?:\s*\([^)]*\))?\s*[—–-]?$/u;

/**
 * Whether a speaker phrase can have spoken: a person or organisation, a pronoun resolved to one, or a
 * noun phrase whose head can speak. A work, an event, a clause, a prepositional phrase, a dateline or
 * a stray title word cannot; then the attribution has no speaker, which costs a reader less than a
 * wrong one.
 */
function canSpeak(phrase: SpeakerPhrase, entity: Entity | null, ctx: ResolveContext): boolean {
  // A product speaks for its company ("Twitter said"); a work or an event does not.
  if (entity) return entity.type !== 'event' && entity.type !== 'other';
  const words = phrase.text.trim().split(/\s+/);
  if (words.length === 1 && NOT_A_SPEAKER.test(words[0]!)) return false;
  // "Deputy Prime", "Industry": title words cut from a name; "the minister" is a description and speaks.
  if (!/^(?:the|a|an|this|that|its|his|her|their|our)$/i.test(words[0]!) && words.every((w) => NOT_A_SPEAKER.test(w))) return false;
  if (words.length > 1 && DATELINE.test(phrase.text.trim()) && phrase.text === phrase.text.toUpperCase()) return false;
  if (words.length > 25) return false;
  if (PREPOSITION_FIRST.test(phrase.text)) return false;
  // A clause: an auxiliary or a modal inside the phrase ("Maternity pay for new mothers is to rise").
  // (The tagger's Verb tag is no guide here: it tags "police", "advocates" and "campaign" as verbs.)
  if (words.some((w) => CLAUSE_VERB.test(w))) return false;
  return true;
}

const PREPOSITION_FIRST = /^(?:in|on|at|for|from|with|by|of|to|into|about|over|under|during|through|ahead|against|among|between|without|within)\s/i;
// Auxiliaries and modals: a candidate holding one is a clause, not a noun phrase.
const AUXILIARIES = 'is|are|was|were|be|been|am|will|would|may|might|must|can|could|should|shall|has|have|had|do|does|did';
const CLAUSE_VERB = new RegExp(`^(?:${AUXILIARIES})$`, 'i');
const CLAUSE_VERB_INSIDE = new RegExp(`\\s(?:${AUXILIARIES})\\s`, 'i');
const SUBORDINATOR_FIRST = /^(?:after|before|when|while|as|since|because|although|though|if|once|until|unless|whereas)\s+/i;

/**
 * The noun phrase in a candidate that took in more: "After campaign aides said" loses its
 * subordinator, "Police had last month said" its verb and what follows.
 */
function trimCandidate(phrase: SpeakerPhrase): SpeakerPhrase {
  let p = phrase;
  const m = SUBORDINATOR_FIRST.exec(p.text);
  if (m && m[0].length < p.text.length) p = { ...p, start: p.start + m[0].length, text: p.text.slice(m[0].length) };
  // "what the government", "which MPs", "where his party": a wh-word opening the candidate belongs
  // to the clause around it; the speaker is the noun phrase after it.
  const wh = /^(?:what|which|who|whom|where|when|how)\s+(?=\S)/i.exec(p.text);
  if (wh) p = { ...p, start: p.start + wh[0].length, text: p.text.slice(wh[0].length) };
  // "uncertainty after a review", "suggests the prime minister", "terror the government": words the
  // candidate took in before a determiner are no part of it, unless it opens with one or a name.
  // "unity after reports", "the election after a survey": what speaks follows "after".
  const after = [...p.text.matchAll(/\s(?:after|following|amid|where)\s+(?=\S)/gi)].pop();
  if (after) p = { ...p, start: p.start + after.index! + after[0].length, text: p.text.slice(after.index! + after[0].length) };
  if (!/^(?:the|a|an|his|her|their|its|our|this|that|these|those|some|many|several|one|\p{Lu})/u.test(p.text)) {
    const det = [...p.text.matchAll(/\s(?:the|a|an|his|her|their|its|our|some)\s+(?=\S)/gi)].pop();
    if (det) p = { ...p, start: p.start + det.index! + 1, text: p.text.slice(det.index! + 1) };
  }
  const verb = CLAUSE_VERB_INSIDE.exec(p.text);
  if (!verb || verb.index === 0) return p;
  // "Tunnels are so numerous that Border Patrol agents said": the subject follows the last clause word.
  const boundary = [...p.text.matchAll(/(?:,\s+|\s(?:why|that|which|who|when|where|because|although|though|but|and|as|while|than|if)\s+)/gi)].pop();
  if (boundary && boundary.index! > verb.index) {
    const from = boundary.index! + boundary[0].length;
    const rest = p.text.slice(from);
    if (rest && !CLAUSE_VERB_INSIDE.test(` ${rest} `)) return { ...p, start: p.start + from, text: rest };
  }
  // "Police had last month said": the noun phrase before the verb.
  return { ...p, end: p.start + verb.index, text: p.text.slice(0, verb.index) };
}

const FIRST_PERSON = /^(?:i|we)$/i;
// A sign-off on its own line: "John Smith, London", "Mary, Leeds, UK".
const SIGN_OFF = /^[ \t]*(\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,3}),[ \t]+\p{Lu}[\p{L} ,'’.-]{1,40}$/mu;

/** The name a writer signs the paragraph at `pos` with, on the line after it, or null. */
function signature(pos: number, ctx: ResolveContext): SpeakerRef | null {
  const lineEnd = ctx.text.indexOf('\n', pos);
  if (lineEnd < 0) return null;
  const next = /^\s*([^\n]*)/.exec(ctx.text.slice(lineEnd, lineEnd + 200))!;
  const m = SIGN_OFF.exec(next[1]!);
  if (!m) return null;
  const at = lineEnd + next[0].length - next[1]!.length + m.index + m[0].indexOf(m[1]!);
  const named = ctx.mentions.find((x) => x.start === at && x.entity.type === 'person');
  return named ? ref(named.entity) : { name: m[1]!, entityId: null };
}

/** The drafts in text order as attributions, each speaker resolved with the speakers before it in view. */
export function resolveDrafts(stage: AttributionContext): Array<Omit<Attribution, 'kind'>> {
  const { text, mentions, sents, quotes, index, drafts } = stage;
  drafts.sort((a, b) => a.pieces[0]!.start - b.pieces[0]!.start);
  const ctx: ResolveContext = {
    text,
    mentions,
    sentenceStarts: sents.map((s) => s.start),
    quoted: (pos) => quotes.some((q) => pos > q.open && pos < q.close),
    index,
    content: [],
  };
  const prior: PriorSpeaker[] = [];
  return drafts.map((d, i) => {
    let speaker: SpeakerRef | null = null;
    if (d.speaker && FIRST_PERSON.test(d.speaker.text.trim()) && !ctx.quoted(d.speaker.start)) {
      // "I think …" outside quotation marks is the writer's: a reader's comment, a letter, a column.
      // The speaker is the name it is signed with, or no one; never the last person the article named.
      speaker = signature(d.speaker.start, ctx);
    } else if (d.speaker) {
      d.speaker = trimCandidate(d.speaker);
      ctx.content = d.pieces;
      const r = resolveSpeaker(d.speaker, ctx, prior);
      if (canSpeak(d.speaker, r.entity, ctx)) {
        speaker = r.ref;
        prior.push({ ref: r.ref, entity: r.entity, at: d.pieces[0]!.start });
      }
    }
    const first = d.pieces[0]!;
    const last = d.pieces[d.pieces.length - 1]!;
    return {
      id: `a${i + 1}`,
      speaker,
      speakerText: d.speaker?.text ?? null,
      role: d.speaker?.role ?? null,
      channel: d.channel,
      cue: d.cue,
      content: d.pieces.map((p) => p.text).join(' … '),
      start: first.start,
      end: last.end,
      contentSpans: d.pieces,
      direct: d.direct,
    };
  });
}
