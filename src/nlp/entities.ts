// Named entities: compromise's term tags, plus our own reading of capitalisation, a small
// gazetteer and suffix rules, merged into one entity per real-world thing in the article.
import type { Entity, EntityType, Span } from '../types.js';
import { isSportsText, weighType } from './entity-types.js';
import { clips, orgBase } from './name-forms.js';
import { canonicalNames, countryNames, demonymSet, knownNames } from './lexicon.js';
import type { Paragraph, Sentence } from './segment.js';
import { inLexicon, wordIs, type TermIndex } from './terms.js';

interface Term {
  text: string;
  start: number;
  end: number;
  tags: ReadonlySet<string>;
  /** Punctuation or space between this term and the next one. */
  gapAfter: string;
  sentenceInitial: boolean;
  possessive: boolean;
  /** In a title-case line (a headline, a bullet label): capitals there are no evidence of a name. */
  titleCase: boolean;
  /** In a results table or a list item, where capitals start names, not sentences. */
  listed: boolean;
}

/** A run of name-like terms: one mention before merging. */
interface Chain {
  terms: Term[];
  honorific: string | null;
}

/** The particles of a surname, which may stand two together ("Joost van der Westhuizen", "Inzamam-ul-Haq"). */
const NAME_PARTICLES = new Set(['de', 'del', 'della', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'da', 'di', 'dos', 'das', 'al', 'el', 'bin', 'ibn', 'ul', 'ur']);
const CONNECTORS = new Set(['of', 'for', '&', 'on', ...NAME_PARTICLES]);
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev']);
const PEER_TITLES = new Set(['lord', 'lady', 'baroness', 'baron', 'viscount', 'viscountess', 'earl', 'countess', 'dame', 'sir']);
const TITLES = new Set([
  'president', 'senator', 'sen', 'governor', 'gov', 'rep', 'representative', 'judge', 'justice', 'minister',
  'chancellor', 'secretary', 'mayor', 'general', 'gen', 'king', 'queen', 'prince', 'princess', 'pope', 'ceo',
  'chairman', 'chairwoman', 'director', 'commissioner', 'ambassador', 'captain', 'coach', 'premier', 'speaker',
  'detective', 'inspector', 'officer', 'sheriff', 'attorney', 'chief', 'vice', 'deputy', 'former', 'prime',
]);
// Words joined to a name by a hyphen that make it an adjective ("Blair-era", "Smith-led").
const HYPHEN_WORDS = new Set('era led run born made free wide only like type held based owned style ally camp side wing'.split(' '));
// Sports, which name a wire report's section before its headline ("SOCCER - …").
const SPORTS = new Set('soccer golf cricket tennis baseball basketball athletics cycling boxing squash swimming motorcycling badminton volleyball handball skiing rowing sailing snooker darts'.split(' '));
// Occupations and positions that open a sentence before a name and are no part of it: "Broker
// Khurshid Alam said", "Fullback Andre Joubert scored".
const ROLE_WORDS = new Set(
  ('broker dealer trader analyst economist strategist spokesman spokeswoman lawyer attorney actor actress singer ' +
    'novelist author writer historian professor bishop archbishop cardinal lieutenant colonel sergeant corporal ' +
    'veteran rookie fullback centre center winger wing flanker prop hooker lock scrum-half fly-half striker ' +
    'defender midfielder goalkeeper keeper forward pitcher catcher shortstop outfielder batsman bowler all-rounder ' +
    'opener skipper manager coach rider driver jockey trainer champion challenger newcomer teenager').split(' '),
);
// Capitalised words that are not names even mid-sentence, and acronyms of common nouns.
const NOT_NAMES = new Set(
  (
    'i ai ceo cfo cto coo vp svp evp r&d roi gdp tv pc id ids faq pdf ok am pm ad bc html url api ui ux usb ' +
    'cookie cookies internet web monday tuesday wednesday thursday friday saturday sunday january february march ' +
    'april june july august september october november december genai llm llms ml nlp covid-19 q1 q2 q3 q4 ' +
    'first second third fourth fifth sixth seventh eighth ninth tenth last next gmt edt est bst cet rbi era c$ us$ a$ eps ' +
    // Acronyms of things, not names ("a DVD", "PVRs").
    'dvd dvds pvr pvrs vod mp3 cd cds sms hdtv tvs pcs atm atms ' +
    // "Test rugby", "a Test series": a kind of match.
    'test tests ' +
    // Members of a body, not the body: "Labour MP George Galloway" is Labour and George Galloway.
    'mp mps msp msps mep meps mla mlas'
  ).split(' '),
);
// Sentence-initial capitals that never start a name.
const FUNCTION_WORDS = new Set(
  (
    'the a an this that these those it its he she they we you i his her their our my your there here ' +
    'but and or so yet if when while as since because although though after before during in on at by for ' +
    'from with without to of about into over under between among against however meanwhile moreover ' +
    'furthermore also still then now today yesterday tomorrow initially previously consequently frankly ' +
    'members users reports some many most all both each every other another one two three such what which ' +
    'who whom whose where why how despite according late early last next first second third new more'
  ).split(' '),
);

const ORG_WORDS = new Set(
  (
    'inc inc. corp corp. corporation ltd ltd. llc plc co co. company companies group community committee university ' +
    'college school agency office ministry department council association foundation institute bank alliance ' +
    'party court commission authority board union technologies labs lab systems network club fc united society ' +
    'service services organisation organization federation league trust fund partners capital holdings media ' +
    'ai airlines airways motors pharmaceuticals bureau administration assembly parliament congress senate police ' +
    'army navy force forces team center centre hospital museum review times post news journal gazette herald ' +
    'tribune chronicle observer telegraph courier standard express daily inquirer exchange newsroom desk treasury xi ' +
    // Clubs named after their town: "Glasgow Rangers", "Blackburn Rovers", "Wigan Athletic".
    'rangers rovers athletic wanderers albion hotspur ' +
    // Companies' legal forms abroad: "Ruch SA", "Deutsche Bank AG", "Fiat S.p.A.", "Volvo AB" (not "SpA":
    // "Leamington Spa" is a town).
    'sa s.a. ag nv n.v. bv gmbh s.p.a. ab asa oyj bhd pty pte llp lp'
  ).split(' '),
);
const PLACE_WORDS = new Set(
  ('city county street river island islands mountains province state valley lake sea ocean bay district region airport ' +
    // Buildings and venues: "Kodak Theatre", "Goodison Park", "Millennium Stadium".
    'theatre theater stadium arena park square gardens cathedral abbey station').split(' '),
);
// Place words that are also common surnames: after a first name they end a person's name ("Richard Hill").
const SURNAME_PLACE_WORDS = new Set('hill wood woods green field fields brook brooks ford lake marsh bush banks church'.split(' '));
const OTHER_WORDS = new Set('plan act bill doctrine accord accords agreement treaty convention charter manifesto protocol directive'.split(' '));
const EVENT_WORDS = new Set('cup olympics games championship championships summit conference war election festival awards open classic final finals prix series trophy tournament marathon rally grand-prix'.split(' '));

// What follows a dateline's place: a date, perhaps after its country ("NEW YORK 1996-08-30", "WIGAN ,
// England 1996-08-31", "LONDON, Dec 1 -").
const DATELINE_AFTER = /^[ \t]*(?:,[ \t]*\p{Lu}[\p{L} .]{1,30}?[ \t]*)?(?:\d{4}-\d\d-\d\d\b|,?[ \t]*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}\b)/u;
// A match result on a line of its own: two names, each with a score.
const RESULT_LINE = /^[ \t]*\p{Lu}[\p{L}'’.&-]*(?:[ \t]+\p{Lu}[\p{L}'’.&-]*){0,3}[ \t]+\d{1,2}[ \t]+\p{Lu}[\p{L}'’.&-]*(?:[ \t]+\p{Lu}[\p{L}'’.&-]*){0,3}[ \t]+\d{1,2}[ \t]*$/u;
// A standings row after the team's name: games, wins and losses, and a winning percentage (".462").
// Or a league table's row: played, won, drawn, lost, goals for and against, points ("Greenock Morton
// 3 2 0 1 5 2 6"); five whole numbers and nothing else after a name are a side's record.
const STANDINGS_ROW = /^(?:(?:[ \t]+\d+){2,}[ \t]+\.\d{3}\b|(?:[ \t]+\d+){5,}[ \t]*$)/;
const POSSESSIVE = /['’]s?$/;

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word) || /^\p{Ll}+\p{Lu}/u.test(word); // "iPhone", "eBay"
}

function termsOf(text: string, para: Paragraph, index: TermIndex, sentenceStarts: Set<number>): Term[] {
  const out: Term[] = [];
  // A results line: several numbers and no prose ("Bath 25 Saracens 17", "BALTIMORE 74 58 .561").
  const isTable = (s: string) => (s.match(/(?:^|\s)[\d.:-]*\d(?=\s|$)/g) ?? []).length >= 2 && !/\b\p{Ll}{4,}\b/u.test(s);
  const table = isTable(para.text);
  // A paragraph of several lines may hold a table under a heading ("Welsh division one⏎Bridgend 13
  // Llanelli 9"): each line is judged on its own.
  const lineTable = new Map<number, boolean>();
  const inTableLine = (pos: number) => {
    const from = Math.max(para.start, text.lastIndexOf('\n', pos - 1) + 1);
    let v = lineTable.get(from);
    if (v === undefined) {
      const nl = text.indexOf('\n', pos);
      const line = text.slice(from, nl >= 0 && nl < para.end ? nl : para.end);
      lineTable.set(from, (v = line !== para.text && isTable(line)));
    }
    return v;
  };
  for (const t of index.within(para.start, para.end)) {
    const surface = t.text;
    const possessive = POSSESSIVE.test(surface) && surface.length > 2;
    const clean = possessive ? surface.replace(POSSESSIVE, '') : surface;
    let before = t.start - 1;
    while (before >= para.start && /["“”‘’'()[\]«»\s]/.test(text[before]!)) before--;
    // After "P." or "Mr." a word does not start a sentence.
    const afterInitial = text[before] === '.' && /(?:^|[\s(])(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Sen|Gov|Rep|Gen|Prof)$/u.test(text.slice(Math.max(para.start, before - 5), before));
    // In a list item ("1. Nolan Henke 66") or a results table, capitals start names, not sentences.
    const listed = table || /^\s*(?:\d+[.)]|[-•*])\s*$/.test(text.slice(para.start, t.start)) || inTableLine(t.start);
    const sentenceInitial = !listed && ((sentenceStarts.has(t.start) && !afterInitial) || before < para.start || (/[.!?:;]/.test(text[before]!) && !afterInitial));
    out.push({ text: clean, start: t.start, end: t.start + clean.length, tags: t.tags, gapAfter: '', sentenceInitial, possessive, titleCase: false, listed });
  }
  // A list or a results table is no headline, whatever its capitals.
  if (!table && !/^\s*\d+[.)]\s/.test(para.text)) markTitleCase(text, para, out);
  for (let i = 0; i < out.length - 1; i++) out[i]!.gapAfter = text.slice(out[i]!.end, out[i + 1]!.start);
  return out;
}

const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'at', 'by', 'from', 'as', 'is', 'vs']);

/** Mark terms of title-case stretches: a heading line, or a bullet label before a colon. */
function markTitleCase(text: string, para: Paragraph, terms: Term[]): void {
  const segments: Array<[number, number]> = [];
  const colon = /^[-•*\s]*([^:.!?]{3,80}):\s/.exec(para.text);
  if (colon) segments.push([para.start, para.start + colon[0].length]);
  // (The first line may end in a full stop and still be the headline, as some archives print one;
  // the check below still wants every content word capitalised.)
  if ((!/[.!?:]["”’)]?$/.test(para.text) || (para.index === 0 && /^[^.!?:]+[.!?]["”’)]?$/.test(para.text))) && para.text.length < 200) segments.push([para.start, para.end]);
  // A line mostly in capitals (a wire-service headline, "ENGLAND BEAT MOLDOVA .") is title case too.
  const letterWords = terms.filter((t) => /\p{L}{2,}/u.test(t.text));
  if (letterWords.length >= 3 && letterWords.filter((t) => /^[\p{Lu}\d'’.-]+$/u.test(t.text)).length / letterWords.length >= 0.6) {
    for (const t of terms) t.titleCase = true;
    return;
  }
  for (const [from, to] of segments) {
    const inside = terms.filter((t) => t.start >= from && t.end <= to && /\p{L}/u.test(t.text));
    const content = inside.filter((t) => !SMALL_WORDS.has(t.text.toLowerCase()));
    if (content.length < 2) continue;
    const caps = content.filter((t) => isCapitalised(t.text)).length;
    // Title case capitalises every content word; one lowercase word ("beat") means ordinary prose.
    // A line of nothing but names ("Nolan Henke 66 , Bob Estes 67") is a list, not a headline;
    // a headline has grammar: a verb, or small words between its capitals ("Joins with", "of the").
    const wordy =
      content.some((t) => t.tags.has('Verb') && !t.tags.has('ProperNoun')) ||
      inside.some((t) => SMALL_WORDS.has(t.text.toLowerCase())) ||
      (content.length >= 2 && content.every((t) => !t.tags.has('Person')));
    if (caps === content.length && wordy) for (const t of inside) t.titleCase = true;
  }
}

/** Verbs whose subject opens a sentence: "Klinsmann said", "Rosati will meet". */
const SUBJECT_VERB = /^(?:said|told|added|joked|denied|insisted|warned|wrote|will|would|planned)$/
/** Endings of common nouns, which the lexicon may lack ("Privatisation was …"). */
const COMMON_SUFFIX = /(?:tion|sion|ment|ness|ity|ance|ence|ism|ship|ing|ure|age|ery|ogy|ics|dom|hood)$/;

function nameLike(t: Term, midSentenceCaps: Set<string>, next?: Term, prev?: Term): boolean {
  const w = t.text;
  if (!isCapitalised(w) || !/\p{L}/u.test(w)) return false;
  const lower = w.toLowerCase();
  if (NOT_NAMES.has(lower) || HONORIFICS.has(lower) || /['’](ll|m|re|ve|d)$/i.test(w)) return false;
  if (t.tags.has('Date') || t.tags.has('Month') || t.tags.has('WeekDay')) return false;
  if (t.tags.has('Determiner') || t.tags.has('Pronoun')) return knownNames().has(lower);
  // "MPs", "SMEs": the plural of an acronym is a group of common things, not a name.
  if (/^\p{Lu}{2,}s$/u.test(w) && !knownNames().has(lower)) return false;
  const proper = ['Person', 'Place', 'Organization', 'ProperNoun'].some((x) => t.tags.has(x));
  // "Australian", "Black users" describe; "White House" and "Black Sea" are names the gazetteer knows.
  if (demonymSet().has(lower) && !(next && knownNames().has(`${lower} ${next.text.toLowerCase()}`))) return false;
  // "South Korean", "West German": a direction before a demonym describes too.
  if (/^(north|south|east|west|northern|southern|eastern|western|central)$/.test(lower) && next && demonymSet().has(next.text.toLowerCase())) return false;
  // "GOLF - HENKE TAKES LEAD": a sport naming a wire report's section is no name.
  if (SPORTS.has(lower) && /^[ \t]*-/.test(t.gapAfter + (next?.text ?? '')) && (t.sentenceInitial || t.titleCase)) return false;
  if (t.sentenceInitial || t.titleCase) {
    // "New York", "NEW YORK": a known pair beats the function-word list.
    if (next && /^[ \t]*$/.test(t.gapAfter) && knownNames().has(`${lower} ${next.text.toLowerCase()}`)) return true;
    if (FUNCTION_WORDS.has(lower)) return false;
    // "Seven Iraqis were charged": a number opening a sentence counts what follows; it begins a name
    // only before a capitalised singular ("One Nation").
    if (t.tags.has('TextValue') && !(next && /^[ \t]*$/.test(t.gapAfter) && isCapitalised(next.text) && !next.tags.has('Plural') && !demonymSet().has(next.text.toLowerCase()))) return false;
    // An all-caps headline word is a name when the body writes it as one ("LEICESTERSHIRE").
    const titled = /^\p{Lu}{3,}$/u.test(w) ? w[0] + lower.slice(1) : w;
    if (knownNames().has(lower) || midSentenceCaps.has(w) || midSentenceCaps.has(titled)) return true;
    // "South Africa" opening a sentence: the pair is known or was seen mid-sentence.
    if (['Adverb', 'Determiner', 'Conjunction', 'Preposition', 'Pronoun'].some((x) => t.tags.has(x))) return false;
    if (next && /^[ \t]*$/.test(t.gapAfter) && isCapitalised(next.text)) {
      const pair = `${w} ${next.text}`;
      const titledPair = `${titled} ${/^\p{Lu}{3,}$/u.test(next.text) ? next.text[0] + next.text.slice(1).toLowerCase() : next.text}`;
      if (midSentenceCaps.has(pair) || midSentenceCaps.has(titledPair) || knownNames().has(pair.toLowerCase())) return true;
    }
    // …and the second word of such a pair ("LOS ANGELES").
    if (prev && /^[ \t]*$/.test(prev.gapAfter) && knownNames().has(`${prev.text} ${w}`.toLowerCase())) return true;
    if (t.titleCase) return false;
    // "U.N. officials said", "UEFA came down on …": an acronym opening a sentence is a name (the
    // acronyms of things are in NOT_NAMES, above).
    if (/^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,6}$/u.test(w) && !FUNCTION_WORDS.has(lower)) return true;
    // "Klinsmann said …", "Rosati will meet …": a word the lexicon has never seen, opening a sentence
    // as the subject of a verb, is a name (a common noun there would have its determiner).
    if (next && /^[ \t]+$/.test(t.gapAfter) && SUBJECT_VERB.test(next.text) && /^\p{Lu}\p{Ll}{2,}$/u.test(w) && !inLexicon(w) && !COMMON_SUFFIX.test(lower) && !t.tags.has('Plural')) return true;
    const ordinary = ['Determiner', 'Pronoun', 'Preposition', 'Conjunction', 'Adverb', 'Verb', 'Adjective', 'QuestionWord'].some((x) => t.tags.has(x));
    // A plural opening a sentence ("Advertisers could …", "Changes in …") is a common noun.
    const pluralLooking = t.tags.has('Plural') || /^\p{Lu}\p{Ll}{3,}(?<![su])s$/u.test(w);
    if (pluralLooking && !t.tags.has('Person') && !t.tags.has('Place') && !t.tags.has('Organization')) return false;
    return proper && !ordinary;
  }
  // Mid-sentence, a capitalised verb or adjective that compromise does not know as a name is
  // a headline word or an epithet ("Angling", "Black users").
  // A capitalised -ing word inside a sentence is a verb run into a headline ("… to it Angling to stay").
  if (/^\p{Lu}\p{Ll}+ing$/u.test(w) && !knownNames().has(lower) && !['Person', 'Place', 'Organization'].some((x) => t.tags.has(x))) return false;
  // In a results table a capitalised word before a score is a side's name, whatever the tagger
  // makes of it ("Saracens 25 Leicester 23", "Bridgend 13 Llanelli 9").
  if (t.listed && next && /^[ \t]+$/.test(t.gapAfter) && /^\d/.test(next.text)) return true;
  const nameFollows = next !== undefined && /^[ \t]*$/.test(t.gapAfter) && isCapitalised(next.text);
  const afterFirstName = prev !== undefined && /^[ \t]*$/.test(prev.gapAfter) && (prev.tags.has('FirstName') || prev.tags.has('Person'));
  if (!proper && !nameFollows && !afterFirstName && !knownNames().has(lower) && (t.tags.has('Verb') || t.tags.has('Adjective'))) return false;
  return true;
}

function chainsOf(terms: Term[], midSentenceCaps: Set<string>): Chain[] {
  const chains: Chain[] = [];
  let cur: Term[] = [];
  let honorific: string | null = null;
  const close = () => {
    // A connector cannot end a name ("Bank of").
    while (cur.length && CONNECTORS.has(cur[cur.length - 1]!.text.toLowerCase())) cur.pop();
    if (cur.length) chains.push({ terms: cur, honorific });
    cur = [];
    honorific = null;
  };
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    const lower = t.text.toLowerCase().replace(/\.$/, '');
    const prev = terms[i - 1];
    // "P. Simmons": an initial and its dot belong to the name.
    const joined =
      prev !== undefined &&
      !prev.possessive &&
      (/^[ \t]*$/.test(prev.gapAfter) || prev.gapAfter === '-' || (/^\.[ \t]*$/.test(prev.gapAfter) && /^\p{Lu}$/u.test(prev.text)));
    const next = terms[i + 1];
    if (!cur.length && (HONORIFICS.has(lower) || TITLES.has(lower)) && next && isCapitalised(next.text) && !NOT_AFTER_TITLE.has(next.text.toLowerCase()) && /^\.?[ \t]*$/.test(t.gapAfter)) {
      // "Mr Zuckerberg", "President Obama", "CEO Mark Zuckerberg": the title is not part of the name.
      if (isCapitalised(t.text)) {
        honorific = t.text;
        continue;
      }
    }
    // Acronyms of common nouns may sit inside a name: "Meta AI", "Open Innovation AI Research Community".
    const pairSeen = prev !== undefined && (midSentenceCaps.has(`${prev.text} ${t.text}`) || knownNames().has(`${prev.text} ${t.text}`.toLowerCase()));
    const acronym = /^\p{Lu}{2,4}$/u.test(t.text) && ((!t.sentenceInitial && !t.titleCase) || pairSeen);
    const nextJoined = next !== undefined && /^[ \t]*$/.test(t.gapAfter) && !t.possessive && nameLike(next, midSentenceCaps, terms[i + 2], t);
    const innerAcronym = acronym && ((cur.length > 0 && joined) || nextJoined);
    // An initial before a name ("A. Dale"), even where the letter is also a word.
    const initial = /^\p{Lu}$/u.test(t.text) && next !== undefined && /^\.[ \t]*$/.test(t.gapAfter) && isCapitalised(next.text);
    // A connector inside a name: a capitalised word follows it, after any further particles.
    let after = i + 1;
    if (NAME_PARTICLES.has(lower)) while (terms[after] && NAME_PARTICLES.has(terms[after]!.text.toLowerCase()) && /^[ \t-]*$/.test(terms[after - 1]!.gapAfter)) after++;
    const connects = cur.length > 0 && joined && CONNECTORS.has(lower) && terms[after] !== undefined && isCapitalised(terms[after]!.text) && /^[ \t-]*$/.test(terms[after - 1]!.gapAfter);
    if (initial || nameLike(t, midSentenceCaps, next, prev) || innerAcronym || connects) {
      if (cur.length && !joined) close();
      cur.push(t);
      if (t.possessive) close();
    } else close();
  }
  close();
  return chains;
}

const OF_HEADS = new Set(['series', 'championship', 'championships', 'cup', 'games', 'festival', 'tour', 'duke', 'duchess', 'king', 'queen', 'prince', 'princess', 'earl', 'house', 'city', 'state', 'states', 'republic', 'kingdom', 'isle', 'isles', 'gulf', 'bay', 'sea', 'cape', 'lake', 'mount', 'port', 'bank', 'university', 'church', 'museum', 'court', 'republic', 'province', 'district', 'county', 'secretary', 'minister', 'ministry', 'department', 'office', 'institute', 'school', 'college', 'academy', 'society', 'association', 'federation', 'union', 'league', 'council', 'board', 'chamber', 'commission', 'committee', 'bureau', 'army', 'order', 'friends', 'sons', 'daughters', 'people', 'war', 'battle', 'siege', 'treaty', 'statue', 'tower', 'palace', 'lord', 'lady', 'sisters', 'brothers', 'archbishop', 'bishop', 'mayor', 'governor', 'president', 'chancellor', 'director', 'editor']);

const CHAIN_TITLES = new Set([
  'governor', 'gov', 'secretary', 'minister', 'president', 'chairman', 'chairwoman', 'cardinal', 'senator', 'sen', 'rep', 'judge',
  'democrat', 'republican', 'spokesman', 'spokeswoman', 'director', 'chief', 'ambassador', 'mayor', 'general', 'coach', 'manager', 'captain',
  'economist', 'analyst', 'strategist', 'professor', 'prince', 'princess', 'premier', 'chancellor', 'commissioner', 'prosecutor', 'lawyer',
  'mp', 'msp', 'mep', 'mla', 'am', 'peer', 'leader', 'treasurer', 'spokesperson', 'whip',
]);
// Words after a title that show it is no title here: "General Election", "General Motors", "President's Cup".
const NOT_AFTER_TITLE = new Set(['election', 'elections', 'assembly', 'motors', 'electric', 'dynamics', 'mills', 'hospital', 'strike', 'council', 'secretary', 'court', 'medical', 'accounting', 'office']);
// Titles that follow a party's name: "Labour MP", "Tory leader".
const PARTY_TITLES = new Set(['mp', 'mps', 'msp', 'msps', 'mep', 'meps', 'mla', 'am', 'peer', 'peers', 'leader', 'treasurer', 'spokesman', 'spokeswoman', 'spokesperson', 'whip', 'candidate', 'councillor']);

// Words that qualify a title: "Home Secretary", "Deputy Prime Minister", "Shadow Chancellor".
const TITLE_QUALIFIERS = new Set(
  'home foreign finance prime deputy shadow health education trade industry defence defense culture transport work pensions environment energy interior economy treasury junior first culture media sport northern scottish welsh'.split(' '),
);

function isBareTitle(name: string): boolean {
  const words = name.toLowerCase().split(/\s+/);
  return TITLES.has(words[words.length - 1]!) && !knownNames().has(name.toLowerCase()) && words.every((w) => TITLES.has(w) || TITLE_QUALIFIERS.has(w) || w === 'and' || w === 'of');
}

/** Split a chain where a title or "of" joins two names: "Foreign Minister David Levy", "Lynn Reaser of Barnett Banks". */
function splitChain(c: Chain): Chain[] {
  // A role word leading a person's name is no part of it: "Economist Joel Naroff".
  if (c.terms.length >= 3 && c.terms[0]!.tags.has('Actor') && !c.terms[0]!.tags.has('Person') && c.terms[1]!.tags.has('Person')) c = { terms: c.terms.slice(1), honorific: c.terms[0]!.text };
  // So is a common noun opening a sentence before a first name: "Broker Khurshid Alam said",
  // "Fullback Andre Joubert scored".
  else if (c.terms.length >= 3 && c.terms[0]!.sentenceInitial && ROLE_WORDS.has(c.terms[0]!.text.toLowerCase())) c = { terms: c.terms.slice(1), honorific: null };
  // "Labour MP", "Tory leader": a title ending the chain names no one; the party before it stays.
  const lastLower = c.terms[c.terms.length - 1]!.text.toLowerCase().replace(/\.$/, '');
  if (c.terms.length >= 2 && PARTY_TITLES.has(lastLower)) c = { terms: c.terms.slice(0, -1), honorific: c.honorific };
  const words = c.terms;
  // "Chicago NAPM", "Tokyo SE": a known place before an acronym is where the body is, not its name.
  if (words.length === 2 && knownNames().get(words[0]!.text.toLowerCase()) === 'place' && /^\p{Lu}{2,6}$/u.test(words[1]!.text) && !knownNames().has(`${words[0]!.text} ${words[1]!.text}`.toLowerCase()))
    return [{ terms: words.slice(0, 1), honorific: null }, { terms: words.slice(1), honorific: null }];
  // "Fellow Lib Dem Norman Baker", "Veteran Labour MP", "London Tory": a word before a party's name
  // describes the member; it is a name of its own only if it is a known one ("London").
  for (let k = 2; k >= 1; k--) {
    if (words.length <= 1) break;
    const party = words.slice(1, 1 + k).map((w) => w.text).join(' ').toLowerCase();
    if (words.length < 1 + k || knownNames().get(party) !== 'organization' || !canonicalNames().has(party)) continue;
    const first = words[0]!.text.toLowerCase();
    if (knownNames().has(`${first} ${party}`)) break;
    const lead = knownNames().has(first) ? [{ terms: words.slice(0, 1), honorific: null }] : [];
    return [...lead, ...splitChain({ terms: words.slice(1), honorific: c.honorific })];
  }
  // "Tory Liam Fox", "Lib Dem Norman Baker": a party (or other known body) before a person's name.
  for (let k = 1; k <= 2 && k < words.length - 1; k++) {
    const prefix = words.slice(0, k).map((w) => w.text).join(' ').toLowerCase();
    if (knownNames().get(prefix) === 'organization' && (words[k]!.tags.has('FirstName') || words[k]!.tags.has('Honorific'))) {
      return [{ terms: words.slice(0, k), honorific: null }, ...splitChain({ terms: words.slice(k), honorific: c.honorific })];
    }
  }
  for (let i = 0; i < words.length - 1; i++) {
    const lower = words[i]!.text.toLowerCase().replace(/\.$/, '');
    // "General Election", "General Motors", "Secretary General": a title before such a word names no one.
    if (CHAIN_TITLES.has(lower) && i + 1 < words.length && !NOT_AFTER_TITLE.has(words[i + 1]!.text.toLowerCase())) {
      const before = words.slice(0, i);
      let after = words.slice(i + 1);
      // "Labour MP for Hornsey": after the title comes a constituency, not a person.
      const seat = /^(?:for|of)$/i.test(after[0]!.text);
      if (seat) after = after.slice(1);
      if (!after.length) return before.length ? [{ terms: before, honorific: c.honorific }] : [];
      return [...(before.length ? [{ terms: before, honorific: c.honorific }] : []), { terms: after, honorific: seat ? null : words[i]!.text }];
    }
    // "Gold Fields of South Africa Ltd": a company's suffix at the end makes the whole chain its name.
    // ("John Casesa of Schroder Wertheim & Co" is a person and his firm.)
    const personFirst = words[0]!.tags.has('FirstName') || words[0]!.tags.has('Person') || words[0]!.tags.has('MaleName') || words[0]!.tags.has('FemaleName');
    if (lower === 'of' && !personFirst && /^(?:inc|corp|ltd|co|plc|llc|limited|sa|ag|nv|bv|gmbh)\.?$/i.test(words[words.length - 1]!.text)) continue;
    // "Peter Nicol of Scotland" is two names; "Bank of England" and "Duke of Norfolk" are one.
    const head = words[i - 1]?.text.toLowerCase() ?? '';
    if (lower === 'of' && i >= 1 && /^(inc|corp|ltd|co|plc|llc)\.?$/.test(head)) return [{ terms: words.slice(0, i), honorific: c.honorific }, ...splitChain({ terms: words.slice(i + 1), honorific: null })];
    if (lower === 'of' && i >= 1 && !ORG_WORDS.has(head) && !OF_HEADS.has(head) && (i >= 2 || words.length - i - 1 >= 2 || knownNames().get(words.slice(i + 1).map((w) => w.text).join(' ').toLowerCase()) === 'place')) return [{ terms: words.slice(0, i), honorific: c.honorific }, ...splitChain({ terms: words.slice(i + 1), honorific: null })];
  }
  return [c];
}

function chainName(text: string, c: Chain): Span {
  // A leading "The" is the article's grammar, not the name ("The Open Innovation …").
  if (c.terms.length > 1 && /^the$/i.test(c.terms[0]!.text) && !knownNames().has(text.slice(c.terms[0]!.start, c.terms[c.terms.length - 1]!.end).toLowerCase())) c.terms = c.terms.slice(1);
  const start = c.terms[0]!.start;
  let end = c.terms[c.terms.length - 1]!.end;
  // "Kim In-so", "Li Song-ho": a given name's lower-case second syllable after a hyphen is the name's;
  // a known word there is not ("Smith-led", "Hamas-run").
  const syllable = /^-(\p{Ll}{1,4})\b(?!-)/u.exec(text.slice(end, end + 7));
  if (syllable && !HYPHEN_WORDS.has(syllable[1]!) && (syllable[1]!.length <= 2 || !inLexicon(syllable[1]!))) end += syllable[0].length;
  return { start, end, text: text.slice(start, end) };
}

/** Is this word a first name in compromise's lexicon? */
const isFirstName = (word: string) => wordIs(word, '#FirstName');

/**
 * A name's type from its own shape, with how much that shape is worth against the evidence of its
 * context (entity-types.ts): a gazetteer entry or a company suffix is strong, a bare look at capital
 * letters weak.
 */
function typeOf(name: string, c: Chain): { type: EntityType; weight: number } {
  const known = knownNames().get(name.toLowerCase());
  // A town's name is a club's as often as the town's ("Colchester", "Everton"): the evidence of a match
  // may outweigh it, as it may not a country's or a known body's.
  if (known) return { type: known, weight: known === 'place' && !countryNames().has(name.toLowerCase()) ? 3 : 4 };
  const words = name.split(/\s+/);
  const last = words[words.length - 1]!.toLowerCase();
  if (c.honorific && HONORIFICS.has(c.honorific.toLowerCase().replace(/\.$/, ''))) return { type: 'person', weight: 4 };
  // "Baroness Scotland", "Lord Falconer": a title of rank kept in the name names a person, whatever follows.
  if (words.length > 1 && PEER_TITLES.has(words[0]!.toLowerCase())) return { type: 'person', weight: 4 };
  if (words.length > 1 && ORG_WORDS.has(last)) return { type: 'organization', weight: 3 };
  // "London School of Economics", "University of Leeds": a body's head word before "of".
  const ofAt = words.findIndex((w) => w.toLowerCase() === 'of');
  if (ofAt >= 1 && ORG_WORDS.has(words[ofAt - 1]!.toLowerCase())) return { type: 'organization', weight: 3 };
  // "Richard Hill", "Harrison Ford": a first name before a place word that is also a surname.
  // (compromise tags "Richard Hill" a place as a whole, so the first name is looked up alone.)
  if (words.length === 2 && SURNAME_PLACE_WORDS.has(last) && isFirstName(words[0]!)) return { type: 'person', weight: 2.5 };
  // "Joost van der Westhuizen", "Inzamam-ul-Haq": a surname's particle between capitals is a person's
  // ("de" and "la" are left out: they name places and banks as often, "Rio de Janeiro").
  if (/\p{Lu}\p{L}*[ -](?:van|von|der|den|bin|ibn|ul|ur|al|el)[ -](?:(?:der|den)[ -])?\p{Lu}/u.test(name)) return { type: 'person', weight: 2 };
  if (words.some((w) => EVENT_WORDS.has(w.toLowerCase())) && words.length > 1) return { type: 'event', weight: 3 };
  // "Marshall Plan", "Human Rights Act", "Kyoto Treaty": plans, laws and agreements.
  if (words.length > 1 && OTHER_WORDS.has(last)) return { type: 'other', weight: 3 };
  if (words.length > 1 && PLACE_WORDS.has(last)) return { type: 'place', weight: 3 };
  const has = (tag: string) => c.terms.some((t) => t.tags.has(tag));
  // "an IRA attempt", "the NHS": in prose a word all in capitals is an acronym, whatever a lexicon
  // knows of its letters written low ("Ira" is a first name). A capitals line says nothing of it.
  if (/^\p{Lu}{2,6}$/u.test(name) && !c.terms.some((t) => t.titleCase || t.sentenceInitial) && !has('Organization') && !has('Place')) return { type: 'organization', weight: 1 };
  if (has('Organization')) return { type: 'organization', weight: 1.5 };
  if (has('FirstName') && words.length > 1) return { type: 'person', weight: 2.5 };
  if (has('Person') || has('FirstName') || has('LastName')) return { type: 'person', weight: 1.5 };
  if (has('Place') || has('Country') || has('City') || has('Region')) return { type: 'place', weight: 1.5 };
  if (c.honorific) return { type: 'person', weight: 2 };
  if (/^\p{Lu}{2,6}$/u.test(name)) return { type: 'organization', weight: 1 };
  // An initial and a surname, as team sheets list players ("R Corrigan", "P. Simmons").
  if (/^\p{Lu}\.?\s+\p{Lu}[\p{L}'’-]+$/u.test(name)) return { type: 'person', weight: 2 };
  // Two or three plain capitalised words with no sign of a body or a place read as a person's name
  // ("Filippo Veglio"), but weakly: "Deutsche Boerse" and "Booz Allen Hamilton" look the same.
  if (words.length >= 2 && words.length <= 3 && words.every((w) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(w))) return { type: 'person', weight: 1 };
  return { type: 'organization', weight: 0.5 };
}

interface Mention extends Span {
  type: EntityType;
  /** What the name's shape is worth against context evidence (see typeOf). */
  typeWeight: number;
  /** Typed by its context (a team in a results table), which outweighs the name's own look. */
  team?: boolean;
  /** Where the report was filed ("NEW YORK 1996-08-30", "WIGAN , England 1996-08-31"): always the place. */
  dateline?: boolean;
}

/** "Meta, formerly known as Facebook": the later name is an alias of the earlier one. */
function formerNames(text: string, mentions: Mention[]): Map<string, string> {
  const out = new Map<string, string>();
  const sorted = [...mentions].sort((x, y) => x.start - y.start);
  for (let i = 0; i < sorted.length - 1; i++) {
    const a = sorted[i]!;
    // The first mention after this one ends: the next one, unless mentions overlap.
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.start <= a.end) j++;
    const b = sorted[j] && sorted[j]!.start - a.end < 40 ? sorted[j] : undefined;
    if (b && /^,?\s*(?:\(\s*)?(?:formerly|previously|once)(?: known as| called| named)?\s+$/i.test(text.slice(a.end, b.start))) out.set(b.text.toLowerCase(), a.text);
  }
  return out;
}

/** Group mentions into entities: exact names, surnames, acronyms, "Mr X", former names. */
function merge(mentions: Mention[], former: Map<string, string> = new Map(), textBefore: (m: Span) => string = () => ''): Entity[] {
  type Group = { order: number; name: string; type: EntityType; teamMentions: number; forms: Set<string>; mentions: Span[] };
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  const key = (s: string) => s.toLowerCase().replace(/^the\s+/, '').replace(/\./g, '');
  // Longer names by what a single word may stand for: a person's surname, an acronym, an
  // organisation's head word ("the Council" after "Riverside Council"). The first group wins.
  const bySurname = new Map<string, Group>();
  const byInitials = new Map<string, Group>();
  const byHeadWord = new Map<string, Group>();
  const byInitialSurname = new Map<string, Group>();
  const byOrgBase = new Map<string, Group>();
  // A person's first name, or null where two people of the article share it.
  const byFirstName = new Map<string, Group | null>();
  const remember = (map: Map<string, Group>, k: string, g: Group) => map.has(k) || map.set(k, g);
  // Longest names first, so "Mark Zuckerberg" exists before "Zuckerberg" is placed.
  const ordered = [...mentions].sort((a, b) => b.text.split(/\s+/).length - a.text.split(/\s+/).length || a.start - b.start);
  for (const m of ordered) {
    // A dateline's place is the city, even where the article's team bears its name.
    const k = m.dateline ? `@dateline ${key(m.text)}` : key(m.text);
    let g = byKey.get(k) ?? (former.has(m.text.toLowerCase()) ? byKey.get(key(former.get(m.text.toLowerCase())!)) : undefined);
    // "K Campbell" in a team list is the "Kieran Campbell" of the text.
    const initialForm = /^(\p{Lu})\.?\s+(\p{Lu}[\p{L}'’-]+)$/u.exec(m.text);
    if (!g && initialForm) g = byInitialSurname.get(`${initialForm[1]} ${initialForm[2]!.toLowerCase()}`);
    // "Liberal Democrat" and "Lib Dems" are the "Liberal Democrats"; "Labour" is the "Labour Party".
    if (!g && (m.type === 'organization' || m.typeWeight <= 1)) {
      const base = orgBase(m.text);
      g = byOrgBase.get(base) ?? groups.find((x) => x.type === 'organization' && clips(m.text, x.name));
    }
    if (!g && m.text.split(/\s+/).length === 1) {
      // A surname or a first word of a known person, or an acronym of a longer name.
      const found = [bySurname.get(k), /^\p{Lu}{2,}$/u.test(m.text) ? byInitials.get(m.text) : undefined, ORG_WORDS.has(k) ? byHeadWord.get(k) : undefined];
      g = found.reduce<Group | undefined>((best, x) => (x && (!best || x.order < best.order) ? x : best), undefined);
      // "Eddie in particular told me": a first name alone is the one person of the article with it
      // (not where two share it, and not a royal's or a peer's name: "Prince Charles").
      if (!g && m.type === 'person' && !/\b(?:prince|princess|king|queen|lord|lady|sir|dame|pope|saint|st)\.?\s+$/i.test(textBefore(m))) g = byFirstName.get(k) ?? undefined;
    }
    if (!g) {
      g = { order: groups.length, name: m.text, type: m.type, teamMentions: 0, forms: new Set(), mentions: [] };
      groups.push(g);
      const words = g.name.split(/\s+/);
      if (words.length > 1) {
        const last = key(words.at(-1)!);
        if (g.type === 'person') remember(bySurname, last, g);
        if (g.type === 'organization') remember(byOrgBase, orgBase(g.name), g);
        if (g.type === 'person' && words.length === 2 && /^\p{Lu}\p{Ll}/u.test(words[0]!)) remember(byInitialSurname, `${words[0]![0]} ${last}`, g);
        if (g.type === 'person' && words.length === 2 && /^\p{Lu}\p{Ll}+$/u.test(words[0]!)) {
          const first = key(words[0]!);
          byFirstName.set(first, byFirstName.has(first) && byFirstName.get(first) !== g ? null : g);
        }
        if (g.type === 'organization') remember(byHeadWord, last, g);
        remember(byInitials, initials(g.name), g);
      }
    }
    byKey.set(k, g);
    g.forms.add(m.text);
    if (m.team) g.teamMentions++;
    g.mentions.push({ start: m.start, end: m.end, text: m.text });
  }
  const first = new Map(groups.map((g) => [g, g.mentions.reduce((min, m) => Math.min(min, m.start), Infinity)]));
  groups.sort((a, b) => first.get(a)! - first.get(b)!);
  // A name used as a team in most of its mentions is the team.
  const vote = (g: Group): EntityType => (g.teamMentions * 2 >= g.mentions.length ? 'organization' : g.type);
  return groups.map((g, i) => ({
    id: `e${i + 1}`,
    name: g.name,
    type: vote(g),
    aliases: [...g.forms].filter((f) => f !== g.name),
    mentions: g.mentions.sort((a, b) => a.start - b.start),
  }));
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

export function findEntities(text: string, paras: Paragraph[], sents: Sentence[], skip: Set<number>, index: TermIndex): Entity[] {
  const sentenceStarts = new Set(sents.map((s) => s.start));
  const allTerms: Term[][] = [];
  for (const p of paras) {
    if (skip.has(p.index)) continue;
    allTerms.push(termsOf(text, p, index, sentenceStarts));
  }
  // Capitalised words seen mid-sentence are names wherever they appear.
  const midSentenceCaps = new Set<string>();
  for (const terms of allTerms)
    terms.forEach((t, i) => {
      if (t.sentenceInitial || t.titleCase || !isCapitalised(t.text) || NOT_NAMES.has(t.text.toLowerCase())) return;
      const prev = terms[i - 1];
      const next = terms[i + 1];
      const joinedPrev = prev !== undefined && /^[ \t]*$/.test(prev.gapAfter) && isCapitalised(prev.text);
      const joinedNext = next !== undefined && /^[ \t]*$/.test(t.gapAfter) && isCapitalised(next.text);
      // A word is evidence of a name on its own only where it stood alone ("South" of "South Africa"
      // proves nothing about "South" in a headline); a pair is evidence for the pair.
      if (!joinedPrev && !joinedNext) midSentenceCaps.add(t.text);
      if (joinedNext) midSentenceCaps.add(`${t.text} ${next!.text}`);
      if (joinedPrev) midSentenceCaps.add(`${prev!.text} ${t.text}`);
      // A surname after a first name is evidence on its own ("Simmons" of "Phil Simmons").
      if (joinedPrev && (prev!.tags.has('FirstName') || prev!.tags.has('Person'))) midSentenceCaps.add(t.text);
    });
  const mentions: Mention[] = [];
  for (const terms of allTerms) {
    for (const c of chainsOf(terms, midSentenceCaps).flatMap(splitChain)) {
      const span = chainName(text, c);
      // "Barnett Banks Inc." keeps the dot of its company suffix.
      if (/\b(Inc|Corp|Co|Ltd|Bros|Plc|Cos)$/.test(span.text) && text[span.end] === '.') {
        span.end++;
        span.text += '.';
      }
      if (span.text.length < 2) continue;
      // "Home Secretary", "Finance Minister": a title with no name is no entity; nor is a word that
      // only qualifies a title ("Shadow" of "Shadow education secretary").
      if (isBareTitle(span.text) || TITLE_QUALIFIERS.has(span.text.toLowerCase())) continue;
      const shape = typeOf(span.text, c);
      let type = shape.type;
      let team = false;
      // In a results table ("Chicago 4 Houston 3", "BALTIMORE 74 58 .561") a place followed by a
      // score is a team.
      // Countries stay places: a national side is named by its country.
      // "Surrey v Derbyshire": a place on either side of "v" is a side in a match.
      if (type === 'place' && !countryNames().has(span.text.toLowerCase()) && (/^\s+vs?\.?\s+\p{Lu}/u.test(text.slice(span.end, span.end + 6)) || /[\p{L}\d)]\s+vs?\.?\s+$/u.test(text.slice(Math.max(0, span.start - 6), span.start)))) {
        type = 'organization';
        team = true;
      } else if (type === 'place' && !countryNames().has(span.text.toLowerCase()) && /^\s+\d/.test(text.slice(span.end, span.end + 3))) {
        const line = text.slice(text.lastIndexOf('\n', span.start) + 1, text.indexOf('\n', span.end) >= 0 ? text.indexOf('\n', span.end) : text.length);
        if ((line.match(/(?:^|\s)[\d.]+(?:-\d+)?(?=\s|$)/g) ?? []).length >= 2 && !/\b(said|says|is|are|was|were|will)\b/.test(line)) {
          type = 'organization';
          team = true;
        }
      }
      // "Lotte 6 Hyundai 2", "Lotte 46 6 54 .462 14": a results line or a standings row is a team's,
      // whatever the name looks like (a person's name scores in golf, but has no opponent or percentage).
      if (!team && !countryNames().has(span.text.toLowerCase()) && /^[ \t]+\d/.test(text.slice(span.end, span.end + 3))) {
        const lineStart = text.lastIndexOf('\n', span.start) + 1;
        const lineEnd = text.indexOf('\n', span.end) >= 0 ? text.indexOf('\n', span.end) : text.length;
        const line = text.slice(lineStart, lineEnd);
        if (RESULT_LINE.test(line) || (lineStart === span.start && STANDINGS_ROW.test(text.slice(span.end, lineEnd)))) {
          type = 'organization';
          team = true;
        }
      }
      const dateline = (span.start === 0 || text[span.start - 1] === '\n') && DATELINE_AFTER.test(text.slice(span.end, span.end + 40));
      if (dateline) mentions.push({ ...span, type: 'place', typeWeight: 4, dateline });
      else mentions.push({ ...span, type, typeWeight: type === shape.type ? shape.weight : 3, team });
    }
  }
  withListItems(text, paras, skip, mentions);
  // Within one article, the type of the fullest mention is the shape's guess for all of its forms;
  // then the context of every mention is weighed against it.
  const weightOf = new Map(mentions.map((m) => [`${m.start}:${m.end}`, m.typeWeight]));
  const sports = isSportsText(text);
  const entities = merge(mentions, formerNames(text, mentions), (m) => text.slice(Math.max(0, m.start - 12), m.start)).map((e) => {
    const fullest = e.mentions.find((m) => m.text === e.name) ?? e.mentions[0]!;
    return { ...e, type: weighType(e, text, weightOf.get(`${fullest.start}:${fullest.end}`) ?? 1, countryNames().has(e.name.toLowerCase()), sports) };
  });
  return withCanonicalNames(entities);
}

// One item of a list of names: capitalised words, with the small words and hyphens names keep inside
// ("Holborn and St Pancras", "Cities of London and Westminster", "Newcastle-upon-Tyne Central",
// "Marks & Spencer"). A word ends at a full stop unless it is an initial, so no item runs on into the
// next sentence.
const LIST_WORD = "(?:\\p{Lu}[\\p{L}'’-]*|\\p{Lu}\\.)";
const LIST_ITEM = `${LIST_WORD}(?:[ -](?:(?:and|of|of the|upon|&|de|la|le|du|van|von)[ -])?${LIST_WORD}){0,5}`;
const NAME_LIST = new RegExp(`(?<![\\p{L}'’-])${LIST_ITEM}(?:,[ \\t]+(?:and[ \\t]+)?${LIST_ITEM}){3,}(?![\\p{L}'’-])`, 'gu');
// Constituencies and counties: "Bristol West", "South West Edinburgh", "Dumfriesshire", "Western Isles".
const COMPASS = /(?:^|\s)(?:North|South|East|West|Central|North-?West|North-?East|South-?West|South-?East|Mid)$|^(?:North|South|East|West|Mid)\s|shire$|\s(?:Isles|Valley|Vale|Borders|Dales)$/;
const JOINED = /\s(?:and|of|upon|&)\s|-upon-|-on-/;

/** The items of a list the pattern found, with the last "and" read as the list's own. */
function listItemsOf(list: string, start: number): Array<{ start: number; text: string }> {
  const items = [...list.matchAll(/[^,]+/g)].map((x) => {
    const lead = /^\s*(?:and\s+)?/.exec(x[0])![0].length;
    return { start: start + x.index! + lead, text: x[0].slice(lead).trimEnd() };
  });
  // "Blair, Brown, Prescott and Straw": the last "and" joins the list, unless the list's other items
  // keep an "and" inside them (constituencies: "…, Westmorland and Lonsdale").
  const inner = items.slice(0, -1).filter((it) => /\sand\s/.test(it.text)).length;
  const last = items[items.length - 1]!;
  const at = last.text.search(/\sand\s/);
  if (at >= 0 && inner < 2) {
    const rest = last.text.slice(at).replace(/^\s+and\s+/, '');
    items.splice(items.length - 1, 1, { start: last.start, text: last.text.slice(0, at) }, { start: last.start + last.text.length - rest.length, text: rest });
  }
  return items;
}

/**
 * A list of four or more names ("Bristol West, Cardiff Central, Holborn and St Pancras, …") is a list
 * of whole names. A list most of whose items are places (known places, or names ending in a compass
 * word, as constituencies do) is a list of places: each item is one place. In another list, an item
 * that keeps "and" or "of" inside ("Brown and Williamson") is one name of the kind its neighbours are.
 * The mentions the chains found inside such items give way.
 */
function withListItems(text: string, paras: Paragraph[], skip: Set<number>, mentions: Mention[]): void {
  for (const p of paras) {
    if (skip.has(p.index)) continue;
    for (const m of text.slice(p.start, p.end).matchAll(NAME_LIST)) {
      const items = listItemsOf(m[0], p.start + m.index!);
      if (items.length < 4 || !items.some((it) => JOINED.test(it.text) || COMPASS.test(it.text))) continue;
      const isPlace = (t: string) => knownNames().get(t.toLowerCase()) === 'place' || knownNames().get(t.split(/\s/)[0]!.toLowerCase()) === 'place' || COMPASS.test(t);
      const places = items.filter((it) => isPlace(it.text)).length * 2 >= items.length;
      const spans = items.map((it) => ({ start: it.start, end: it.start + it.text.length, text: it.text }));
      const forced = places ? spans : spans.filter((sp) => JOINED.test(sp.text));
      if (!forced.length) continue;
      // The kind of name the list holds, from what the chains found whole.
      const whole = mentions.filter((x) => spans.some((sp) => sp.start === x.start && sp.end === x.end));
      const counts = new Map<EntityType, number>();
      for (const x of whole) counts.set(x.type, (counts.get(x.type) ?? 0) + 1);
      const kind = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'organization';
      const inside = (x: Span) => forced.some((sp) => x.start >= sp.start && x.end <= sp.end);
      const kept = mentions.filter((x) => !inside(x));
      mentions.length = 0;
      mentions.push(...kept, ...forced.map((sp) => ({ ...sp, type: places ? ('place' as const) : kind, typeWeight: places ? 4 : 2 })));
      mentions.sort((a, b) => a.start - b.start);
    }
  }
}

/**
 * "Tories", "Tory" and "Conservatives" are the Conservative Party (data/aliases.tsv): entities
 * whose forms name one body become one, named by its fullest form in the article (the store names
 * its row as the list does).
 */
function withCanonicalNames(entities: Entity[]): Entity[] {
  const byCanonical = new Map<string, Entity>();
  const out: Entity[] = [];
  for (const e of entities) {
    const canonical = [e.name, ...e.aliases].map((f) => canonicalNames().get(f.toLowerCase())).find(Boolean);
    if (!canonical || e.type !== 'organization') {
      out.push(e);
      continue;
    }
    const seen = byCanonical.get(canonical);
    if (!seen) {
      const copy = { ...e, aliases: [...e.aliases], mentions: [...e.mentions] };
      byCanonical.set(canonical, copy);
      out.push(copy);
      continue;
    }
    const forms = new Set([seen.name, ...seen.aliases, e.name, ...e.aliases]);
    seen.name = [...forms].reduce((a, b) => (b.length > a.length ? b : a));
    seen.aliases = [...forms].filter((f) => f !== seen.name);
    seen.mentions.push(...e.mentions);
    seen.mentions.sort((a, b) => a.start - b.start);
  }
  // Ids stay in order of first mention, without gaps.
  return out.map((e, i) => ({ ...e, id: `e${i + 1}` }));
}
