// Who said what: direct quotes (with their speech tags) and reported speech ("X said that …",
// "…, X said", "according to X, …"), each with its speaker resolved to an entity.
import type { Attribution, Entity, Span, SpeakerRef } from '../types.js';
import { cueBase, NOUN_LIKE_FORMS, TAKES_INFINITIVE, TAKES_LISTENER, WEAK_CUES } from './cues.js';
import { attributionKind } from './kinds.js';
import { findQuotes, type Quote } from './quotes.js';
import type { Paragraph, Sentence } from './segment.js';
import type { TermIndex } from './terms.js';
import { resolveSpeaker, type PriorSpeaker, type ResolveContext } from './resolve.js';
import { nounPhraseAtStart, speakerAfter, speakerBefore, TITLE_PREFIX, type MentionRef, type SpeakerPhrase } from './speakers.js';


// Verbs that report speech only with "that", a colon or a quote after them ("responded that …").
const NEEDS_THAT = new Set(['answer', 'respond', 'reply', 'state', 'feel', 'hold', 'list', 'repeat', 'echo', 'list', 'calculate', 'project', 'signal']);

const CLAUSE_CUES = new Set(['say', 'write', 'tell', 'think', 'believe', 'feel', 'find', 'show', 'add', 'note', 'explain', 'argue', 'insist', 'suggest', 'post', 'tweet', 'state', 'report']);

// Words that describe the speaker before the name in a quote's tag: "…,” Republican National
// Committee chairman Reince Priebus said. No verb, clause word or punctuation among them.
const DESCRIPTOR_BEFORE_NAME = /^(?:(?!(?:and|but|that|who|which|when|as|if|then|while)\s)[\p{L}.'’()-]+\s+){1,7}$/iu;

interface Word {
  w: string;
  start: number;
  end: number;
}

interface Draft {
  speaker: SpeakerPhrase | null;
  cue: string;
  channel: string | null;
  pieces: Span[];
  direct: boolean;
  /** Text this attribution accounts for (content and tag), so nothing inside is read twice. */
  covers: [number, number];
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’&.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;
// Auxiliaries and adverbs that may stand between a speaker and the cue ("has now expressed").
const AUX_END = /(?:^|\s)(?:has|have|had|will|would|could|may|might|also|previously|now|repeatedly|reportedly|publicly|later|further|recently|once|already|again|then|is|are|was|were|be|been|just|even|first|long|often|since|began to|begun to|started to|continued to|went on to|proceeded to|soon|quickly|angrily|flatly|privately|separately)\s+$/i;
const NEGATION = /\b(not|never|no longer|neither|nor|declined to|refused to|did ?n[o’']t|does ?n[o’']t|do ?n[o’']t|would ?n[o’']t|could ?n[o’']t|has ?n[o’']t|have ?n[o’']t|had ?n[o’']t|won[’']t|is ?n[o’']t|was ?n[o’']t|without)\s+(\w+\s+)?$/i;
const CHANNEL = /^(?:\s*(?:in|on|via|during|at|through|over|to)\s+(?:a|an|the|his|her|its|their|our|this|that|an?\s+\w+)?\s*(?:[\p{L}-]+\s+){0,3}?(?:blog post|post|statement|interview|email|e-mail|emails|tweet|tweets|letter|release|press release|call|conference|speech|note|filing|report|video|podcast|memo|op-ed|column|essay|message|briefing|hearing|testimony|appearance|remarks|session|event|rally|Twitter|X|Facebook|LinkedIn|Instagram|Threads|television|TV|radio|court|documents|book|paper|study|survey|newsletter|website|announcement))\b/iu;
const TIME = /^(?:\s*,?\s*(?:on|last|this|earlier|later|in)\s+(?:\w+day|week|month|year|morning|afternoon|evening|night|january|february|march|april|may|june|july|august|september|october|november|december|\d+)(?:\s+\w+)?|\s*,?\s*(?:yesterday|today|recently|previously|earlier|also|too|again|repeatedly|in a statement|in an interview))\b/i;

function wordsIn(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  const slice = text.slice(from, to);
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(slice))) out.push({ w: m[0], start: from + m.index, end: from + m.index + m[0].length });
  return out;
}

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /[\s,;:—–-]/.test(text[start]!)) start++;
  while (end > start && /[\s,;:—–.-]/.test(text[end - 1]!)) end--;
  if (end <= start) return null;
  return { start, end, text: text.slice(start, end) };
}

/**
 * "have said all along that they want £6m", "said on Monday that …": an adverbial between the cue and
 * "that" is not part of what was said. It starts with an adverb, a preposition or a date.
 */
function skipAdverbialBeforeThat(span: Span, text: string, index: TermIndex): Span {
  const m = /^((?:[\p{L}\p{N}'’-]+,?\s+){1,5}?)that\s+/u.exec(span.text);
  if (!m) return span;
  const first = index.within(span.start, span.start + m[1]!.length)[0];
  if (!first || !['Adverb', 'Preposition', 'Date'].some((t) => first.tags.has(t)) && !/^all$/i.test(first.text)) return span;
  return trimSpan(text, span.start + m[0].length, span.end) ?? span;
}

/** The end of reported content: the sentence end, cut before ", but it …", ", according to" and a participle clause (", telling …"), which reports on its own. */
function contentEnd(text: string, from: number, sentEnd: number): number {
  const slice = text.slice(from, sentEnd);
  const cut = /,\s+(?:but|and|while|though|although)\s+(?:it|this|that|he|she|they|I|we|this writer)\b|,\s+but\s+(?!the\s)|,\s+according to\b|\s+[—–]\s+|,?\s+(?:and|but)\s+(?:also\s+)?(?:said|says|added|adds|told|tells|argued|noted|warned|insisted|stressed)\b|,?\s+(?:even though|although|whereas)\b|,\s+(?:while|though|with)\s|,\s+(?:saying|adding|telling|noting|arguing|insisting|claiming|explaining|warning|stressing|writing|calling)\b/.exec(slice);
  return cut ? from + cut.index : sentEnd;
}

interface CueHit {
  word: Word;
  base: string;
  /** The cue as written, with auxiliaries ("has now expressed"). */
  cue: string;
  cueStart: number;
}

function cuesIn(text: string, s: Sentence, quotes: Quote[] = [], tagged?: TermIndex): CueHit[] {
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
    if (/^(show|shows|showed|shown)$/i.test(w.w) && /^\s+up\b/i.test(text.slice(w.end, w.end + 4))) continue;
    if (prev === 'to' && !/\b(began|begun|started|continued|went on|proceeded|want|wants|wanted|seemed)\s+to\s*$/i.test(before)) continue;
    // A passive ("were welcomed by", "was told") has no speaker before it.
    if (/(ed|said|told|written|shown|found|thought|held|spoken)$/i.test(w.w) && /\b(is|are|was|were|be|been|being|get|got|gets)\s+(\w+ly\s+)?$/i.test(before) && !/\b(has|have|had)\s+been\s+$/i.test(before)) continue;
    // A gerund is a cue after an auxiliary ("is warning"), in a participle clause (", saying …")
    // or after "with" and its subject ("with analysts saying …").
    const participle = /,\s*$/.test(before) || /\bwith\s+(?:[\p{L}.'’-]+\s+){1,4}$/iu.test(before);
    if (/ing$/.test(w.w) && !participle && !/(?:\b(is|are|was|were|be|been|am)|\p{L}['’]s|\p{L}['’]re)\s*$/iu.test(before)) continue;
    // Gather auxiliaries into the cue text ("has now expressed").
    let cueStart = w.start;
    for (let m = AUX_END.exec(text.slice(s.start, cueStart)); m; m = AUX_END.exec(text.slice(s.start, cueStart))) {
      cueStart = s.start + m.index + (m[0].length - m[0].trimStart().length);
    }
    // "wireless access points", "the reports": where the tagger reads a plural noun, the word is no cue.
    if (/s$/i.test(w.w) && tagged?.within(w.start, w.end).some((t) => t.tags.has('Plural') && !t.tags.has('Verb'))) continue;
    const cue = text.slice(cueStart, w.end);
    out.push({ word: w, base, cue, cueStart });
  }
  return out;
}

/** A listener ("told TechCrunch via email", "told reporters") or a channel after the cue. */
function skipObject(text: string, from: number, to: number, base: string, mentions: MentionRef[]): { at: number; channel: string | null } {
  let at = from;
  let channel: string | null = null;
  const rest = () => text.slice(at, to);
  if (TAKES_LISTENER.has(base)) {
    const m = mentions.find((x) => x.start >= at && /^\s*(?:the\s+)?$/i.test(text.slice(at, x.start)));
    if (m && m.end <= to) {
      channel = m.entity.name;
      at = m.end;
    } else {
      const obj = /^\s*((?:the|a|an|his|her|their|its|our)\s+)?(?:[\p{L}-]+\s+){0,2}?(reporters|journalists|lawmakers|investors|analysts|supporters|voters|the audience|audiences|viewers|listeners|members|staff|employees|colleagues|officials|him|her|them|us|me|you|people|everyone|crowds?|the crowd|\p{Lu}[\p{L}]+)\b/iu.exec(rest());
      if (obj) at += obj[0].length;
    }
    const via = /^\s*(via|by|in|over|on)\s+(e-?mail|phone|telephone|text|text message|video|a statement|an interview|Twitter|X)\b/i.exec(rest());
    if (via) at += via[0].length;
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

export function findAttributions(text: string, paras: Paragraph[], sents: Sentence[], skip: Set<number>, entities: Entity[], index: TermIndex): Attribution[] {
  const mentions: MentionRef[] = entities
    .flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, entity: e })))
    .sort((a, b) => a.start - b.start);
  const body = sents.filter((s) => !skip.has(s.paragraph));
  const sentenceAt = (pos: number) => body.find((s) => s.start <= pos && pos < s.end) ?? null;
  const drafts: Draft[] = [];
  const covered = (a: number, b: number) => drafts.some((d) => a < d.covers[1] && b > d.covers[0]);

  // Quotes that run over a paragraph break: an unclosed quote and a paragraph that reopens the mark.
  const quotes = findQuotes(text, paras, skip);
  const groups: Quote[][] = [];
  for (const q of quotes) {
    const prevGroup = groups[groups.length - 1];
    const last = prevGroup?.[prevGroup.length - 1];
    const para = paras[q.paragraph]!;
    const continues = last && !last.closed && ((last.paragraph === q.paragraph - 1 && q.open === para.start) || (last.paragraph === q.paragraph && /^\s*$/.test(text.slice(last.close, q.open))));
    if (continues) prevGroup!.push(q);
    else groups.push([q]);
  }

  // 1. Direct quotes with a speech tag after them ("…,” she said) or before them (She said: “…”).
  let lastDirect: { draft: Draft; tagEnd: number } | null = null;
  for (const group of groups) {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const pieces: Span[] = group.map((q) => ({ start: q.contentStart, end: q.contentEnd, text: text.slice(q.contentStart, q.contentEnd) }));
    const words = pieces.reduce((n, p) => n + p.text.split(/\s+/).length, 0);
    const sent = sentenceAt(first.open);
    const lastSent = sentenceAt(Math.max(last.close - 1, last.open));
    const tagFrom = last.close;
    let tagTo = lastSent ? lastSent.end : last.close;
    // “… missing.” Trump said. — the splitter ends a sentence at the quote's full stop; a short
    // sentence right after it that holds a cue is the quote's tag.
    if (tagTo <= last.close + 1) {
      const next = body.find((s) => s.start >= last.close && s.paragraph === last.paragraph);
      if (next && /^\s*$/.test(text.slice(last.close, next.start)) && !/^[“"‘«]/.test(next.text) && next.text.split(/\s+/).length <= 10) tagTo = next.end;
    }
    const nextQuote = quotes.find((q) => q.open >= tagFrom);
    if (nextQuote && nextQuote.open < tagTo) tagTo = nextQuote.open;
    const tag = text.slice(tagFrom, tagTo);

    let draft: Draft | null = null;
    // "…,” she said. / “…,” said Smith. / “…,” as Meta writes.
    // The quote must end its clause: a comma, "!" or "?" at its end, or a dash after it.
    const quoted = text.slice(last.open, last.close).replace(/[”"’»\s]+$/, '');
    const endsClause = /[,!?…]$/.test(quoted) || /^\s*[,—–]/.test(tag);
    if (!/^\s*[.!?;:]/.test(tag)) {
      for (const hit of cuesIn(text, { ...(lastSent ?? sent ?? first), start: tagFrom, end: tagTo, text: tag } as Sentence, quotes)) {
        const lead = /^[\s,—–]*(?:as\s+)?/i.exec(tag)![0].length;
        const pre = text.slice(tagFrom + lead, hit.cueStart);
        if (pre.split(/\s+/).length > 40) break;
        const speaker = pre.trim()
          ? speakerBefore(text, tagFrom + lead, hit.cueStart, mentions, index)
          : speakerAfter(text, hit.word.end, tagTo, mentions);
        // Without a comma closing the quote, only a tag that ends the sentence counts ("…” said Tom.").
        if (!endsClause && !/^[\s\p{L}\p{N},.'’-]*[.!?]?["”’]?$/u.test(text.slice(hit.word.end, tagTo))) break;
        // The tag is the speaker and cue right after the quote, nothing else in front but a title.
        if (!speaker || (pre.trim() && !TITLE_PREFIX.test(text.slice(tagFrom + lead, speaker.start)) && !DESCRIPTOR_BEFORE_NAME.test(text.slice(tagFrom + lead, speaker.start)))) break;
        const obj = skipObject(text, Math.max(hit.word.end, speaker.end), tagTo, hit.base, mentions);
        draft = { speaker, cue: hit.cue, channel: obj.channel, pieces, direct: true, covers: [first.open, tagTo] };
        break;
      }
    }
    // She said: “…” / According to X, “…”
    if (!draft && sent) {
      const lead = text.slice(sent.start, first.open);
      const acc = /according to\s+(.+?),?\s*$/i.exec(lead);
      if (acc) {
        const s0 = sent.start + lead.length - acc[0].length + acc[0].indexOf(acc[1]!);
        const sp = speakerAfter(text, s0, s0 + acc[1]!.length, mentions);
        if (sp) draft = { speaker: sp, cue: 'according to', channel: null, pieces, direct: true, covers: [sent.start, last.close] };
      } else if (/[:,]\s*$/.test(lead) || (/\b(?:that|as)\s*$/i.test(lead) && words >= 4) || (cueBase(/(\S+)\s*$/.exec(lead)?.[1] ?? '') && words >= 3 && /^[\s.,!?;"”’']*$/.test(text.slice(last.close, (lastSent ?? sent).end)))) {
        const hits = cuesIn(text, { ...sent, end: first.open, text: lead }, quotes);
        const hit = hits[hits.length - 1];
        if (hit && first.open - hit.word.end < 40) {
          // ", telling Stephanopoulos that “…”": a participle speaks for the sentence's subject, and
          // the name after "told" is the listener, never the speaker.
          const participle = /ing$/.test(hit.word.w) && /,\s*$/.test(text.slice(sent.start, hit.cueStart));
          const sp = participle
            ? (speakerAfter(text, sent.start, hit.cueStart, mentions) ?? nounPhraseAtStart(text, sent.start, hit.cueStart, index))
            : (speakerBefore(text, sent.start, hit.cueStart, mentions, index) ?? (TAKES_LISTENER.has(hit.base) ? null : speakerAfter(text, hit.word.end, first.open, mentions)));
          if (sp) {
            const obj = skipObject(text, Math.max(hit.word.end, sp.end), first.open, hit.base, mentions);
            draft = { speaker: sp, cue: hit.cue, channel: obj.channel, pieces, direct: true, covers: [hit.cueStart, last.close] };
          }
        }
      }
    }
    // "Name, Outlet: “…”" at the start of a paragraph: the colon is the cue.
    if (!draft && sent) {
      const para = paras[first.paragraph]!;
      // A dash may set the label apart from a heading before it: "TOO EARLY - Mark Blumenthal: “…”".
      const dash = /^.*\s[-–—]\s+/.exec(text.slice(para.start, first.open))?.[0].length ?? 0;
      const from = para.start + dash;
      const lead = text.slice(from, first.open);
      const label = /^([^:.!?“”"]{2,90}?)\s*:\s*$/.exec(lead);
      if (label && /^\p{Lu}/u.test(label[1]!) && label[1]!.split(/\s+/).length <= 12) {
        const sp = speakerAfter(text, from, from + label[1]!.length, mentions) ?? { start: from, end: from + label[1]!.length, text: label[1]!, role: null };
        draft = { speaker: sp, cue: ':', channel: null, pieces, direct: true, covers: [from, last.close] };
      }
    }
    // A quote that continues the previous one after its tag: “…,” she said. “…”
    if (!draft && lastDirect && sent && first.open === sent.start) {
      const between = text.slice(lastDirect.tagEnd, first.open);
      if (/^[\s.,;]*$/.test(between)) {
        lastDirect.draft.pieces.push(...pieces);
        lastDirect.draft.covers[1] = last.close;
        lastDirect.tagEnd = last.close;
        continue;
      }
    }
    if (draft) {
      drafts.push(draft);
      lastDirect = { draft, tagEnd: Math.max(draft.covers[1], tagTo) };
      if (draft.covers[1] < tagTo && text.slice(last.close, tagTo).trim().length < 120) draft.covers[1] = tagTo;
    } else if (!(lastDirect && /^[\s.,;]*$/.test(text.slice(lastDirect.tagEnd, first.open)))) lastDirect = null;
  }

  // 2. Reported speech, sentence by sentence.
  for (const s of body) {
    if (s.text.endsWith("?")) continue;
    const hits = cuesIn(text, s, quotes, index);
    for (const hit of hits) {
      // A headline's verb reports an event ("Rovers reject third bid"); only "says" attributes there.
      if (s.heading && hit.base !== 'say') continue;
      if (covered(hit.word.start, hit.word.end)) continue;
      // "according to X, content" or "content, according to X."
      if (hit.base === 'accord') continue;
      const clauseStart = Math.max(s.start, lastBoundary(text, s.start, hit.cueStart));
      // The clause start is a guess ("…, Instagram, and WhatsApp, has announced"): retry from the sentence start.
      let speaker = speakerBefore(text, clauseStart, hit.cueStart, mentions, index) ?? (clauseStart > s.start ? speakerBefore(text, s.start, hit.cueStart, mentions, index) : null);
      let contentSpan: Span | null = null;
      let channel: string | null = null;
      // "…, said the company." — an inverted tag closes its sentence.
      const inverted = !speaker && !/ing$/.test(hit.word.w) && /,\s*$/.test(text.slice(s.start, hit.cueStart)) && text.slice(hit.word.end, s.end).split(/\s+/).length <= 12;
      if (inverted) speaker = speakerAfter(text, hit.word.end, s.end, mentions);
      if (!speaker) {
        // "X said A, but said B": the second cue shares the first one's speaker.
        const prev = drafts[drafts.length - 1];
        if (prev?.speaker && prev.covers[0] >= s.start && /^[\s,]*(?:and|but)\s+(?:also\s+|then\s+|later\s+)?$/i.test(text.slice(prev.covers[1], hit.cueStart))) speaker = prev.speaker;
        // "…, saying …": a participle clause speaks for the speaker before it, or the sentence's subject.
        else if (/ing$/.test(hit.word.w) && /,\s*$/.test(text.slice(s.start, hit.cueStart))) {
          // A quote tag earlier in the same sentence speaks on: "“…,” the daily wrote, adding, …".
          if (prev?.speaker && prev.covers[1] >= s.start && prev.covers[1] <= hit.cueStart) speaker = prev.speaker;
          else {
            // The subject of the clause before the participle; leading phrases ("On Monday, …") are skipped.
            const starts = [s.start, ...[...text.slice(s.start, hit.cueStart).matchAll(/,\s+|\s[–—]\s+/g)].map((m) => s.start + m.index! + m[0].length)];
            starts.pop();
            for (const st of starts.reverse()) {
              const subject = speakerAfter(text, st, hit.cueStart, mentions) ?? nounPhraseAtStart(text, st, hit.cueStart, index);
              if (subject && subject.end < hit.cueStart && !/^(it|this|that|there)$/i.test(subject.text)) {
                speaker = subject;
                break;
              }
            }
          }
        }
        // "Obama blasted Trump … and said …": a coordinated verb shares the sentence's subject.
        else if (/[\s,;](?:and|but)\s+(?:also\s+|then\s+|later\s+)?$/i.test(text.slice(s.start, hit.cueStart))) {
          const subject = speakerAfter(text, s.start, hit.cueStart, mentions);
          if (subject && subject.end < hit.cueStart && !/^(it|this|that|there|they)$/i.test(subject.text)) speaker = subject;
        }
      }
      if (!speaker) continue;
      const obj = skipObject(text, Math.max(hit.word.end, inverted ? speaker.end : hit.word.end), s.end, hit.base, mentions);
      channel = obj.channel;
      const after = trimSpan(text, obj.at, contentEnd(text, obj.at, s.end));
      const afterWords = after ? after.text.split(/\s+/).length : 0;
      // Clause cues report a clause; others may take a short object ("has denied wrongdoing").
      if (after && afterWords >= (CLAUSE_CUES.has(hit.base) ? 3 : 1) && !inverted) contentSpan = skipAdverbialBeforeThat(after, text, index);
      else {
        // "…, X said." / "…, e-commerce minister X says." The content is the clause before the speaker.
        const lead = text.slice(s.start, Math.min(speaker.start, hit.cueStart));
        const comma = /,\s*([^,]*)$/.exec(lead);
        if (comma && (!comma[1] || DESCRIPTOR_BEFORE_NAME.test(comma[1])) && afterWords <= 4) contentSpan = trimSpan(text, s.start, s.start + comma.index);
      }
      if (!contentSpan || contentSpan.text.split(/\s+/).length < (contentSpan.start > hit.cueStart && !CLAUSE_CUES.has(hit.base) ? 1 : 3)) continue;
      // "spoke on the condition of anonymity" is about the speaker, not a statement; "spoke out against
      // the move" states no content.
      if (/^(on|about|with|to|for|at|in|after|before|during|alongside|out)\b/i.test(contentSpan.text) && contentSpan.start > hit.cueStart && !(hit.base === 'call' && /^(on|for)\b/i.test(contentSpan.text)) && !(TAKES_INFINITIVE.has(hit.base) && /^to\b/i.test(contentSpan.text))) continue;
      if ((NEEDS_THAT.has(hit.base) || NOUN_LIKE_FORMS.has(hit.word.w.toLowerCase())) && contentSpan.start > hit.cueStart && !/\b(that|:)\s*$|[“"‘]\s*$/.test(text.slice(hit.word.end, contentSpan.start)) && !/^[“"‘]/.test(contentSpan.text)) continue;
      if (WEAK_CUES.has(hit.base) && contentSpan.start < hit.cueStart) continue;
      // "it wrote racist literature" is not speech: these cues report a clause, which has a verb.
      // After "that" the clause is certain, whatever the tagger made of its verb ("unemployment rose").
      const thatClause = contentSpan.start > hit.cueStart && /\bthat\s*$/i.test(text.slice(hit.word.end, contentSpan.start));
      if (CLAUSE_CUES.has(hit.base) && !thatClause && !/^[“"‘]/.test(contentSpan.text) && !index.within(contentSpan.start, contentSpan.end).some((t) => t.tags.has('Verb'))) continue;
      // A quote taken already inside the content ends it, if enough is left: "X said A, … “B”".
      const inside = drafts.find((d) => d.covers[0] > contentSpan!.start && d.covers[0] < contentSpan!.end && d.covers[1] >= contentSpan!.end);
      if (inside && hit.cueStart < contentSpan.start) contentSpan = trimSpan(text, contentSpan.start, inside.covers[0]) ?? contentSpan;
      if (covered(contentSpan.start, contentSpan.end) || contentSpan.text.split(/\s+/).length < 3) continue;
      drafts.push({
        speaker,
        cue: hit.cue,
        channel,
        pieces: [contentSpan],
        direct: false,
        covers: [Math.min(contentSpan.start, speaker.start), Math.max(contentSpan.end, hit.word.end)],
      });
    }
    // "Marco Rubio: I'm not interested in being vice president" — a name and a colon open a headline
    // or a transcript's turn; the words after the colon are what the name said.
    const turn = s.start === paras[s.paragraph]!.start ? colonLabel(text, s, paras[s.paragraph]!, mentions) : null;
    if (turn && !covered(turn.speaker.start, turn.content.end)) {
      drafts.push({ speaker: turn.speaker, cue: ':', channel: null, pieces: [turn.content], direct: false, covers: [turn.speaker.start, turn.content.end] });
    }
    // According to X, …  /  …, according to X.
    const acc = /according to\s+/gi;
    let m: RegExpExecArray | null;
    const slice = text.slice(s.start, s.end);
    while ((m = acc.exec(slice))) {
      const at = s.start + m.index;
      if (covered(at, at + m[0].length)) continue;
      const leading = /^[\s"“]*$/.test(slice.slice(0, m.index)) || /[,;:]\s*$/.test(slice.slice(0, m.index)) === false && m.index < 3;
      const from = at + m[0].length;
      // The source runs to the next comma (leading form) or to the sentence end (trailing form).
      const comma = text.indexOf(',', from);
      const spEnd = leading ? (comma >= 0 && comma < s.end ? comma : -1) : s.end;
      if (spEnd < 0) continue;
      const spSpan = trimSpan(text, from, spEnd);
      if (!spSpan || spSpan.text.split(/\s+/).length > 25) continue;
      const sp = speakerAfter(text, from, spEnd, mentions) ?? { start: spSpan.start, end: spSpan.end, text: spSpan.text, role: null };
      const content = leading ? trimSpan(text, spEnd + 1, s.end) : trimSpan(text, s.start, at);
      if (!content || content.text.split(/\s+/).length < 3) continue;
      drafts.push({ speaker: sp, cue: 'according to', channel: null, pieces: [content], direct: false, covers: [Math.min(at, content.start), Math.max(spSpan.end, content.end)] });
    }
  }

  // 3. Quoted fragments spoken by the subject of a cue in the same clause: "what it describes as “…”".
  for (const group of groups) {
    const q = group[0]!;
    if (covered(q.open, q.close)) continue;
    const sent = sentenceAt(q.open);
    if (!sent) continue;
    const hits = cuesIn(text, { ...sent, end: q.open }, quotes);
    const hit = hits[hits.length - 1];
    if (!hit || q.open - hit.word.end > 30) continue;
    const sp = speakerBefore(text, lastBoundary(text, sent.start, hit.cueStart), hit.cueStart, mentions, index);
    if (!sp) continue;
    const pieces = group.map((x) => ({ start: x.contentStart, end: x.contentEnd, text: text.slice(x.contentStart, x.contentEnd) }));
    drafts.push({ speaker: sp, cue: hit.cue, channel: null, pieces, direct: true, covers: [q.open, group[group.length - 1]!.close] });
  }

  // 4. A quote with no tag that opens a sentence right after someone's statement goes on with that
  // speaker: 'Woodward held out hope for the Scots. "Scotland's results have not been impressive…"'.
  drafts.sort((a, b) => a.covers[1] - b.covers[1]);
  const bodyIndex = (pos: number) => body.findIndex((s) => s.start <= pos && pos < s.end);
  for (const group of groups) {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    if (covered(first.open, last.close)) continue;
    const k = bodyIndex(first.open);
    if (k < 1 || body[k]!.start !== first.open || body[k]!.heading) continue;
    // The quote is the whole sentence (or sentences), not a phrase inside narrative.
    const lastSent = body[bodyIndex(Math.max(last.close - 1, last.open))];
    if (!lastSent || !/^[\s.,!?;"”’]*$/.test(text.slice(last.close, lastSent.end))) continue;
    let previous: Draft | undefined;
    for (let i = drafts.length - 1; i >= 0; i--) if (drafts[i]!.covers[1] <= first.open) { previous = drafts[i]; break; }
    if (!previous?.speaker || bodyIndex(Math.max(previous.covers[1] - 1, previous.covers[0])) < k - 1) continue;
    const pieces = group.map((x) => ({ start: x.contentStart, end: x.contentEnd, text: text.slice(x.contentStart, x.contentEnd) }));
    drafts.push({ speaker: previous.speaker, cue: previous.cue, channel: null, pieces, direct: true, covers: [first.open, last.close] });
  }

  drafts.sort((a, b) => a.pieces[0]!.start - b.pieces[0]!.start);
  const ctx: ResolveContext = {
    text,
    mentions,
    sentenceStarts: sents.map((s) => s.start),
    quoted: (pos) => quotes.some((q) => pos > q.open && pos < q.close),
    index,
  };
  const prior: PriorSpeaker[] = [];
  return drafts.map((d, i) => {
    let speaker: SpeakerRef | null = null;
    if (d.speaker) {
      const r = resolveSpeaker(d.speaker, ctx, prior);
      speaker = r.ref;
      prior.push({ ref: r.ref, entity: r.entity, at: d.pieces[0]!.start });
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
      kind: attributionKind(d.cue, d.speaker?.text ?? null),
    };
  });
}

/** Labels before a colon that name no speaker. */
const NOT_A_SPEAKER_LABEL = /^(?:update|updated|note|editor['’]?s note|photo|photos|video|watch|read more|related|see also|source|sources|correction|clarification|disclosure|warning|exclusive|breaking|live|listen|analysis|opinion|comment|q|a|question|answer|pictured|above|below|top|bottom|left|right|credit|image|caption|tags?|topics?|filed under|posted|published|by|from|to|subject|date|time|where|when|what|why|how|who|transcript)$/i;

/**
 * A paragraph that opens with a name and a colon ("Bernie Sanders: I’m not much of a socialist",
 * "Matthews: Well, speculation is bad"): the name as the speaker, the rest of the paragraph as content.
 * The label is a known person or organisation, or one to four capitalised words.
 */
function colonLabel(text: string, s: Sentence, para: Paragraph, mentions: MentionRef[]): { speaker: SpeakerPhrase; content: Span } | null {
  const m = /^((?:[^:.!?“”"\n]*?\s[-–—]\s+)?)([^:.!?“”"\n]{2,60}?)\s*:\s+(?=[\p{Lu}‘'“"\p{N}])/u.exec(para.text);
  if (!m) return null;
  const labelStart = para.start + m[1]!.length;
  const label = m[2]!;
  if (NOT_A_SPEAKER_LABEL.test(label.trim())) return null;
  const named = mentions.find((x) => x.start === labelStart && x.end === labelStart + label.length && (x.entity.type === 'person' || x.entity.type === 'organization'));
  const looksLikeName = /^(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*$/u.test(label) && !/^\p{Lu}+$/u.test(label.replace(/\s/g, '')) === true;
  if (!named && !looksLikeName) return null;
  const content = trimSpan(text, para.start + m[0].length, para.end);
  if (!content || content.text.split(/\s+/).length < 3) return null;
  return { speaker: { start: labelStart, end: labelStart + label.length, text: label, role: null }, content };
}

/** The start of the clause that holds `pos`: after the last ";", ":" or ", and"/", but" before it. */
function lastBoundary(text: string, from: number, pos: number): number {
  const slice = text.slice(from, pos);
  let best = 0;
  const re = /[;:]\s+|,\s+(?:and|but|while|as|because|although|though|so|whereas)\s+|\s+[—–]\s+|\b(?:but|and)\s+(?=(?:he|she|they|it|we|I)\s)/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice))) best = m.index + m[0].length;
  return from + best;
}
