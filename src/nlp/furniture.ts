// Page furniture in plain text: navigation labels, share widgets, author boxes, hashtag lines,
// repeated headlines and consent notices. Such paragraphs yield no claims, entities or quotes.
import type { Paragraph } from './segment.js';

const FURNITURE_LINE =
  /^(skip to (main )?content|share( this( article| story| post)?)?( on \w+)?|read (also|more|next)|related( (articles|stories|posts|content|news))?|unpack more|latest( news)?|advertisement|sponsored( content)?|subscribe( now)?|sign up( for [\w\s]+)?|staff (writer|reporter)|(senior |contributing )?(editor|writer|reporter|correspondent)|follow us( on [\w\s]+)?|comments?|print|email|tweet|menu|home|search|close|loading|more from [\w\s]+|you may also like|recommended( for you)?|trending( now)?|tags?|topics?|photo|image|video|listen to this article|back to top|continue reading)\s*[:.…]*$/i;

const CONSENT =
  /\b(cookies?|cookie ids?|tracking|gdpr|consent|privacy (policy|statement)|personal data|third countries|withdraw (your )?consent)\b/gi;

export function furnitureParagraphs(paras: Paragraph[]): Set<number> {
  const out = new Set<number>();
  const seen = new Map<string, number>();
  for (const p of paras) {
    const t = p.text;
    const words = t.split(/\s+/);
    if (FURNITURE_LINE.test(t)) {
      out.add(p.index);
      // An author box: the short bio after a "Staff Writer" label.
      const next = paras[p.index + 1];
      if (/^staff (writer|reporter)|^(senior |contributing )?(editor|writer|reporter|correspondent)$/i.test(t) && next && next.text.length < 300 && !FURNITURE_LINE.test(next.text)) out.add(next.index);
    }
    else if (words.length >= 2 && words.filter((w) => w.startsWith('#')).length / words.length >= 0.5) out.add(p.index);
    else if ((t.match(CONSENT) ?? []).length >= 2) out.add(p.index);
    else if (/^(\[\d+\]\s*\S+\s*)+$/.test(t)) out.add(p.index); // a reference list
    // A short line repeated verbatim (a headline shown three times) is kept once.
    const key = t.toLowerCase();
    if (t.length < 100) {
      if (seen.has(key)) {
        out.add(p.index);
        out.add(seen.get(key)!);
      } else seen.set(key, p.index);
    }
  }
  return out;
}
