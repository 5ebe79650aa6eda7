// One compromise pass over the article: every word with its part-of-speech tags and exact offsets.
// Entities, speakers and claims all read these tags, so the text is parsed only once.
import nlp from 'compromise';
import type { Paragraph } from './segment.js';

export interface TaggedTerm {
  /** The word as it stands in the text (compromise keeps "Meta’s", "Mr" without its dot). */
  text: string;
  start: number;
  end: number;
  tags: ReadonlySet<string>;
}

interface CompromiseTerm {
  text: string;
  tags: Set<string>;
}

export class TermIndex {
  constructor(
    readonly text: string,
    readonly terms: TaggedTerm[],
  ) {}

  /** Index of the first term that starts at or after `pos`. */
  private firstAt(pos: number): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.terms[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The terms lying wholly inside [from, to). */
  within(from: number, to: number): TaggedTerm[] {
    const out: TaggedTerm[] = [];
    for (let i = this.firstAt(from); i < this.terms.length && this.terms[i]!.end <= to; i++) out.push(this.terms[i]!);
    return out;
  }

  /** What stands between a term and the next one ("", " ", ", "). */
  gapAfter(t: TaggedTerm, next: TaggedTerm | undefined): string {
    return next ? this.text.slice(t.end, next.start) : '';
  }
}

/** Tag the paragraphs that are not page furniture, in one compromise pass over the body. */
export function tagText(text: string, paras: Paragraph[], skip: Set<number>): TermIndex {
  const terms: TaggedTerm[] = [];
  const body = paras.filter((p) => !skip.has(p.index));
  // One call over the whole body is cheaper than one per paragraph; furniture is cut out first so it
  // cannot bend the tags of the text around it. Paragraphs are joined by blank lines, which compromise
  // treats as sentence ends, and each term is mapped back to its offset in `text`.
  const joined = body.map((p) => p.text).join('\n\n');
  const doc = nlp(joined) as unknown as { document: CompromiseTerm[][] };
  let cursor = 0;
  let pi = 0;
  let base = 0; // offset of body[pi] in `joined`
  for (const sentence of doc.document) {
    for (const t of sentence) {
      // Implicit words of contractions ("didn’t" → "did not") have no text of their own.
      if (!t.text) continue;
      const at = joined.indexOf(t.text, cursor);
      if (at < 0 || at - cursor > 200) continue;
      cursor = at + t.text.length;
      while (pi < body.length - 1 && at >= base + body[pi]!.text.length + 2) {
        base += body[pi]!.text.length + 2;
        pi++;
      }
      const p = body[pi]!;
      const start = p.start + (at - base);
      terms.push({ text: t.text, start, end: start + t.text.length, tags: t.tags });
    }
  }
  return new TermIndex(text, terms);
}
