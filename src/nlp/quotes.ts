// Quotation spans: where quoted text starts and ends, per paragraph, with continuation of a quote
// across a paragraph break ("a new paragraph re-opens the mark without the old one closing").
import type { Paragraph } from './segment.js';

export interface Quote {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark (or the paragraph end when unclosed). */
  close: number;
  /** The quoted words, without the marks. */
  contentStart: number;
  contentEnd: number;
  paragraph: number;
  closed: boolean;
}

const OPENERS: Record<string, string> = { '“': '”', '«': '»', '„': '“', '"': '"', '‘': '’' };

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** Outermost quotations of one paragraph. */
function quotesIn(text: string, p: Paragraph): Quote[] {
  const out: Quote[] = [];
  let i = p.start;
  while (i < p.end) {
    const c = text[i]!;
    const closer = OPENERS[c];
    const prev = text[i - 1];
    // A single quote opens only where an apostrophe cannot be: after a space or bracket, before a letter.
    const opens =
      closer !== undefined &&
      !(c === '‘' && (isWordChar(prev) || !isWordChar(text[i + 1]))) &&
      !(c === '"' && isWordChar(prev)); // 5'10" or a closing mark
    if (!opens) {
      i++;
      continue;
    }
    let j = i + 1;
    let found = -1;
    while (j < p.end) {
      const d = text[j]!;
      if (d === closer || (closer === '”' && d === '"') || (closer === '"' && d === '”')) {
        // A closing single quote followed by a letter is an apostrophe ("don’t").
        if (closer === '’' && isWordChar(text[j + 1])) {
          j++;
          continue;
        }
        found = j;
        break;
      }
      j++;
    }
    if (found < 0 && c === '‘') {
      i++; // an unmatched single mark is an apostrophe or a typo, not a quotation
      continue;
    }
    const closed = found >= 0;
    const close = closed ? found + 1 : p.end;
    let cs = i + 1;
    let ce = closed ? found : p.end;
    while (cs < ce && /\s/.test(text[cs]!)) cs++;
    while (ce > cs && /[\s,]/.test(text[ce - 1]!)) ce--;
    if (ce > cs) out.push({ open: i, close, contentStart: cs, contentEnd: ce, paragraph: p.index, closed });
    i = close;
  }
  return out;
}

export function findQuotes(text: string, paras: Paragraph[], skip: Set<number>): Quote[] {
  const out: Quote[] = [];
  for (const p of paras) if (!skip.has(p.index)) out.push(...quotesIn(text, p));
  return out;
}
