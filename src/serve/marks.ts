// An article's text with its spans marked: quotes, claims, entity and source mentions, which nest
// and overlap freely. HTML elements only nest, so a span that crosses another's edge is closed there
// and opened again: one span may be several elements, all with its data-id, the first with its id.
import { esc } from './html.js';

export type MarkKind = 'attribution' | 'claim' | 'source' | 'entity';

export interface MarkSpan {
  kind: MarkKind;
  /** The contract's local id: a1, c2, e3, s1. */
  id: string;
  start: number;
  end: number;
  /** Extra attributes for every element of the span (names are the caller's, values are escaped). */
  attrs?: Record<string, string>;
}

/** Which element is outside when two spans cover the same text: the quote, then the claim, then the names in them. */
const DEPTH: Record<MarkKind, number> = { attribution: 0, claim: 1, source: 2, entity: 3 };

const byStartThenOuter = (a: MarkSpan, b: MarkSpan) => a.start - b.start || b.end - a.end || DEPTH[a.kind] - DEPTH[b.kind];

/**
 * The text as HTML, with each span in `<mark data-kind data-id>` elements. A span's first element
 * has id="m-<id>", is focusable, and carries data-first; the pieces after it carry data-part.
 * Spans outside the text or empty are left out.
 */
export function markText(text: string, spans: MarkSpan[]): string {
  const sorted = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end).sort(byStartThenOuter);
  const cuts = [...new Set([0, text.length, ...sorted.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const seen = new Set<string>();
  const stack: MarkSpan[] = [];
  const out: string[] = [];
  const open = (s: MarkSpan) => {
    const key = `${s.kind}:${s.id}`;
    const first = !seen.has(key);
    seen.add(key);
    const extra = Object.entries(s.attrs ?? {}).map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
    out.push(`<mark data-kind="${s.kind}" data-id="${esc(s.id)}"${first ? ` id="m-${esc(s.id)}" tabindex="0" role="button" data-first=""` : ' data-part=""'}${extra}>`);
    stack.push(s);
  };
  let next = 0;
  for (let i = 0; i < cuts.length; i++) {
    const at = cuts[i]!;
    if (i > 0) out.push(esc(text.slice(cuts[i - 1], at)));
    // Close what ends here; what was opened inside it and goes on is closed with it and opened again.
    const lowest = stack.findIndex((s) => s.end === at);
    if (lowest >= 0) {
      const goesOn = stack.slice(lowest).filter((s) => s.end !== at);
      for (let k = stack.length; k > lowest; k--) out.push('</mark>');
      stack.length = lowest;
      for (const s of goesOn) open(s);
    }
    while (next < sorted.length && sorted[next]!.start === at) open(sorted[next++]!);
  }
  return out.join('');
}
