// Pass 1 of the attribution stage: quotation spans, where quoted text starts and ends, per paragraph,
// and which quotes belong together (a quote carried over a paragraph break, or re-opened BBC style).
import type { Paragraph } from '../segment.js';

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

/**
 * A double opening mark inside an open double quotation: after a sentence's end and a space, before
 * a word. Only a new quotation looks like that; a closing mark follows the quoted words directly.
 */
function reopensQuote(text: string, at: number, closer: string | undefined): boolean {
  const c = text[at];
  if (!((closer === '"' || closer === '”') && (c === '"' || c === '“'))) return false;
  return /[.!?…]\s+$/.test(text.slice(Math.max(0, at - 4), at)) && /[\p{L}\p{N}‘'“]/u.test(text[at + 1] ?? '');
}

/** Outermost quotations of one paragraph. */
function quotesIn(text: string, p: Paragraph): Quote[] {
  const out: Quote[] = [];
  let i = p.start;
  while (i < p.end) {
    const c = text[i]!;
    const prev = text[i - 1];
    // NYT style: two apostrophes open and close a quotation (''like this'').
    const doubled = c === "'" && text[i + 1] === "'" && !isWordChar(prev);
    // A closing mark that opens its paragraph before a letter can only be an opening one typed the
    // wrong way round ("”Fear. I am truly afraid …” ― a reader").
    const misturned = c === '”' && i === p.start && isWordChar(text[i + 1]);
    const closer = doubled ? "''" : misturned ? '”' : OPENERS[c];
    // A single quote opens only where an apostrophe cannot be: after a space or bracket, before a letter.
    const opens =
      closer !== undefined &&
      !(c === '‘' && (isWordChar(prev) || !isWordChar(text[i + 1]))) &&
      !(c === '"' && isWordChar(prev)); // 5'10" or a closing mark
    if (!opens) {
      i++;
      continue;
    }
    const openLen = doubled ? 2 : 1;
    let j = i + openLen;
    let found = -1;
    let reopened = false;
    while (j < p.end) {
      const d = text[j]!;
      if (reopensQuote(text, j, closer)) {
        // BBC style: a quote running over several sentences re-opens the mark at each one without
        // closing the last ("…20 years. "But the reality …," he said). The quote so far ends here
        // and the new mark continues it.
        reopened = true;
        found = j;
        break;
      }
      if (doubled ? text.startsWith("''", j) : d === closer || (closer === '”' && d === '"') || (closer === '"' && d === '”')) {
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
    if (found < 0 && (c === '‘' || doubled)) {
      i += openLen; // an unmatched single mark is an apostrophe or a typo, not a quotation
      continue;
    }
    const closed = found >= 0 && !reopened;
    const close = closed ? found + closer!.length : reopened ? found : p.end;
    let cs = i + openLen;
    let ce = closed ? found : close;
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

/**
 * Quotes that run on: an unclosed quote and the paragraph after it that re-opens the mark, or a quote
 * re-opened in the same paragraph after a sentence end.
 */
export function groupQuotes(text: string, paras: Paragraph[], quotes: Quote[]): Quote[][] {
  const groups: Quote[][] = [];
  for (const q of quotes) {
    const prevGroup = groups[groups.length - 1];
    const last = prevGroup?.[prevGroup.length - 1];
    const para = paras[q.paragraph]!;
    const continues = last && !last.closed && ((last.paragraph === q.paragraph - 1 && q.open === para.start) || (last.paragraph === q.paragraph && /^\s*$/.test(text.slice(last.close, q.open))));
    if (continues) prevGroup!.push(q);
    else groups.push([q]);
  }
  return groups;
}
