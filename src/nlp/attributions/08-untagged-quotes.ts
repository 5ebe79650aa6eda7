// Pass 8 of the attribution stage: quotes without a tag of their own: a fragment spoken by the subject
// of a cue in its clause ("what it describes as “…”"), and a quote that opens the sentence right after
// someone's statement, which goes on with that speaker.
import { cuesIn, lastBoundary } from './02-cues.js';
import { speakerBefore } from './03-speakers.js';
import type { Sentence } from '../segment.js';
import type { Quote } from './01-quotes.js';
import { piecesOf, type AttributionContext, type Draft } from './context.js';

export function quotedFragments(ctx: AttributionContext): void {
  const { text, index, mentions, quotes, groups, drafts, covered, sentenceAt } = ctx;
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
    const pieces = piecesOf(text, group);
    drafts.push({ speaker: sp, cue: hit.cue, channel: null, pieces, direct: true, covers: [q.open, group[group.length - 1]!.close] });
  }
}

/**
 * A sentence between a speaker's quotes that is no one's statement: it has no quote and no cue, and
 * every person or body it names is named again inside the quote that follows, so is talked about.
 */
function narrativeAbout(ctx: AttributionContext, sent: Sentence, group: Quote[]): boolean {
  const { text, mentions, quotes } = ctx;
  if (quotes.some((q) => q.open >= sent.start && q.open < sent.end) || cuesIn(text, sent, quotes, ctx.index).length) return false;
  const named = mentions.filter((m) => m.start >= sent.start && m.end <= sent.end && m.entity.type !== 'place');
  if (!named.length) return false;
  const quoted = piecesOf(text, group).map((p) => p.text).join(' ');
  return named.every((m) => [m.entity.name, ...m.entity.aliases].some((n) => quoted.includes(n)));
}

export function quotesContinuingSpeaker(ctx: AttributionContext): void {
  const { text, body, groups, drafts, covered } = ctx;
  // 4. A quote with no tag that opens a sentence right after someone's statement goes on with that
  // speaker: 'Woodward held out hope for the Scots. "Scotland's results have not been impressive…"'.
  drafts.sort((a, b) => a.covers[1] - b.covers[1]);
  const bodyIndex = (pos: number) => body.findIndex((s) => s.start <= pos && pos < s.end);
  for (const group of groups) {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    if (covered(first.open, last.close)) continue;
    const k = bodyIndex(first.open);
    if (k < 1 || body[k]!.heading) continue;
    // The quote ends its sentence (or sentences), and, unless it opens it, finishes a sentence the
    // writer began with no cue of its own: 'The trade deficit "are big issues going forward".' is a
    // mixed statement by the last speaker.
    const lastSent = body[bodyIndex(Math.max(last.close - 1, last.open))];
    if (!lastSent || !/^[\s.,!?;"”’]*$/.test(text.slice(last.close, lastSent.end))) continue;
    const mixed = body[k]!.start !== first.open;
    if (mixed && (group.length > 1 || lastSent !== body[k] || !mixedByLastSpeaker(ctx, body[k]!, first.open))) continue;
    let previous: Draft | undefined;
    for (let i = drafts.length - 1; i >= 0; i--) if (drafts[i]!.covers[1] <= first.open) { previous = drafts[i]; break; }
    if (!previous?.speaker) continue;
    const gap = k - 1 - bodyIndex(Math.max(previous.covers[1] - 1, previous.covers[0]));
    // One narrative sentence may come between, if whoever it names the quote talks about by name
    // ('"…" And Simon Taylor looks certain to get the call. "…Simon Taylor is an outstanding player…"').
    if (gap > 1 || (gap === 1 && !narrativeAbout(ctx, body[k - 1]!, group))) continue;
    if (mixed && gap !== 0) continue;
    const pieces = mixed ? [{ start: body[k]!.start, end: last.close, text: text.slice(body[k]!.start, last.close) }] : piecesOf(text, group);
    drafts.push({ speaker: previous.speaker, cue: previous.cue, channel: null, pieces, direct: !mixed, covers: [pieces[0]!.start, last.close] });
  }
}

/** The writer's words before a quote: a few, with no cue, no other quote and no person named. */
function mixedByLastSpeaker(ctx: AttributionContext, sent: Sentence, open: number): boolean {
  const { text, quotes, mentions } = ctx;
  const lead = { ...sent, end: open, text: text.slice(sent.start, open) };
  if (lead.text.trim().split(/\s+/).length < 2 || /[:“”"]/.test(lead.text)) return false;
  if (quotes.some((q) => q.open >= sent.start && q.open < open)) return false;
  if (cuesIn(text, lead, quotes, ctx.index).length) return false;
  return !mentions.some((m) => m.start >= sent.start && m.end <= open && m.entity.type === 'person');
}
