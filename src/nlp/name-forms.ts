// The forms one name takes: "Liberal Democrats", "Liberal Democrat", "Lib Dems"; "Labour Party",
// "Labour"; "Mr Blair", "Blair", "Tony Blair". Entities within an article and rows across the
// database are merged by the same rules, so they live here once.

/** Words that end an organisation's name without telling it apart: "Labour Party" is "Labour". */
const ORG_SUFFIXES = new Set(['party', 'plc', 'inc', 'ltd', 'llc', 'corp', 'corporation', 'co', 'company', 'group', 'ag', 'sa', 'gmbh']);

/** Honorifics and courtesy titles that stand before a surname: "Mr Blair", "Lord Falconer". */
export const HONORIFIC_PREFIX = /^(?:mr|mrs|ms|miss|dr|prof|professor|sir|dame|lord|lady|baroness|baron|rev|reverend)\.?\s+/i;

function singular(word: string): string {
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`; // Tories → Tory
  return /[^s]s$/.test(word) && word.length > 3 ? word.slice(0, -1) : word;
}

/** An organisation's name reduced to what tells it apart: lower case, no "the", no suffix, singular. */
export function orgBase(name: string): string {
  const words = name.toLowerCase().replace(/^the\s+/, '').replace(/[.,]/g, '').split(/\s+/).filter(Boolean);
  while (words.length > 1 && ORG_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words.map(singular).join(' ');
}

/** Is `short` a clipped form of `long`, word by word ("Lib Dems" of "Liberal Democrats")? */
export function clips(short: string, long: string): boolean {
  const a = orgBase(short).split(' ');
  const b = orgBase(long).split(' ');
  // One word clipped is too weak a sign ("Meta" and "Metal"); two or more clipped together are not.
  if (a.length < 2 || a.length !== b.length || a.join(' ') === b.join(' ')) return false;
  return a.every((w, i) => w.length >= 3 && b[i]!.startsWith(w));
}

/** A person's name without an honorific in front: "Mr Blair" → "Blair". */
export function withoutHonorific(name: string): string {
  return name.replace(HONORIFIC_PREFIX, '');
}
