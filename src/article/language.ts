// The language of an article as a BCP 47 tag: what the page declares, else a guess from its words.

/**
 * A declared language made a BCP 47 tag: "en_GB" → "en-GB", "EN-us" → "en-US", "fr" → "fr"; null when
 * it is not one ("x", "english").
 */
export function bcp47(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m = /^\s*([a-z]{2,3})(?:[-_]([a-z]{2}|\d{3}|[a-z]{4}))?(?:[-_].*)?\s*$/i.exec(raw);
  if (!m) return null;
  const region = m[2] ? (m[2].length === 4 ? m[2][0]!.toUpperCase() + m[2].slice(1).toLowerCase() : m[2].toUpperCase()) : null;
  return region ? `${m[1]!.toLowerCase()}-${region}` : m[1]!.toLowerCase();
}

// The commonest short words of each language, which make up a good part of any text in it.
const FUNCTION_WORDS: Record<string, string[]> = {
  en: 'the of and to in is that it was for on are with as his they be at by this from have not but had what which'.split(' '),
  fr: 'le la les de des et est un une que qui dans pour pas sur au du par plus ce il elle sont avec ne se'.split(' '),
  de: 'der die das und ist nicht ein eine zu den von mit sich des auf für im dem sie es auch als an wird'.split(' '),
  es: 'el la los las de que y en un una es por con para no se del al lo como más pero sus le ha'.split(' '),
  it: 'il lo la gli le di che e un una è per non con si del della sono da al nel ha anche come'.split(' '),
  pt: 'o a os as de que e um uma é do da em para com não se por mais dos das ao foi como'.split(' '),
  nl: 'de het een en van is dat op te in niet met zijn voor die er aan ook als bij door wordt'.split(' '),
};

/** A guess from the text's commonest words, when at least 40 words and a clear lead say so; else null. */
export function languageOfText(text: string): string | null {
  const words = text.slice(0, 20_000).toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 40) return null;
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const scores = Object.entries(FUNCTION_WORDS).map(([lang, list]) => [lang, list.reduce((n, w) => n + (counts.get(w) ?? 0), 0) / words.length] as const);
  scores.sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  return best![1] >= 0.1 && best![1] >= 1.5 * second![1] ? best![0] : null;
}
