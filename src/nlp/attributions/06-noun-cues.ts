// Pass 6 of the attribution stage: a noun that attributes when it is someone's ("Trump's decision to
// skip the debate", "her claim that the vote was rigged", "their attacks on the plan"). The owner is
// the speaker; the phrase after the noun's word is the content. The nouns are data (NOUN_CUES).
import type { Span } from '../../types.js';
import { NOUN_CUES } from '../cues.js';
import { contentEnd, objectCut, trimSpan } from './02-cues.js';
import type { MentionRef, SpeakerPhrase } from './03-speakers.js';
import type { AttributionContext } from './context.js';

const NOUN_WORDS = Object.keys(NOUN_CUES).join('|');
/** An owner ("Trump's", "the party's", "his"), up to two modifiers, a noun cue and the word after it. */
const OWNED_NOUN = new RegExp(
  `(?:\\b([Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|([\\p{L}.-]+)['’]s?)\\s+((?:[\\p{Ll}-]+\\s+){0,2}?)(${NOUN_WORDS})\\s+(\\p{Ll}+)\\s+`,
  'gu',
);

export function nounCues(ctx: AttributionContext): void {
  const { text, body, mentions, drafts, covered } = ctx;
  for (const s of body) {
    if (s.heading) continue;
    const slice = text.slice(s.start, s.end);
    for (const m of slice.matchAll(OWNED_NOUN)) {
      const noun = m[4]!.toLowerCase();
      const next = m[5]!.toLowerCase();
      if (!NOUN_CUES[noun]!.after.includes(next)) continue;
      const at = s.start + m.index!;
      const ownerEnd = at + (m[1] ?? m[2]!).length;
      const owner = ownerPhrase(text, s.start, at, ownerEnd, m[1] ?? null, mentions);
      if (!owner) continue;
      // The content keeps an infinitive's "to", as verbs' content does ("plans to"); a "that" or a
      // preposition belongs to the cue.
      const from = s.start + m.index! + m[0].length - (next === 'to' ? 'to '.length : 0);
      const content = nounContent(ctx, from, s.end, next);
      if (!content || covered(content.start, content.end)) continue;
      drafts.push({ speaker: owner, cue: next === 'to' ? m[4]! : `${m[4]} ${m[5]}`, channel: null, pieces: [content], direct: false, covers: [owner.start, content.end] });
    }
  }
}

/** The owner before "'s" as a speaker phrase: a named person or body, or a pronoun. */
function ownerPhrase(text: string, sentStart: number, at: number, ownerEnd: number, pronoun: string | null, mentions: MentionRef[]): SpeakerPhrase | null {
  if (pronoun) return { start: at, end: ownerEnd, text: pronoun, role: null };
  // The name is the mention that ends at the possessive ("Hillary Clinton's", "the Obama administration's").
  const named = mentions.find((x) => x.end === ownerEnd && x.start >= sentStart && (x.entity.type === 'person' || x.entity.type === 'organization'));
  if (!named) return null;
  return { start: named.start, end: named.end, text: text.slice(named.start, named.end), role: null };
}

const WHEN = /^(?:(?:last|this|next|early|late)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|\d{4}|today|yesterday|tonight|week|weekend|month|year)\b/i;

/** The phrase after a noun cue: a clause or infinitive runs on; a noun phrase stops at its verb. */
function nounContent(ctx: AttributionContext, from: number, sentEnd: number, next: string): Span | null {
  const { text, index } = ctx;
  let end = contentEnd(text, from, sentEnd);
  const comma = text.slice(from, end).search(/,\s|;\s|\s[—–]\s/);
  if (comma > 0) end = from + comma;
  if (next !== 'to' && next !== 'that') {
    // "Trump's attacks on Khan have drawn criticism": the object ends before the sentence's verb.
    const verb = index.within(from, end).find((t) => t.tags.has('Verb') && !t.tags.has('Gerund') && !t.tags.has('Participle') && !t.tags.has('Noun'));
    if (verb) end = verb.start;
    const cut = objectCut(text.slice(from, end));
    if (cut !== null) end = from + cut;
  }
  const span = trimSpan(text, from, end);
  // "her remarks on Saturday": a time is when, not what.
  if (!span || WHEN.test(span.text)) return null;
  return span;
}
