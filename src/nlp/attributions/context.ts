// What the passes of the attribution stage share: the article, its mentions and quotes, and the
// drafts found so far, which later passes must not read twice.
import type { Entity, Span } from '../../types.js';
import type { Paragraph, Sentence } from '../segment.js';
import type { TermIndex } from '../terms.js';
import { findQuotes, groupQuotes, type Quote } from './01-quotes.js';
import type { MentionRef, SpeakerPhrase } from './03-speakers.js';

/** An attribution before its speaker is resolved. */
export interface Draft {
  speaker: SpeakerPhrase | null;
  cue: string;
  channel: string | null;
  pieces: Span[];
  direct: boolean;
  /** Text this attribution accounts for (content and tag), so nothing inside is read twice. */
  covers: [number, number];
}

export interface AttributionContext {
  text: string;
  paras: Paragraph[];
  sents: Sentence[];
  /** The sentences outside page furniture. */
  body: Sentence[];
  index: TermIndex;
  /** Entity mentions in text order. */
  mentions: MentionRef[];
  quotes: Quote[];
  /** Quotes that belong together: a quote carried over a paragraph break or re-opened (BBC style). */
  groups: Quote[][];
  drafts: Draft[];
  sentenceAt(pos: number): Sentence | null;
  /** Does a draft already account for any of this text? */
  covered(start: number, end: number): boolean;
}

export function attributionContext(text: string, paras: Paragraph[], sents: Sentence[], skip: Set<number>, entities: Entity[], index: TermIndex): AttributionContext {
  const mentions: MentionRef[] = entities
    .flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, entity: e })))
    .sort((a, b) => a.start - b.start);
  const body = sents.filter((s) => !skip.has(s.paragraph));
  const drafts: Draft[] = [];
  const quotes = findQuotes(text, paras, skip);
  return {
    text,
    paras,
    sents,
    body,
    index,
    mentions,
    quotes,
    groups: groupQuotes(text, paras, quotes),
    drafts,
    sentenceAt: (pos) => body.find((s) => s.start <= pos && pos < s.end) ?? null,
    covered: (a, b) => drafts.some((d) => a < d.covers[1] && b > d.covers[0]),
  };
}

/** The quoted words of a group, one piece per quote. */
export function piecesOf(text: string, group: Quote[]): Span[] {
  return group.map((q) => ({ start: q.contentStart, end: q.contentEnd, text: text.slice(q.contentStart, q.contentEnd) }));
}
