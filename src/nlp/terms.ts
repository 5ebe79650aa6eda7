// One compromise pass over the article: every word with its part-of-speech tags and exact offsets.
// Entities, speakers and claims all read these tags, so the text is parsed only once.
import nlp from 'compromise';
import { cueBase } from './cues.js';
import type { Sentence } from './segment.js';

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

interface CompromiseDoc {
  document: CompromiseTerm[][];
  compute(hooks: string[]): void;
}

// nlp(text) runs every step of compromise's model; here two are left out and one is cut down.
// - The chunker groups words into phrases and sets no tags; nothing here reads its phrases.
// - The post-tagger sweeps 570 match patterns over every sentence to correct tags, and is about two
//   thirds of a parse. Only its patterns for names, places, organisations and dates matter to this
//   pass ("Stephen Hawking": a surname after a first name; "in May": a month); those 107 run, as the
//   post-tagger runs them. A parse costs about a third of nlp(text), and the tags these patterns set
//   are the same.
type Matches = Array<{ tag?: unknown }>;
interface Methods {
  one: { tokenize: { fromString(text: string, world: unknown): unknown } };
  two: { quickSplit(docs: unknown): Array<Array<{ index: [number, number] }>> };
}
interface ParsedView extends CompromiseDoc {
  docs: unknown;
  update(ptrs: number[][]): { sweep(net: unknown): unknown };
  uncache(): void;
  unfreeze(): void;
}
const world = nlp.world() as unknown as { methods: Methods };
const View = (nlp('') as unknown as { constructor: new (document: unknown) => ParsedView }).constructor;
const HOOKS = (nlp.hooks() as string[]).filter((h) => h !== 'chunks' && h !== 'postTagger');
const NAME_TAGS = /Person|LastName|FirstName|Honorific|Actor|Organization|SportsTeam|Place|Country|Region|City|Date|Month|WeekDay|Holiday/;
// Copies: building a net rewrites the patterns it is given, and nlp(text) still needs the originals.
const NAME_NET = nlp.buildNet(
  ((nlp.model() as unknown as { two: { matches: Matches } }).two.matches)
    .filter((m) => NAME_TAGS.test(String(m.tag ?? '')))
    .map((m) => ({ ...m })) as Parameters<typeof nlp.buildNet>[0],
);

function parse(text: string): CompromiseDoc {
  const doc = new View(world.methods.one.tokenize.fromString(text, world));
  doc.compute(HOOKS);
  // As compromise's post-tagger does it: sweep clause by clause, then let tags change again.
  const clauses = world.methods.two.quickSplit(doc.docs).map((terms) => [terms[0]!.index[0], terms[0]!.index[1], terms[0]!.index[1] + terms.length]);
  doc.update(clauses).sweep(NAME_NET);
  doc.uncache();
  doc.unfreeze();
  return doc;
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

/**
 * Tag the sentences that need tags, in one compromise pass. Tagging is most of compromise's cost,
 * and only two kinds of sentence use it: those with a capitalised word after their first (names)
 * and those with a reporting verb (speakers, clause checks). The rest are left untagged.
 */
/** Text parsed by compromise in one go: a long document is parsed in parts, so its parse is freed part by part. */
const PARSE_CHUNK_CHARS = 50_000;

export function tagText(text: string, sentences: Sentence[], skip: Set<number>, needsTags: (s: Sentence) => boolean = defaultNeedsTags): TermIndex {
  const terms: TaggedTerm[] = [];
  const segments = sentences.filter((s) => !skip.has(s.paragraph) && needsTags(s));
  // Parts end at sentence ends, where compromise's tags do not look across anyway.
  for (let from = 0; from < segments.length; ) {
    let to = from + 1;
    for (let size = segments[from]!.text.length; to < segments.length && size + segments[to]!.text.length < PARSE_CHUNK_CHARS; to++) size += segments[to]!.text.length + 2;
    tagSegments(segments.slice(from, to), terms);
    from = to;
  }
  return new TermIndex(text, terms);
}

function tagSegments(segments: Sentence[], terms: TaggedTerm[]): void {
  // Segments are joined by blank lines, which compromise treats as sentence ends, and each term is
  // mapped back to its offset in the article's text.
  const joined = segments.map((s) => s.text).join('\n\n');
  const doc = parse(joined);
  let cursor = 0;
  let si = 0;
  let base = 0; // offset of segments[si] in `joined`
  for (const sentence of doc.document) {
    for (const t of sentence) {
      // Implicit words of contractions ("didn’t" → "did not") have no text of their own.
      if (!t.text) continue;
      const at = joined.indexOf(t.text, cursor);
      if (at < 0 || at - cursor > 200) continue;
      cursor = at + t.text.length;
      while (si < segments.length - 1 && at >= base + segments[si]!.text.length + 2) {
        base += segments[si]!.text.length + 2;
        si++;
      }
      const start = segments[si]!.start + (at - base);
      terms.push({ text: t.text, start, end: start + t.text.length, tags: t.tags });
    }
  }
}

// Capitalised only because they open a sentence.
const OPENERS = new Set(
  ('the a an this that these those it its he she they we i his her their our my there here but and or so yet if when while as since ' +
    'because although though after before during in on at by for from with to of however meanwhile moreover also still then now ' +
    'today yesterday some many most all both each every other another one such what which who where why how despite according').split(' '),
);

const WORD = /[\p{L}][\p{L}'’-]*/gu;

function defaultNeedsTags(s: Sentence): boolean {
  let first = true;
  for (const m of s.text.matchAll(WORD)) {
    const w = m[0];
    if (!first && /^\p{Lu}|^\p{Ll}+\p{Lu}/u.test(w)) return true;
    if (cueBase(w)) return true;
    first = false;
  }
  // A name opening its sentence ("Japan began …"): a capitalised first word that is no function word.
  const firstWord = /^[“"‘(]?(\p{Lu}[\p{L}'’-]*)/u.exec(s.text)?.[1];
  return firstWord !== undefined && !OPENERS.has(firstWord.toLowerCase());
}

const lexiconLookups = new Map<string, boolean>();
/** Does compromise tag this word, read alone, with `match` ("#FirstName", "(#Adjective|#Adverb)")? Cached. */
export function wordIs(word: string, match: string): boolean {
  const key = `${match} ${word}`;
  let yes = lexiconLookups.get(key);
  if (yes === undefined) {
    if (lexiconLookups.size > 10_000) lexiconLookups.clear();
    lexiconLookups.set(key, (yes = nlp(word).has(match)));
  }
  return yes;
}

const LEXICON = (nlp.world() as unknown as { model: { one: { lexicon: Record<string, unknown> } } }).model.one.lexicon;
/** Is this word, lower-cased, in compromise's lexicon of known words? (Names it has never seen are not.) */
export function inLexicon(word: string): boolean {
  return Object.prototype.hasOwnProperty.call(LEXICON, word.toLowerCase());
}
