// Pass 4 of the attribution stage: direct quotes with a speech tag after them ("…,” she said), before
// them (She said: “…”), a label ("Name: “…”"), or continuing the quote before (“…,” she said. “…”).
import type { Span } from '../../types.js';
import { cueBase, TAKES_LISTENER } from '../cues.js';
import type { Sentence } from '../segment.js';
import { cuesIn, DESCRIPTOR_BEFORE_NAME, skipObject } from './02-cues.js';
import { speakerAfter, speakerBefore, TITLE_PREFIX, nounPhraseAtStart } from './03-speakers.js';
import { piecesOf, type AttributionContext, type Draft } from './context.js';
import type { Quote } from './01-quotes.js';

/**
 * Where a mixed statement starts: the sentence's start, when the writer's own words lead into the
 * quote ('Mrs. Clinton's proposals send a clear message that a top priority "is …," Mr. Kamin said').
 * Null when the quote opens its sentence, or what comes before it holds a cue, a quote or a label.
 */
function mixedLead(ctx: AttributionContext, sent: Sentence, open: number): number | null {
  const { text, quotes } = ctx;
  const lead = text.slice(sent.start, open);
  if (lead.trim().split(/\s+/).length < 3 || /[:“”"]|''/.test(lead) || /[,;—–-]\s*$/.test(lead)) return null;
  if (quotes.some((q) => q.open >= sent.start && q.open < open)) return null;
  if (cuesIn(text, { ...sent, end: open, text: lead }, quotes, ctx.index).length) return null;
  return sent.start + (/^\s*/.exec(lead)![0].length);
}

export function directQuotes(ctx: AttributionContext): void {
  const { text, paras, body, index, mentions, quotes, groups, drafts, sentenceAt } = ctx;
  /** The last direct quote, where its tag ends, and its last quote if a second part may follow the tag. */
  let lastDirect: { draft: Draft; tagEnd: number; split: Quote | null } | null = null;
  for (const group of groups) {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const pieces: Span[] = piecesOf(text, group);
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

    // “My hope,” he said, “is that …”: a quote split by its tag is one attribution. The first part
    // ends its clause with a comma (inside the marks, or after them) and a short tag holding the cue
    // comes between; the second part goes on in the same sentence.
    if (lastDirect && lastDirect.split && sent && sentenceAt(lastDirect.split.close - 1) === sent && /^[\s,]*$/.test(text.slice(lastDirect.tagEnd, first.open))) {
      lastDirect.draft.pieces.push(...pieces);
      lastDirect.draft.covers[1] = last.close;
      lastDirect.tagEnd = last.close;
      lastDirect.split = null;
      continue;
    }
    let draft: Draft | null = null;
    // "…,” she said. / “…,” said Smith. / “…,” as Meta writes.
    // The quote must end its clause: a comma, "!" or "?" at its end, or a dash after it.
    const quoted = text.slice(last.open, last.close).replace(/[”"’»'\s]+$/, '');
    const endsClause = /[,!?…]$/.test(quoted) || /^\s*[,—–]/.test(tag);
    // A title in quotes is nobody's words: 'On “Fox News Sunday,” Mike Pence said …'.
    const titleInQuotes = group.length === 1 && /^(?:\p{Lu}[\p{L}'’.-]*[\s,]*){2,6}$/u.test(pieces[0]!.text) && !/[.!?]$/.test(pieces[0]!.text);
    if (!titleInQuotes && !/^\s*[.!?;:]/.test(tag)) {
      for (const hit of cuesIn(text, { ...(lastSent ?? sent ?? first), start: tagFrom, end: tagTo, text: tag } as Sentence, quotes, index)) {
        const lead = /^[\s,—–]*(?:as\s+)?/i.exec(tag)![0].length;
        const pre = text.slice(tagFrom + lead, hit.cueStart);
        if (pre.split(/\s+/).length > 40) break;
        const speaker = pre.trim()
          ? speakerBefore(text, tagFrom + lead, hit.cueStart, mentions, index)
          : speakerAfter(text, hit.word.end, tagTo, mentions);
        // Without a comma closing the quote, only a tag that ends the sentence counts ("…” said Tom.").
        if (!endsClause && !/^[\s\p{L}\p{N},.'’-]*[.!?]?["”’]?$/u.test(text.slice(hit.word.end, tagTo))) break;
        // The tag is the speaker and cue right after the quote, nothing else in front but a title. A
        // quote that does not end its clause is read on into the sentence ('Trump says he is “a
        // unifier” who soon wanted …', 'said “it gets me mad” every time he thinks …'): a cue after
        // it is a tag only with its speaker right there, no words about them between.
        // ("who" after a quote relates a clause to a word inside it; it is nobody's tag.)
        if (!speaker || speaker.start < tagFrom + lead || /^(?:who|which)$/i.test(speaker.text)) break;
        const before = text.slice(tagFrom + lead, speaker.start);
        if (pre.trim() && !TITLE_PREFIX.test(before) && (!endsClause || !DESCRIPTOR_BEFORE_NAME.test(before))) break;
        const obj = skipObject(text, Math.max(hit.word.end, speaker.end), tagTo, hit.base, mentions);
        // 'Using the tax "is a misguided approach," said Mr. Burman': a quote that finishes a sentence
        // the writer began is a mixed statement; what was said is the whole sentence, quote marks kept.
        // A tag with "as" ("…,” as Meta writes) vouches for the quoted words alone, not the writer's lead.
        const mixed = sent && sent === sentenceAt(first.open) && !/^[\s,—–]*as\s/i.test(tag) ? mixedLead(ctx, sent, first.open) : null;
        if (mixed !== null) draft = { speaker, cue: hit.cue, channel: obj.channel, pieces: [{ start: mixed, end: last.close, text: text.slice(mixed, last.close) }], direct: false, covers: [mixed, tagTo] };
        else draft = { speaker, cue: hit.cue, channel: obj.channel, pieces, direct: true, covers: [first.open, tagTo] };
        break;
      }
    }
    // She said: “…” / According to X, “…” / He said:¶“…”: a sentence ending in a colon, then the quote
    // opening the next paragraph, is one lead-in.
    const prevSent = sent && /^\s*$/.test(text.slice(sent.start, first.open)) ? body.findLast((b) => b.end <= first.open && b.paragraph === first.paragraph - 1) : undefined;
    const colonLead = prevSent && /:\s*$/.test(text.slice(prevSent.start, first.open)) ? prevSent : undefined;
    if (!draft && sent) {
      const leadSent = colonLead ?? sent;
      const leadEnd = colonLead ? colonLead.end : first.open;
      const lead = text.slice(leadSent.start, first.open);
      const acc = /according to\s+(.+?),?\s*$/i.exec(lead);
      if (acc) {
        const s0 = sent.start + lead.length - acc[0].length + acc[0].indexOf(acc[1]!);
        const sp = speakerAfter(text, s0, s0 + acc[1]!.length, mentions);
        if (sp) draft = { speaker: sp, cue: 'according to', channel: null, pieces, direct: true, covers: [sent.start, last.close] };
      } else if (/[:,]\s*$/.test(lead) || (/\b(?:that|as)\s*$/i.test(lead) && words >= 4) || (cueBase(/(\S+)\s*$/.exec(lead)?.[1] ?? '') && words >= 3 && /^[\s.,!?;"”’']*$/.test(text.slice(last.close, (lastSent ?? sent).end)))) {
        const hits = cuesIn(text, { ...leadSent, end: leadEnd, text: text.slice(leadSent.start, leadEnd) }, quotes);
        const hit = hits[hits.length - 1];
        // 'Cruz says his campaign is the only one that “has beaten and can beat” Trump': words with a
        // verb between the cue and the quote begin the reported clause, and the quote is a piece of
        // it, a mixed statement that reported speech (pass 5) takes whole, quote marks kept.
        const clauseBetween = hit && index.within(hit.word.end, leadEnd).some((t) => t.tags.has('Verb'));
        if (hit && leadEnd - hit.word.end < 40 && !clauseBetween) {
          // ", telling Stephanopoulos that “…”": a participle speaks for the sentence's subject, and
          // the name after "told" is the listener, never the speaker.
          const participle = /ing$/.test(hit.word.w) && /,\s*$/.test(text.slice(leadSent.start, hit.cueStart));
          // A tag earlier in the sentence speaks on: '“…,” he said, adding that “…”'.
          const tagged = drafts.findLast((d) => d.speaker && d.covers[0] >= leadSent.start && d.covers[1] <= hit.cueStart);
          const sp = participle
            ? (tagged?.speaker ?? speakerAfter(text, leadSent.start, hit.cueStart, mentions) ?? nounPhraseAtStart(text, leadSent.start, hit.cueStart, index))
            : (speakerBefore(text, leadSent.start, hit.cueStart, mentions, index) ?? (TAKES_LISTENER.has(hit.base) ? null : speakerAfter(text, hit.word.end, leadEnd, mentions)));
          if (sp) {
            const obj = skipObject(text, Math.max(hit.word.end, sp.end), leadEnd, hit.base, mentions);
            draft = { speaker: sp, cue: hit.cue, channel: obj.channel, pieces, direct: true, covers: [hit.cueStart, last.close] };
          }
        }
      }
    }
    // “…” ― Sonya Herridge: a dash after the quote signs it, as under an epigraph or a reader's comment.
    if (!draft) {
      const sign = /^[\s\u00a0]*([―—–]|--)[\s\u00a0]*((?:\p{Lu}[\p{L}.'’-]*)(?:[\s\u00a0]+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|da|del|bin|al)){0,4})[\s\u00a0]*(?:[.,;]|\n|$)/u.exec(text.slice(last.close, last.close + 120));
      if (sign) {
        const start = last.close + sign[0].indexOf(sign[2]!, sign[1]!.length);
        const sp = speakerAfter(text, start, start + sign[2]!.length, mentions) ?? { start, end: start + sign[2]!.length, text: sign[2]!, role: null };
        draft = { speaker: sp, cue: sign[1]!, channel: null, pieces, direct: true, covers: [first.open, start + sign[2]!.length] };
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
      // (Only where the quote is all that follows the label: "Ryan: ‘Anti-Semitic Images’ Have ‘No
      // Place …’" says more than its quotes, and is read whole as the label's statement, pass 5.)
      const restOfParagraph = text.slice(last.close, para.end);
      if (label && /^\p{Lu}/u.test(label[1]!) && label[1]!.split(/\s+/).length <= 12 && /^[\s.,!?;:”"’']*$/.test(restOfParagraph)) {
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
      // A split is a tag after the quote, short, with a comma before it and after it.
      const after = text.slice(last.close, tagTo);
      // (A second cue in it, '“…,” Trump said, adding later, “…”', starts a statement of its own.)
      const split = draft.direct && draft.covers[0] === first.open && (/,$/.test(quoted) || /^\s*,/.test(after)) && /,\s*$/.test(after) && after.trim().split(/\s+/).length <= 10 && !/\b(?:adding|saying|continuing|noting|explaining|before|then|and|but)\b/i.test(after);
      lastDirect = { draft, tagEnd: Math.max(draft.covers[1], tagTo), split: split ? last : null };
      // The tag takes the rest of its sentence, but not a participle clause that says more:
      // '“…,” he said, adding that the phrase suggests …' is a statement of its own.
      // (Any cue in -ing: "…,” Mr. Hedge said, referring to the two resorts.)
      const more = [...text.slice(last.close, tagTo).matchAll(/,\s+(\p{Ll}+ing)\b/gu)].find((m) => cueBase(m[1]!));
      const tagEnd = more ? last.close + more.index : tagTo;
      if (more && draft.covers[1] > tagEnd && draft.covers[0] < tagEnd) draft.covers[1] = tagEnd;
      if (draft.covers[1] < tagEnd && text.slice(last.close, tagEnd).trim().length < 120) draft.covers[1] = tagEnd;
    } else if (!(lastDirect && /^[\s.,;]*$/.test(text.slice(lastDirect.tagEnd, first.open)))) lastDirect = null;
  }
}
