// Pass 5 of the attribution stage: reported speech, sentence by sentence: "X said (that) …", "…, X said",
// "…, said X", "according to X, …", participle clauses (", saying …") and "Name: …" turns.
import type { Paragraph, Sentence } from '../segment.js';
import type { Span } from '../../types.js';
import { AS_CUES, NOUN_LIKE_FORMS, ONLY_WITH_PREPOSITION, prepositionOfCue, QUESTION_CUES, TAKES_INFINITIVE, WEAK_CUES } from '../cues.js';
import { CLAUSE_CUES, contentEnd, PARTICIPLE_AFTER, cuesIn, DESCRIPTOR_BEFORE_NAME, lastBoundary, NEEDS_THAT, objectCut, skipAdverbialBeforeThat, skipObject, trimSpan } from './02-cues.js';
import { nounPhraseAtStart, speakerAfter, speakerBefore, type MentionRef, type SpeakerPhrase } from './03-speakers.js';
import { wordIs, type TaggedTerm } from '../terms.js';
import type { AttributionContext } from './context.js';

export function reportedSpeech(ctx: AttributionContext): void {
  const { text, paras, body, index, mentions, quotes, drafts, covered } = ctx;
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
      // (Longer after the cue only when a name and its apposition follow: "…, said Brian Baker, a
      // longtime adviser to the family who oversees …".)
      const invertedTag = !speaker && !/ing$/.test(hit.word.w) && /,\s*$/.test(text.slice(s.start, hit.cueStart));
      const invertedSpeaker = invertedTag ? speakerAfter(text, hit.word.end, s.end, mentions) : null;
      const inverted = !!invertedSpeaker && (text.slice(hit.word.end, s.end).split(/\s+/).length <= 12 || /^\s*,\s/.test(text.slice(invertedSpeaker.end, s.end)));
      if (inverted) speaker = invertedSpeaker;
      if (!speaker) {
        // "X said A, but said B": the second cue shares the first one's speaker.
        // (The last draft that ends before the cue in this sentence: pass 4 has already taken every
        // quote of the article, so the last draft of all may lie far ahead.)
        const prev = drafts.findLast((d) => d.covers[1] >= s.start && d.covers[1] <= hit.cueStart);
        if (prev?.speaker && prev.covers[0] >= s.start && /^[\s,]*(?:and|but)\s+(?:also\s+|then\s+|later\s+)?$/i.test(text.slice(prev.covers[1], hit.cueStart))) speaker = prev.speaker;
        // "…, saying …": a participle clause speaks for the speaker before it, or the sentence's subject.
        else if (/ing$/.test(hit.word.w) && [/,\s*$/, PARTICIPLE_AFTER].some((tie) => tie.test(text.slice(s.start, hit.cueStart)))) {
          // A quote tag earlier in the same sentence speaks on: "“…,” the daily wrote, adding, …".
          if (prev?.speaker && prev.covers[1] >= s.start && prev.covers[1] <= hit.cueStart) speaker = prev.speaker;
          else {
            // The subject of the clause before the participle; leading phrases ("On Monday, …") are skipped.
            const starts = [s.start, ...[...text.slice(s.start, hit.cueStart).matchAll(/,\s+|\s[–—]\s+/g)].map((m) => s.start + m.index! + m[0].length)];
            // (The comma right before the participle opens no clause of its own.)
            if (/,\s*$/.test(text.slice(s.start, hit.cueStart))) starts.pop();
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
      // A passive with its agent: "… new proposals announced by the Trade and Industry Secretary
      // Patricia Hewitt". The agent spoke; what was announced is the clause before the cue.
      const agent = /^\s+by\s+/i.exec(text.slice(hit.word.end, s.end));
      if (agent && /(?:ed|said|told|written|shown|found|made)$/i.test(hit.word.w)) {
        const by = speakerAfter(text, hit.word.end + agent[0].length, s.end, mentions);
        const what = trimSpan(text, clauseStart, hit.cueStart);
        if (by && what && what.text.split(/\s+/).length >= 3 && !covered(what.start, what.end)) {
          drafts.push({ speaker: by, cue: hit.cue, channel: null, pieces: [what], direct: false, covers: [what.start, by.end] });
        }
        continue;
      }
      // "He has come up with a model, he said, for how the industry …": a tag set off by commas inside
      // the statement; what was said is both sides of it.
      const parenthetical = tagInside(text, s, speaker, hit, ctx);
      if (parenthetical) {
        drafts.push({ speaker, cue: hit.cue, channel: null, pieces: parenthetical, direct: false, covers: [parenthetical[0]!.start, parenthetical[1]!.end] });
        continue;
      }
      const obj = skipObject(text, Math.max(hit.word.end, inverted ? speaker.end : hit.word.end), s.end, hit.base, mentions);
      channel = obj.channel;
      const after = trimSpan(text, obj.at, contentEnd(text, obj.at, s.end));
      const afterWords = after ? after.text.split(/\s+/).length : 0;
      // Clause cues report a clause; others may take a short object ("has denied wrongdoing").
      // "…, she said in a video message to the convention.": after a clause cue, a phrase that opens
      // with a preposition and has no verb is where or how it was said, and what was said comes before.
      // So is a clause set off by a comma right after the cue: "…, lawmakers said Friday, as they bristled at …".
      const adverbial = !!after && CLAUSE_CUES.has(hit.base) && (/^(?:to|with|at|in|on|for|from|during|after|before|via|through)\b(?!\s+(?:least|most)\b)/i.test(after.text) && !hasVerb(index.within(after.start, after.end)) || /^\s*,\s*(?:as|while|when|after|before|because|although|though|since|during|amid)\s/i.test(text.slice(obj.at, after.end)));
      if (after && afterWords >= (CLAUSE_CUES.has(hit.base) ? 3 : 1) && !inverted && !adverbial) contentSpan = skipAdverbialBeforeThat(after, text, index);
      else {
        // "…, X said." / "…, e-commerce minister X says." The content is the clause before the speaker.
        const lead = text.slice(s.start, Math.min(speaker.start, hit.cueStart));
        const comma = /,\s*([^,]*)$/.exec(lead);
        // A dateline opening the sentence ("WASHINGTON ― …") is not what was said.
        const dateline = /^\p{Lu}[\p{Lu} .,'-]{2,40}\s*(?:\([^)]{1,20}\))?\s*[―—–-]{1,2}\s+/u.exec(lead)?.[0].length ?? 0;
        // After an inverted tag the words past the name describe the speaker ("…, said Mr. Barrett, the
        // lawyer for the agency"), however many there are.
        const apposition = inverted && /^\s*,/.test(text.slice(speaker.end, s.end));
        if (comma && (!comma[1] || DESCRIPTOR_BEFORE_NAME.test(comma[1])) && (afterWords <= 4 || apposition || adverbial)) contentSpan = trimSpan(text, s.start + dateline, s.start + comma.index);
      }
      if (!contentSpan) continue;
      // "spoke on the condition of anonymity" is about the speaker, not a statement; "spoke out against
      // the move" states no content.
      // "talked about the economy", "referring to Mr. Trump": the preposition belongs to the cue.
      const prep = contentSpan.start > hit.cueStart ? prepositionOfCue(hit.base, contentSpan.text) : null;
      if (prep) contentSpan = { start: contentSpan.start + prep.length, end: contentSpan.end, text: contentSpan.text.slice(prep.length) };
      // "focused on", "railed against": without their preposition these verbs are acts, not speech.
      if (!prep && ONLY_WITH_PREPOSITION.has(hit.base)) continue;
      // ("called into a radio show", "learned from the experience": the preposition is not the cue's own.)
      if (/^(on|about|with|to|for|at|in|into|from|over|against|across|through|after|before|during|alongside|out|and|but|or)\b(?!\s+(?:least|most)\b)/i.test(contentSpan.text) && contentSpan.start > hit.cueStart && !/\bthat\s*$/i.test(text.slice(hit.word.end, contentSpan.start)) && !(hit.base === 'call' && /^(on|for)\b/i.test(contentSpan.text)) && !(TAKES_INFINITIVE.has(hit.base) && /^to\b/i.test(contentSpan.text))) continue;
      if ((NEEDS_THAT.has(hit.base) || NOUN_LIKE_FORMS.has(hit.word.w.toLowerCase())) && contentSpan.start > hit.cueStart && !/\b(that|:)\s*$|[“"‘]\s*$/.test(text.slice(hit.word.end, contentSpan.start)) && !/^[“"‘]/.test(contentSpan.text)) continue;
      if (WEAK_CUES.has(hit.base) && contentSpan.start < hit.cueStart) continue;
      // "declined slightly from 58 percent", "would decline by four points": a figure falling, not a refusal.
      if (hit.base === 'decline' && contentSpan.start > hit.cueStart && /^(?:\p{Ll}+ly\b|by\b|from\b|in\b|to\s+[\d$£€]|\d)/u.test(contentSpan.text)) continue;
      if (QUESTION_CUES.has(hit.base) && !/^(?:whether|if|how|what|why|who|when|where)\b/i.test(contentSpan.text)) continue;
      if (AS_CUES.has(hit.base) && !/^(?:[\p{L}\p{N}'’.-]+\s+){1,8}?as\s+\S/u.test(contentSpan.text)) continue;
      // "it wrote racist literature" is not speech: these cues report a clause, which has a verb.
      // After "that" the clause is certain, whatever the tagger made of its verb ("unemployment rose").
      const thatClause = contentSpan.start > hit.cueStart && /\bthat\s*$/i.test(text.slice(hit.word.end, contentSpan.start));
      // ("said the same of her rival": what was said is the earlier statement, said again.)
      if (CLAUSE_CUES.has(hit.base) && !prep && !thatClause && !/^[“"‘]|^the same\b/i.test(contentSpan.text) && !hasVerb(index.within(contentSpan.start, contentSpan.end))) continue;
      // A noun-phrase object ("endorsed Clinton for president on Thursday, …") ends before a time, an
      // occasion or another clause; a clause after the cue has its verb before any of those.
      if (contentSpan.start > hit.cueStart && (!CLAUSE_CUES.has(hit.base) || prep) && !thatClause && !AS_CUES.has(hit.base) && !/^(?:[“"‘]|(?:to|whether|if|how|what|why|who)\b)/i.test(contentSpan.text)) {
        const cut = objectCut(contentSpan.text);
        if (cut !== null && !hasVerb(index.within(contentSpan.start, contentSpan.start + cut))) contentSpan = trimSpan(text, contentSpan.start, contentSpan.start + cut) ?? contentSpan;
        // After a preposition the object is a noun phrase, and a comma followed by a clause ends it
        // ("by talking about the wall, his critics denounced him").
        const comma = prep ? /,\s+(?=(?:he|she|they|it|we|I|his|her|their|its|the|a|an)\s)/.exec(contentSpan.text) : null;
        if (comma && comma.index > 0 && hasVerb(index.within(contentSpan.start + comma.index, contentSpan.end))) contentSpan = trimSpan(text, contentSpan.start, contentSpan.start + comma.index) ?? contentSpan;
      }
      // A quote taken already inside the content ends it, if enough is left: "X said A, … “B”".
      const inside = drafts.find((d) => d.covers[0] > contentSpan!.start && d.covers[0] < contentSpan!.end && d.covers[1] >= contentSpan!.end);
      if (inside && hit.cueStart < contentSpan.start) contentSpan = trimSpan(text, contentSpan.start, inside.covers[0]) ?? contentSpan;
      // An object after the cue may be one word ("denied wrongdoing", "talked about immigration"); a clause has three.
      const minWords = contentSpan.start > hit.cueStart && (!CLAUSE_CUES.has(hit.base) || prep) ? 1 : 3;
      // ("backing her", "denied it": a pronoun alone tells a reader nothing of what was said.)
      if (/^(?:it|him|her|them|this|that|so|us|me|you)$/i.test(contentSpan.text)) continue;
      if (covered(contentSpan.start, contentSpan.end) || contentSpan.text.split(/\s+/).length < minWords) continue;
      drafts.push({
        speaker,
        cue: prep ? `${hit.cue} ${prep.trim().replace(/\s+that$/i, '')}` : hit.cue,
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
}

/**
 * The two sides of a statement around a tag set off by commas ("A, he said, B." / "The museum, Mr.
 * Obama said, would …"), or null. The tag is the speaker and the cue alone, and each side has words.
 */
function tagInside(text: string, s: Sentence, speaker: SpeakerPhrase, hit: { cueStart: number; word: { end: number }; base: string }, ctx: AttributionContext): [Span, Span] | null {
  if (!CLAUSE_CUES.has(hit.base) || speaker.start > hit.cueStart) return null;
  // (An honorific before the name belongs to the tag: "The museum, Mr. Obama said, …".)
  const before = text.slice(s.start, speaker.start).replace(/(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Prof)\.?\s*)$/, '');
  const after = text.slice(hit.word.end, s.end);
  if (!/,\s*$/.test(before) || !/^\s*(?:[\p{Ll}]+\s*)?,\s+\S/u.test(after) || /[“”"]/.test(before)) return null;
  // Only the speaker and the cue (and an adverb) stand between the commas.
  if (!/^\s*$/.test(text.slice(speaker.end, hit.cueStart).replace(/\b(?:has|have|had|also|later|then|once)\b/g, ''))) return null;
  const first = trimSpan(text, s.start, s.start + before.lastIndexOf(','));
  const from = hit.word.end + after.indexOf(',') + 1;
  const second = trimSpan(text, from, contentEnd(text, from, s.end));
  if (!first || !second || first.text.split(/\s+/).length + second.text.split(/\s+/).length < 4) return null;
  if (ctx.covered(first.start, second.end)) return null;
  return [first, second];
}

const turnCounts = new Map<string, number>();
let turnText = '';
/** How many paragraphs of the text open with this label and a colon. */
function turnsOf(text: string, label: string): number {
  if (turnText !== text) {
    turnCounts.clear();
    turnText = text;
  }
  let n = turnCounts.get(label);
  if (n === undefined) {
    const re = new RegExp(`(?:^|\\n)[ \\t]*["“]?[ \\t]*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*:`, 'g');
    turnCounts.set(label, (n = (text.match(re) ?? []).length));
  }
  return n;
}

/** Labels before a colon that name no speaker. */
const NOT_A_SPEAKER_LABEL = /^(?:update|updated|note|editor['’]?s note|photo|photos|video|watch|read more|related|see also|source|sources|correction|clarification|disclosure|warning|exclusive|breaking|live|listen|analysis|opinion|comment|q|a|question|answer|pictured|above|below|top|bottom|left|right|credit|image|caption|tags?|topics?|filed under|posted|published|by|from|to|subject|date|time|where|when|what|why|how|who|transcript)$/i;

/**
 * A paragraph that opens with a name and a colon ("Bernie Sanders: I’m not much of a socialist",
 * "Matthews: Well, speculation is bad"): the name as the speaker, the rest of the paragraph as content.
 * The label is a known person or organisation, or one to four capitalised words.
 */
function colonLabel(text: string, s: Sentence, para: Paragraph, mentions: MentionRef[]): { speaker: SpeakerPhrase; content: Span } | null {
  // (A transcript quoted whole opens each turn with a quotation mark: '"WALLACE: Let's start …'.)
  // (A title's full stop may stand in the label: "Dr. Ben Carson: …".)
  const m = /^((?:["“][ \t]*)?(?:[^:.!?“”"\n]*?\s[-–—]\s+)?)((?:(?:Dr|Mr|Mrs|Ms|Sen|Rep|Gov|Gen|Lt|Col|Prof)\.\s+)?[^:.!?“”"\n]{2,60}?)\s*:\s+(?=[\p{Lu}‘'“"\p{N}(])/u.exec(para.text);
  if (!m) return null;
  const labelStart = para.start + m[1]!.length;
  // "Clinton to Planned Parenthood: …": the name speaks, to an audience.
  const label = /^(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})\s+to\s+\p{Lu}/u.exec(m[2]!)?.[1] ?? m[2]!;
  if (NOT_A_SPEAKER_LABEL.test(label.trim())) return null;
  const named = mentions.find((x) => x.start === labelStart && x.end === labelStart + label.length && (x.entity.type === 'person' || x.entity.type === 'organization'));
  const allCaps = /^\p{Lu}+$/u.test(label.replace(/[\s.'’-]/g, ''));
  // A label in capitals is a section heading ("UPDATE:") unless the text gives it several turns,
  // as a transcript does ("WALLACE: …", "PENCE: …").
  // A title-case heading ("The Gap Goes On: …") has a leading article or a small word; a name has neither.
  const heading = /^(?:The|A|An)\s|\s(?:On|In|Of|For|To|At|And|Or|With|Is|Are|Goes|Go)(?:\s|$)/.test(label);
  const looksLikeName = /^(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*$/u.test(label) && !heading && (!allCaps || turnsOf(text, label) >= 2);
  if (!named && !looksLikeName) return null;
  // A title-case label that no entity is and whose first word is a common word heads a section
  // ("Limited Tools: The United Nations was …"), whatever its capitals.
  if (!named && !allCaps && /\s/.test(label) && !/\./.test(label) && wordIs(label.split(/\s+/)[0]!.toLowerCase(), '(#Adjective|#Verb|#Plural|#Adverb)')) return null;
  const content = trimSpan(text, para.start + m[0].length, para.end);
  if (!content || content.text.split(/\s+/).length < 3) return null;
  return { speaker: { start: labelStart, end: labelStart + label.length, text: label, role: null }, content };
}

/**
 * Whether words hold a verb. The tagger reads some verbs after a name as plural nouns ("Trump favors
 * a strongman approach"); a plural right after a singular noun or a name is taken for the verb.
 */
function hasVerb(terms: TaggedTerm[]): boolean {
  return terms.some(
    (t, i) =>
      t.tags.has('Verb') ||
      (i > 0 && t.tags.has('Plural') && /s$/.test(t.text) && (terms[i - 1]!.tags.has('ProperNoun') || terms[i - 1]!.tags.has('Singular'))) ||
      // "Acme Corp cut 500 jobs": a word that is a verb on its own, read as a noun after a name.
      (i > 0 && terms[i - 1]!.tags.has('ProperNoun') && /^\p{Ll}+$/u.test(t.text) && isVerbWord(t.text)) ||
      // "Sales rose sharply": past forms the lexicon knows only as nouns, after a noun.
      (i > 0 && terms[i - 1]!.tags.has('Noun') && PAST_READ_AS_NOUN.has(t.text.toLowerCase())),
  );
}

/** Past tenses that compromise's lexicon reads as nouns ("rose" the flower, "left" the side). */
const PAST_READ_AS_NOUN = new Set(['rose', 'left', 'bore', 'wound', 'ground', 'found', 'felt', 'lay', 'saw']);

/** Is this word a verb in compromise's lexicon, read alone? */
const isVerbWord = (word: string) => wordIs(word, '#Verb');
