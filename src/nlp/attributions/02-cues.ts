// Pass 2 of the attribution stage: cue words in a sentence, and the words between a cue and its
// content (a listener, a channel, a time, "that"). The verbs themselves are data in ../cues.ts.
import type { Span } from '../../types.js';
import { ADJECTIVE_CUES, cueBase, NOUN_LIKE_FORMS, NOUNS_AFTER_AND, ONLY_WITH_PREPOSITION, prepositionOfCue, REDUCED_RELATIVE, TAKES_LISTENER } from '../cues.js';
import type { Sentence } from '../segment.js';
import type { TermIndex } from '../terms.js';
import type { Quote } from './01-quotes.js';
import type { MentionRef } from './03-speakers.js';

// Verbs that report speech only with "that", a colon or a quote after them ("responded that …").
export const NEEDS_THAT = new Set(['answer', 'respond', 'reply', 'state', 'feel', 'hold', 'list', 'repeat', 'echo', 'list', 'calculate', 'project', 'signal']);

export const CLAUSE_CUES = new Set(['say', 'write', 'tell', 'think', 'believe', 'feel', 'find', 'show', 'add', 'note', 'explain', 'argue', 'insist', 'suggest', 'post', 'tweet', 'state', 'report']);

// Words that describe the speaker before the name in a quote's tag: "…,” Republican National
// Committee chairman Reince Priebus said. No verb, clause word or punctuation among them.
export const DESCRIPTOR_BEFORE_NAME = /^(?:(?!(?:and|but|that|who|which|when|as|if|then|while)\s)[\p{L}.'’()-]+\s+){1,7}$/iu;

export interface Word {
  w: string;
  start: number;
  end: number;
}


const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’&.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;
// Auxiliaries and adverbs that may stand between a speaker and the cue ("has now expressed").
const AUX_END = /(?:^|\s)(?:has|have|had|will|would|could|may|might|also|previously|now|repeatedly|reportedly|publicly|later|further|recently|once|already|again|then|is|are|was|were|be|been|just|even|first|long|often|since|began to|begun to|started to|continued to|went on to|proceeded to|soon|quickly|angrily|flatly|privately|separately)\s+$/i;
const NEGATION = /\b(not|never|no longer|neither|nor|declined to|refused to|did ?n[o’']t|does ?n[o’']t|do ?n[o’']t|would ?n[o’']t|could ?n[o’']t|has ?n[o’']t|have ?n[o’']t|had ?n[o’']t|won[’']t|is ?n[o’']t|was ?n[o’']t|without)\s+(\w+\s+)?$/i;
export const CHANNEL = /^(?:\s*(?:in|on|via|during|at|through|over|to)\s+(?:a|an|the|his|her|its|their|our|this|that|an?\s+\w+)?\s*(?:[\p{L}-]+\s+){0,3}(?:blog post|post|statement|interview|email|e-mail|emails|tweet|tweets|letter|release|press release|call|conference|speech|note|filing|report|video|podcast|memo|op-ed|column|essay|message|briefing|hearing|testimony|appearance|remarks|session|event|rally|Twitter|X|Facebook|LinkedIn|Instagram|Threads|television|TV|radio|court|documents|book|paper|study|survey|newsletter|website|announcement))\b/iu;
const TIME = /^(?:\s*,?\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?|\s*,?\s*(?:on|last|this|earlier|later|in)\s+(?:\w+day|week|month|year|morning|afternoon|evening|night|january|february|march|april|may|june|july|august|september|october|november|december|\d+)(?:\s+(?!(?:the|a|an|his|her|its|their|he|she|they|it|we|i|you)\b)\w+)?|\s*,?\s*(?:yesterday|today|recently|previously|earlier|also|too|again|repeatedly|in a statement|in an interview))\b/i;

export function wordsIn(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  const slice = text.slice(from, to);
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(slice))) out.push({ w: m[0], start: from + m.index, end: from + m.index + m[0].length });
  return out;
}

export function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /[\s,;:—–-]/.test(text[start]!)) start++;
  while (end > start && /[\s,;:—–.-]/.test(text[end - 1]!)) end--;
  if (end <= start) return null;
  return { start, end, text: text.slice(start, end) };
}

/**
 * "have said all along that they want £6m", "said on Monday that …": an adverbial between the cue and
 * "that" is not part of what was said. It starts with an adverb, a preposition or a date.
 */
export function skipAdverbialBeforeThat(span: Span, text: string, index: TermIndex): Span {
  // Several may stand in a row ("said earlier on Friday during a news conference that …", "said in
  // an interview with The Associated Press last week that …"); none of them has a verb.
  const m = /^((?:[\p{L}\p{N}'’.-]+,?\s+){1,12}?)that\s+/u.exec(span.text);
  if (!m) return span;
  const terms = index.within(span.start, span.start + m[1]!.length);
  const first = terms[0];
  if (!first || !['Adverb', 'Preposition', 'Date'].some((t) => first.tags.has(t)) && !/^all$/i.test(first.text)) return span;
  // (A subject or an auxiliary among them starts a clause: "said on Friday he thinks that …".)
  // A relative pronoun or another cue is another clause: "spoke after Marc Morial, who said that …".
  if (/\b(?:he|she|they|it|we|I|you|is|are|was|were|has|have|had|will|would|can|could|may|might|should|must|does|did|who|which|whom|whose|said|says|told)\b/.test(m[1]!)) return span;
  return trimSpan(text, span.start + m[0].length, span.end) ?? span;
}

/** The end of reported content: the sentence end, cut before ", but it …", ", according to" and a participle clause (", telling …"), which reports on its own. */
export function contentEnd(text: string, from: number, sentEnd: number): number {
  const slice = text.slice(from, sentEnd);
  const cut = /,\s+(?:but|and|while|though|although)\s+(?:it|this|that|he|she|they|I|we|this writer)\b|,\s+but\s+(?!the\s)|,\s+according to\b|\s+[—–]\s+|,?\s+(?:even though|although|whereas)\b|,\s+(?:while|though|with)\s|,\s+(?:saying|adding|telling|noting|arguing|insisting|claiming|explaining|warning|stressing|writing|calling)\b/.exec(slice);
  let end = cut ? from + cut.index : sentEnd;
  // "…, and three-quarters said the same of Sanders": a second clause with a subject and a speech
  // verb of its own reports a second statement.
  const second = /,?\s+(?:and|but|while|whereas)\s+(?:[\p{L}\d'’.-]+\s+){1,6}?(?:said|says|say|told|added|argued|insisted)\b/u.exec(text.slice(from, end));
  if (second && second.index > 0) end = from + second.index;
  // Any participle clause set off by a comma says more about the subject, not what was said: "…
  // his strong finish in Iowa, asserting that …", "endorsed Trump, providing a boost to …".
  const ing = /,\s+(\p{Ll}+ing)\b/gu;
  for (let m: RegExpExecArray | null; (m = ing.exec(text.slice(from, end))); ) {
    if (m.index > 0 && !NOT_PARTICIPLES.has(m[1]!)) {
      end = from + m.index;
      break;
    }
  }
  return coordinatedCue(text, from, end) ?? end;
}
/**
 * Where a noun-phrase object ends ("endorsed Hillary Clinton for president on Thursday, another
 * example of …", "supported Democrats during his time on MSNBC"): the object is what was endorsed or
 * supported; a time, an occasion or a second clause after it is the writer's. Null when
 * nothing ends it before the content's end.
 */
export function objectCut(content: string): number | null {
  const m = OBJECT_END.exec(content);
  return m && m.index > 0 ? m.index : null;
}
const OBJECT_END = new RegExp(
  [
    '\\s+(?:while|when|after|before|since|until|amid|despite|although|though|even as|during)\\s',
    ',\\s+(?:he|she|they|it|we|I)\\s',
    '\\s+(?:on|at|in|over|via)\\s+(?:(?:the|a|an|his|her|its|their|last|this|that|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\s+)?(?:[\\p{L}-]+\\s+)?(?:\\p{L}+day|weekend|week|month|year|morning|afternoon|evening|night|statement|interview|tweets?|ruling|speech|rally|event|debate|e-?mail|letter|post|video|conference|hearing|Twitter|Facebook|television|TV|radio|January|February|March|April|May|June|July|August|September|October|November|December|\\d{4})\\b',
    '\\s+(?:last|this|earlier|later|next)\\s+(?:week|month|year|\\p{L}+day)\\b',
    '\\s+(?:yesterday|today|tonight)\\b',
    '\\s+and\\s+(?:then\\s+|also\\s+)?(?:has|have|had|was|were|is|are|will|would|kept|went|\\p{Ll}+ed)\\b',
  ].join('|'),
  'u',
);

/** Words in -ing after a comma that open no participle clause: prepositions and nouns. */
const NOT_PARTICIPLES = new Set(['including', 'according', 'excluding', 'regarding', 'concerning', 'notwithstanding', 'thing', 'nothing', 'something', 'anything', 'everything', 'king', 'ring', 'spring', 'string', 'wing', 'evening', 'morning', 'building', 'meeting', 'funding', 'spending', 'ruling', 'hearing', 'polling', 'housing', 'training', 'bring', 'sing', 'being']);

/**
 * Where "and/but" joins a second speech verb to the first one's subject ("Clinton says she respects
 * Sanders but argues that he cannot deliver"): what was said first ends there, and the second verb
 * is a cue of its own. The verb is finite (-s, -ed or an irregular past), so "and reports of fraud"
 * does not cut.
 */
function coordinatedCue(text: string, from: number, to: number): number | null {
  const re = /,?\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?((?:did|does|would|has|had)\s*(?:not|n[’']t)\s+)?(\p{Ll}+)\b/gu;
  const slice = text.slice(from, to);
  for (let m: RegExpExecArray | null; (m = re.exec(slice)); ) {
    const w = m[2]!;
    const base = cueBase(w);
    // ("but did not suggest it would be Trump": a denied second verb ends the first statement too.)
    const finite = m[1] ? true : w !== base && /(?:s|ed)$|^(?:said|told|wrote|thought|felt|held|found|saw|knew|spoke)$/.test(w) && !NOUNS_AFTER_AND.has(w);
    if (base && finite) return from + m.index;
  }
  return null;
}

/** Words that tie a participle cue to the sentence's subject: "by saying", "while insisting". */
export const PARTICIPLE_AFTER = /\s(?:by|while|after)\s+$/i;

export interface CueHit {
  word: Word;
  base: string;
  /** The cue as written, with auxiliaries ("has now expressed"). */
  cue: string;
  cueStart: number;
}

export function cuesIn(text: string, s: Sentence, quotes: Quote[] = [], tagged?: TermIndex): CueHit[] {
  const out: CueHit[] = [];
  const ws = wordsIn(text, s.start, s.end);
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    const base = cueBase(w.w);
    if (!base) continue;
    if (quotes.some((q) => w.start > q.open && w.start < q.close)) continue;
    // "Washington Post", "Tell" in a title; a title-case headline still says: "Sanders Says He Will Run".
    if (i > 0 && /^\p{Lu}/u.test(w.w) && !(s.heading && base === 'say' && /^\p{Lu}\p{Ll}+$/u.test(w.w))) continue;
    const before = text.slice(s.start, w.start);
    if (NEGATION.test(before)) continue;
    const prev = ws[i - 1]?.w.toLowerCase();
    // "Editor’s note", "the Justice Department's urging": a possessive makes the cue a noun.
    if (prev && /['’]s$/.test(prev) && !/(ed|ing)$/.test(w.w) && !/^(it|he|she|that|what|there|who)['’]s$/.test(prev)) continue;
    // "tech companies called the AI Alliance": a name after "called" names something.
    if (base === 'call' && /^\s+(the\s+)?\p{Lu}/u.test(text.slice(w.end, w.end + 12)) && prev && /^\p{Ll}/u.test(ws[i - 1]!.w) && !/^(he|she|they|it|we|i|who|which|and|also|then|has|have|had)$/.test(prev)) continue;
    // "focused on", "railed against": these verbs attribute only with their preposition.
    if (ONLY_WITH_PREPOSITION.has(base) && !prepositionOfCue(base, text.slice(w.end, w.end + 40))) continue;
    // "5 percentage points", "85 percent support among black voters": after a figure, and before a
    // preposition, the word is a noun.
    if (prev === 'percentage' || (prev && /^(?:percent|%)$/.test(prev) && /^\s+(?:among|of|from|in|for)\s/i.test(text.slice(w.end, w.end + 8)))) continue;
    // "talk had been mounting", "plans are": a noun form with a verb right after it is a subject.
    if ((NOUN_LIKE_FORMS.has(w.w.toLowerCase()) || /^(?:talk|talks|plan|plans|support|hope|hopes|views?)$/i.test(w.w)) && /^\s+(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might)\b/i.test(text.slice(w.end, w.end + 8))) continue;
    if (/^(show|shows|showed|shown)$/i.test(w.w) && /^\s+up\b/i.test(text.slice(w.end, w.end + 4))) continue;
    if (prev === 'to' && !/\b(began|begun|started|continued|went on|proceeded|want|wants|wanted|seemed)\s+to\s*$/i.test(before)) continue;
    // A passive ("were welcomed by", "was told") has no speaker before it.
    // ("has been accused" too: only an -ing form after "has been" is active, and it never gets here.)
    // ("are worried that": an adjective of belief after "be" is the cue itself.)
    if (/(ed|said|told|written|shown|found|thought|held|spoken)$/i.test(w.w) && !ADJECTIVE_CUES.has(w.w.toLowerCase()) && /\b(is|are|was|were|be|been|being|get|got|gets)\s+(\w+ly\s+)?$/i.test(before)) continue;
    // An adjective of belief attributes only after "be" and before "that": "are afraid that …".
    if (ADJECTIVE_CUES.has(base) && base === w.w.toLowerCase() && (!/\b(?:is|are|was|were|be|been|am|remains?|remained)\s+(?:\w+ly\s+|not\s+|also\s+)?$/i.test(before) || !/^\s+that\s/i.test(text.slice(w.end, w.end + 6)))) continue;
    // A gerund is a cue after an auxiliary ("is warning"), in a participle clause (", saying …")
    // or after "with" and its subject ("with analysts saying …").
    // Or after "by", "while" or "after" ("distanced himself by saying he …"), which tie it to the subject.
    const participle = /,\s*$/.test(before) || /\bwith\s+(?:[\p{L}.'’-]+\s+){1,4}$/iu.test(before) || PARTICIPLE_AFTER.test(before);
    // Or right after a common noun, a clause cut short: "a group backing Mike Huckabee", "911 calls
    // saying shots had been fired". (After a name it is the sentence subject's participle: "Howard has
    // written to Tony Blair demanding an explanation" is Howard's demand.)
    const reduced = /ing$/.test(w.w) && REDUCED_RELATIVE.has(base) && /^\s$/.test(text.slice(ws[i - 1]?.end ?? w.start, w.start)) && /^\p{Ll}/u.test(ws[i - 1]?.w ?? '') && !!tagged?.within(ws[i - 1]?.start ?? w.start, w.start).some((t) => t.tags.has('Noun') && !t.tags.has('Pronoun') && !t.tags.has('Date') && !t.tags.has('Gerund') && !t.tags.has('Adjective'));
    if (/ing$/.test(w.w) && !participle && !reduced && !/(?:\b(is|are|was|were|be|been|am)|\p{L}['’]s|\p{L}['’]re)\s*$/iu.test(before)) continue;
    // Gather auxiliaries into the cue text ("has now expressed").
    let cueStart = w.start;
    for (let m = AUX_END.exec(text.slice(s.start, cueStart)); m; m = AUX_END.exec(text.slice(s.start, cueStart))) {
      cueStart = s.start + m.index + (m[0].length - m[0].trimStart().length);
    }
    // "wireless access points", "the reports": where the tagger reads a plural noun, the word is no cue.
    if (/s$/i.test(w.w) && tagged?.within(w.start, w.end).some((t) => t.tags.has('Plural') && !t.tags.has('Verb'))) continue;
    // "the access point", "a £28.7m flood defence plan": a base form the tagger reads as a noun, after a
    // determiner and at most three words of its noun phrase.
    if (!/(ed|ing|s)$/i.test(w.w) && /\b(?:the|a|an|this|that|its|his|her|their|our)\s+(?:[\p{L}\p{N}£$€.,'’-]+\s+){0,3}$/iu.test(before) && tagged?.within(w.start, w.end).some((t) => t.tags.has('Noun') && !t.tags.has('Verb'))) continue;
    const cue = text.slice(cueStart, w.end);
    out.push({ word: w, base, cue, cueStart });
  }
  return out;
}

/** A listener ("told TechCrunch via email", "told reporters") or a channel after the cue. */
export function skipObject(text: string, from: number, to: number, base: string, mentions: MentionRef[]): { at: number; channel: string | null } {
  let at = from;
  let channel: string | null = null;
  const rest = () => text.slice(at, to);
  if (TAKES_LISTENER.has(base)) {
    const m = mentions.find((x) => x.start >= at && /^\s*(?:the\s+)?$/i.test(text.slice(at, x.start)));
    if (m && m.end <= to) {
      channel = m.entity.name;
      at = m.end;
    } else {
      const obj = /^\s*((?:the|a|an|his|her|their|its|our)\s+)?(?:[\p{L}-]+\s+){0,2}?(reporters|journalists|lawmakers|investors|analysts|supporters|voters|the audience|audiences|viewers|listeners|members|staff|employees|colleagues|officials|him|her|them|us|me|you|people|everyone|crowds?|the crowd|\p{Lu}[\p{L}]+)\b/u.exec(rest());
      if (obj) at += obj[0].length;
    }
    const via = /^\s*(via|by|in|over|on)\s+(e-?mail|phone|telephone|text|text message|video|a statement|an interview|Twitter|X)\b/i.exec(rest());
    if (via) at += via[0].length;
  }
  // "told The Post and Courier newspaper of Charleston on Saturday that …", "wrote to the council
  // that …": the rest of the listener, the addressee or a time, up to "that", is no part of what was said.
  if (TAKES_LISTENER.has(base) || base === 'write') {
    const tail = /^\s*(?:to\s+)?(?:[\p{L}\p{N}'’.&-]+\s+){0,7}?that\s/iu.exec(rest());
    if (tail && (at > from || /^\s*to\s/i.test(tail[0])) && !/\b(?:is|are|was|were|has|have|had|will|would|said|says)\b/i.test(tail[0])) at += tail[0].length - 'that '.length;
  }
  const ch = CHANNEL.exec(rest());
  if (ch) {
    channel = channel ?? ch[0].trim().replace(/^(in|on|via|during|at|through|over|to)\s+(a|an|the)?\s*/i, '');
    at += ch[0].length;
  }
  const time = TIME.exec(rest());
  if (time) at += time[0].length;
  // "said — on Twitter, as it happens — that …": an aside between dashes.
  const aside = /^\s*([—–]|--)\s[^—–]{1,80}?\s([—–]|--)\s*/.exec(rest());
  if (aside) {
    channel = channel ?? CHANNEL.exec(` ${aside[0].replace(/^\s*([—–]|--)\s/, '')}`)?.[0].trim().replace(/^(in|on|via|during|at|through|over|to)\s+(a|an|the)?\s*/i, '') ?? null;
    at += aside[0].length;
  }
  // "of" after accuse, "as" after describe, "about/over" after express concerns.
  const prep = /^\s*(?:that\b|:|,(?=\s*[“"‘])|concerns?\s+(?:about|over|that)|worries\s+(?:about|over|that))/i.exec(rest());
  if (prep) at += prep[0].length;
  return { at, channel };
}

/** The start of the clause that holds `pos`: after the last ";", ":" or ", and"/", but" before it. */
export function lastBoundary(text: string, from: number, pos: number): number {
  const slice = text.slice(from, pos);
  let best = 0;
  const re = /[;:]\s+|,\s+(?:and|but|while|as|because|although|though|so|whereas)\s+|\s+[—–]\s+|\b(?:but|and)\s+(?=(?:he|she|they|it|we|I)\s)/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice))) best = m.index + m[0].length;
  return from + best;
}
