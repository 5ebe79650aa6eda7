// Paragraphs and sentences with exact offsets. News text breaks generic splitters in known
// ways (Mr., U.S., £28.7m, quotes that end sentences, headings without a full stop), so the
// splitter is ours and small.

export interface Sentence {
  start: number;
  end: number;
  text: string;
  paragraph: number;
  /** The sentence has no terminal punctuation and fills its line: a heading or a label. */
  heading: boolean;
}

export interface Paragraph {
  start: number;
  end: number;
  text: string;
  index: number;
}

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof st sr jr inc ltd co corp plc llc bros vs etc e.g i.e u.s u.k u.n e.u ' +
    'gov sen rep gen col capt lt sgt maj cmdr adm rev hon pres supt det insp no nos vol fig ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'approx est dept univ assn ave blvd rd mt ft al cf ca d.c a.m p.m'
  ).split(' '),
);

/** Lines of text separated by newlines; blank lines are dropped. */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (!body) continue;
    const start = m.index + lead;
    out.push({ start, end: start + body.length, text: body, index: out.length });
  }
  return out;
}

const CLOSERS = '"”’\')]»';

function isAbbreviation(text: string, dot: number): boolean {
  // The word before the dot, including inner dots ("U.S", "e.g").
  let i = dot - 1;
  while (i >= 0 && /[\p{L}.]/u.test(text[i]!)) i--;
  const word = text.slice(i + 1, dot).toLowerCase();
  if (!word) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // A single capital initial: "J. K. Rowling".
  if (/^\p{Lu}$/u.test(text.slice(i + 1, dot))) return true;
  // Dotted acronyms such as "U.S." are handled by the set; "A.I." by this shape.
  return /^(\p{L}\.)+\p{L}$/u.test(word);
}

/** Split one paragraph into sentences. */
function splitParagraph(text: string, p: Paragraph, out: Sentence[]): void {
  const s = p.text;
  let begin = 0;
  const push = (from: number, to: number) => {
    const raw = s.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (!body) return;
    const start = p.start + from + lead;
    out.push({ start, end: start + body.length, text: body, paragraph: p.index, heading: false });
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    if (c === '.' && isAbbreviation(s, i)) {
      // "in the U.S. The" still ends a sentence when a capitalised function word follows.
      const rest = s.slice(i + 1);
      if (!/^\s+(The|A|An|It|He|She|They|We|But|In|On|This|That|Meanwhile|However)\s/.test(rest)) continue;
    }
    let j = i + 1;
    while (j < s.length && (s[j] === '.' || s[j] === '!' || s[j] === '?')) j++;
    // Closing quotes, brackets and reference markers belong to the sentence they end.
    for (;;) {
      if (j < s.length && CLOSERS.includes(s[j]!)) j++;
      else if (s[j] === '[' && /^\[\d+\]/.test(s.slice(j))) j = s.indexOf(']', j) + 1;
      else break;
    }
    if (j >= s.length) break;
    if (!/\s/.test(s[j]!)) continue; // "3.5", "example.com", "?!"
    let k = j;
    while (k < s.length && /\s/.test(s[k]!)) k++;
    const next = s[k];
    if (next === undefined) break;
    // A new sentence starts with a capital, a digit, an opening quote or bracket.
    if (!/[\p{Lu}\p{N}"“‘'(\[«¿¡#-]/u.test(next)) continue;
    push(begin, j);
    begin = k;
    i = k - 1;
  }
  push(begin, s.length);
}

/** Every word of four letters or more capitalised, at least three of them, no colon: "Sanders Says He Will Run." */
function titleCase(line: string): boolean {
  const long = line.match(/[\p{L}][\p{L}'’-]{3,}/gu) ?? [];
  return long.length >= 3 && long.every((w) => /^\p{Lu}/u.test(w)) && !line.includes(':');
}

export function sentences(text: string, paras: Paragraph[] = paragraphs(text)): Sentence[] {
  const out: Sentence[] = [];
  for (const p of paras) {
    const before = out.length;
    splitParagraph(text, p, out);
    if (out.length === before + 1) {
      const only = out[before]!;
      // (A first line in title case is the headline even with a full stop, as some archives print one.)
      only.heading = (!/[.!?…:;"”’)\]]$/.test(only.text) || (p.index === 0 && titleCase(only.text))) && only.text.split(/\s+/).length <= 20;
    }
  }
  return out;
}
