// Pass 7 of the attribution stage: attributions whose source the text leaves unnamed. A question put
// to someone ("Asked whether he would run, Tom Hale said …": what was asked, by whoever asked it) and
// an expectation no one is named as holding ("The vote is expected to pass": the vote, to pass).
import type { Span } from '../../types.js';
import { contentEnd, trimSpan } from './02-cues.js';
import { speakerAfter } from './03-speakers.js';
import type { AttributionContext } from './context.js';

/** "Asked whether …", "when asked about …", "was asked by X how …" (a question, not a request "to …"): group 1 is "by X", group 2 opens the question. */
const ASKED = /(?:^|[,;—–]\s*|\b(?:when|after|before|while|once|if|and)\s+)(?:(?:was|were|is|are|being|been|has been|had been|have been)\s+)?(?:\p{Ll}+ly\s+)?[Aa]sked(?:\s+by\s+([^,]{2,60}?))?(?:\s+\p{Ll}+ly)?\s+(about\s+|(?=(?:whether|if|how|what|why|who|whom|when|where|which)\s))/gu;

/** "X is expected to …", "are widely expected to …", "isn't expected to …". */
const EXPECTED = /\s(?:is|are|was|were|be|been|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)\s+(?:not\s+)?(?:\p{Ll}+ly\s+)?expected\s+(?=to\s)/gu;

export function speakerlessAttributions(ctx: AttributionContext): void {
  const { text, body, mentions, drafts, covered } = ctx;
  for (const s of body) {
    if (s.heading) continue;
    const slice = text.slice(s.start, s.end);
    for (const m of slice.matchAll(ASKED)) {
      const from = s.start + m.index! + m[0].length;
      // The question runs to the comma that ends the participle clause, or to the sentence's end.
      const comma = /,[”"’]?\s/.exec(text.slice(from, s.end));
      const end = comma ? from + comma.index + (comma[0].trimEnd().length) : contentEnd(text, from, s.end);
      const content = trimSpan(text, from, end);
      if (!content || content.text.split(/\s+/).length < 2 || covered(content.start, content.end)) continue;
      const asker = m[1] ? speakerAfter(text, s.start + m.index! + m[0].indexOf(m[1]), s.end, mentions) : null;
      const cueStart = s.start + m.index! + m[0].search(/[Aa]sked/);
      drafts.push({ speaker: asker, cue: `asked${m[2]?.trim() ? ' about' : ''}`, channel: null, pieces: [content], direct: false, covers: [cueStart, content.end] });
    }
    for (const m of slice.matchAll(EXPECTED)) {
      const at = s.start + m.index!;
      const pieces = expectation(ctx, s.start, at, at + m[0].length, s.end);
      if (!pieces || covered(pieces[0].start, pieces[1].end)) continue;
      drafts.push({ speaker: null, cue: m[0].trim(), channel: null, pieces, direct: false, covers: [pieces[0].start, pieces[1].end] });
    }
  }
}

/** The subject before "is expected" (its clause's start to the verb) and the infinitive after it. */
function expectation(ctx: AttributionContext, sentStart: number, verbStart: number, infStart: number, sentEnd: number): [Span, Span] | null {
  const { text } = ctx;
  const lead = text.slice(sentStart, verbStart);
  // The subject starts the sentence or follows a comma, a semicolon or a conjunction.
  const boundary = /(?:^|.*(?:[,;:—–]\s+|\s(?:and|but|while|as|because|although|though|so|whereas|that)\s+))/s.exec(lead)![0].length;
  const subject = trimSpan(text, sentStart + boundary, verbStart);
  if (!subject || subject.text.split(/\s+/).length > 12 || /^(?:it|this|that|there|which|who)$/i.test(subject.text)) return null;
  const infinitive = trimSpan(text, infStart, contentEnd(text, infStart, sentEnd));
  if (!infinitive || infinitive.text.split(/\s+/).length < 2) return null;
  return [subject, infinitive];
}
