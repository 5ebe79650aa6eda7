// Cited sources: URLs and numbered references, news outlets, documents and unnamed sources.
import type { Attribution, Link, Source, SourceKind, Span } from '../types.js';
import { outletsByName } from './lexicon.js';
import { wordIs } from './terms.js';
import type { Paragraph } from './segment.js';

interface SourceDraft {
  kind: SourceKind;
  name: string;
  url: string | null;
  mentions: Span[];
}

const URL_RE = /\bhttps?:\/\/[^\s<>"“”‘’()[\]{}]+/gi;
const BARE_DOMAIN_RE = /(?<![@\w./-])(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|io|eu|int|uk|de|fr|ai|co)(?:\.[a-z]{2})?(?:\/[^\s<>"“”()[\]]*)?(?![\w-])/gi;
const DOC_HEADS =
  'blog post|blogpost|report|study|survey|filing|press release|ruling|white paper|paper|memo|letter|analysis|poll|audit|' +
  'investigation|lawsuit|complaint|court documents?|court filing|research note|transcript|regulatory filing|annual report|' +
  'policy|guidelines|statement';
// Case matters here: the owner after "by" must be a capitalised name, so no `i` flag.
const DOC_RE = new RegExp(
  `\\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]his|[Tt]hat|[Ii]n an?|[Ii]n its)\\s+((?:[\\p{L}-]+[^\\S\\n]+){0,3}?(?:${DOC_HEADS}))\\b(?:\\s+(?:by|from|of)\\s+(?:the\\s+)?(?:(?!(?:and|or|but|that|which|who|was|is|has|had|said|says)\\b)[\\p{Ll}-]+\\s+){0,2}((?:\\p{Lu}[\\p{L}&.-]*)(?:\\s+(?:of\\s+|for\\s+|and\\s+)?\\p{Lu}[\\p{L}&.-]*)*))?`,
  'gu',
);
// "Anne Thompson of the Hollywood Reporter": a journalist's outlet is cited with them.
const OUTLET_BEFORE = /\b(?:told|to|according to|reported by|report by|reports? in|in|by|from|via|with|on|of|wrote in|writing in|published in|cited by|quoted by)\s+(?:the\s+)?$/i;
const OUTLET_AFTER = /^['’]?s?\s+(?:reported|reports|said|says|wrote|writes|first reported|reporter|journalist|report|article|story|interview|analysis|investigation|found|revealed|learned|learnt|has learned|has learnt|understands|noted|published|obtained|confirmed)\b/i;

// Groups of people an article cites without naming them; an organisation ("the government", "police")
// speaks for itself and one person ("the Salford MP") is a speaker, so neither is listed here.
const UNNAMED_GROUP = new RegExp(
  '^(?:(?:the|some|many|several|other|most|few|a|an|one|two|three|four|senior|leading|independent|local|foreign|western|city|market|industry|' +
    'government|party|military|security|intelligence|diplomatic|official|unnamed|anonymous)\\s+)*(?:[\\p{L}-]+\\s+){0,2}' +
    '(?:analysts|economists|experts|observers|critics|commentators|pundits|insiders|sources|officials|campaigners|researchers|scientists|' +
    'academics|ministers|mps|members|voters|residents|witnesses|investors|traders|dealers|brokers|diplomats|aides|advisers|advisors|' +
    'lawyers|doctors|users|fans|bookmakers|bookies|reports|rumours|commentators|strategists|pollsters|executives|bosses|insiders|' +
    'officers|leaders|figures close to [\\p{L} ]+|people close to [\\p{L} ]+|people familiar with [\\p{L} ]+|sources close to [\\p{L} ]+)$',
  'iu',
);
// Words that show the speaker words are a clause, not a noun phrase: "what Palestinian officials", "a move ministers".
const NOT_IN_GROUP_NAME = /\b(?:what|which|who|whom|whose|that|now|then|when|if|move|as|said|says)\b/i;
const SPOKESPERSON = /\bspokes(?:man|woman|person|men|women|people)\b/i;
// Material cited without a name: "rumours", "it is reported", "reports suggest".
// ("It is understood" is the article's own knowledge, not something it cites.)
const UNNAMED_MATERIAL = /\b(?:[Rr]umou?rs(?= (?:that|of|about|say|suggest))|[Ii]t (?:is|was|has been) (?:reported|rumou?red)|[Rr]eports (?:say|said|suggest|suggested|claim|claimed)|(?:[Ii]ndustry|[Mm]arket|[Gg]overnment|[Ss]enior|[Pp]arty|[Dd]iplomatic) sources|(?:a (?:series|number|spate|flurry) of |recent |media |press |newspaper )?(?:stories|reports|articles)(?= (?:warning|suggesting|claiming|saying|that)\b))/g;
// "Sweeteners reported to have been discussed": the article passes on what others report. The source is named "reported".
const REPORTED_TO = /\b(?:(?:is|are|was|were|been|being)\s+)?(reported)\s+to\s+(?:have|be|include|involve|contain)\b/g;
// Groups that speak only in a passive: "a problem highlighted by analysts".
const BY_GROUP = new RegExp(
  '\\b(?:highlighted|noted|cited|predicted|forecast|expected|raised|quoted|described|identified|flagged|questioned|criticised|criticized|' +
    'welcomed|blamed|suggested|warned|mentioned|reported|tipped|seen|estimated|backed|urged|predicted) by ' +
    '((?:some |many |most |city |market |industry |leading |independent |other )?' +
    '(?:analysts|economists|experts|observers|critics|commentators|pundits|insiders|sources|campaigners|researchers|scientists|academics|bookmakers|bookies))\\b',
  'g',
);
// A document named by its owner or its title: "Commerce Department figures", "the Lib Dem analysis",
// "the annual RSA Security and NetSurity survey", "The International Benchmarking Study".
const OWNED_DOC = new RegExp(
  "((?:(?:annual|latest|new|quarterly|monthly|weekly|official|recent|independent|interim|final|draft|last year['’]s)[^\\S\\n]+)?" +
    // The name: capitalised words, with the small words of a title between them ("Paying the Price"),
    // on one line.
    "(?:\\p{Lu}[\\p{L}&.'’-]*)(?:[^\\S\\n]+(?:(?:of|for|and|on|the|&)[^\\S\\n]+)?\\p{Lu}[\\p{L}&.'’-]*){0,5}[^\\S\\n]+" +
    '(?:(?:annual|latest|new|quarterly|monthly|official|interim|final|draft)[^\\S\\n]+)?' +
    // ("research", "data", "index" and "review" name fields, prices and events as often as documents;
    // "forecast" and "estimates" are as often verbs.)
    '(?:[Rr]eport|[Ss]urvey|[Ss]tudy|figures|statistics|[Aa]nalysis|[Pp]oll|statement|[Cc]ensus|[Aa]udit|[Pp]aper|findings))' +
    // A head that goes on as a name is part of that name: "Research Community", "Audit Commission".
    '(?![\\p{L}-])(?!\\s+\\p{Lu})',
  'gu',
);
// Words that end the description before a document's kind: "the introduction of the poll" → "poll".
const FUNCTION_WORDS_BEFORE_HEAD = /^(?:.*\s)?(?:of|the|a|an|in|on|at|to|for|by|with|and|or|but|his|her|its|their|our|this|that|these|those|made|marked|said|says)\s+/i;
const COMPOUND_AFTER = /^\s+(?:tax|taxes|card|cards|group|groups|station|stations|team|teams|centre|center|ship|book|books|period|programme|program|day|date|lead|leads|ratings?|booth|booths|card|cards)\b/i;
const OPINION_POLL_AFTER = /^[^.!?]{0,40}\b(?:found|finds|suggest(?:s|ed)?|show(?:s|ed|ing)?|reveal(?:s|ed)?|indicat(?:es|ed)|put|puts|gave|gives|of\s+[\d,]+|for\s+(?:the\s+)?\p{Lu}|by\s+\p{Lu}|conducted|carried out|commissioned)/u;
// Capitalised words that open a sentence or a clause and are no part of an owner's name.
const NOT_OWNER = new Set(
  ('in on at by for from with to of yesterday today tonight but and however meanwhile last this that these those then when while as after before ' +
    'since if so also its their his her our the a an new latest recent some many most other such both each every no any according ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december').split(' '),
);
// Time phrases that name one document of a series: "last year's survey".
const TIMED_DOC = /\b(?:last|this|next) (?:year|month|week|quarter)['’]s (?:report|survey|study|figures|poll|review|index|census|audit|analysis|findings)\b/gi;
// Links that share the page or earn a commission are no citation.
const NOT_CITATION_URL = /(?:facebook\.com\/sharer|twitter\.com\/(?:intent|share)|x\.com\/intent|linkedin\.com\/(?:shareArticle|sharing)|pinterest\.com\/pin\/create|reddit\.com\/submit|whatsapp\.com\/send|wa\.me\/|t\.me\/share|telegram\.me\/share|mailto:|redirectingat\.com|skimresources\.com|skimlinks|linksynergy\.com|shareasale\.com|awin1\.com|anrdoezrs\.net|dpbolvw\.net|jdoqocy\.com|kqzyfj\.com|tkqlhce\.com|amzn\.to\/|pntra\.com|avantlink\.com|go\.magik\.ly|howl\.me|shop-links\.co|[?&](?:tag|affid|aff_id|affiliate|utm_medium=affiliate)=)/i;

let outletRe: RegExp | null = null;
/** All outlet names in one pattern, longest first ("Bloomberg News" before "Bloomberg"). */
function outletPattern(): RegExp {
  if (!outletRe) {
    const names = [...outletsByName().values()].map((o) => o.name).sort((a, b) => b.length - a.length);
    outletRe = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  }
  outletRe.lastIndex = 0;
  return outletRe;
}

export function hostOf(url: string): string {
  try {
    return new URL(/^https?:/i.test(url) ? url : `http://${url}`).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return url.replace(/^https?:\/\//i, '').replace(/^www\./, '').split('/')[0]!.toLowerCase();
  }
}

function trimUrl(text: string, start: number, end: number): Span {
  while (end > start && /[.,;:!?'’”"]/.test(text[end - 1]!)) end--;
  return { start, end, text: text.slice(start, end) };
}

/** A document the article names only by what it is: "a report", "the survey". */
interface BareDocument {
  head: string;
  /** "a report" brings in a new document; "the report" points back at one. */
  indefinite: boolean;
  span: Span;
}

/** What the passes share: the text, where the body is, and the drafts found so far. */
interface SourceContext {
  text: string;
  attributions: Attribution[];
  links: Link[];
  inBody: (pos: number) => boolean;
  add: (kind: SourceKind, name: string, url: string | null, mention: Span | null) => SourceDraft;
  drafts: SourceDraft[];
  bareDocuments: BareDocument[];
}

export function findSources(text: string, paras: Paragraph[], skip: Set<number>, attributions: Attribution[], links: Link[] = []): Source[] {
  const drafts: SourceDraft[] = [];
  const byKey = new Map<string, SourceDraft>();
  const add = (kind: SourceKind, name: string, url: string | null, mention: Span | null) => {
    const key = kind === 'url' ? `url:${url!.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '').toLowerCase()}` : `${kind}:${name.toLowerCase()}`;
    let d = byKey.get(key);
    if (!d) {
      d = { kind, name, url, mentions: [] };
      byKey.set(key, d);
      drafts.push(d);
    }
    if (mention && !d.mentions.some((m) => m.start === mention.start)) d.mentions.push(mention);
    return d;
  };
  const inBody = (pos: number) => paras.some((p) => !skip.has(p.index) && p.start <= pos && pos < p.end);
  const ctx: SourceContext = { text, attributions, links, inBody, add, drafts, bareDocuments: [] };
  for (const pass of SOURCE_PASSES) pass(ctx);
  const kept = [...drafts, ...placeBareDocuments(ctx.bareDocuments, drafts, text)];
  return kept.map((d, i) => ({
    id: `s${i + 1}`,
    kind: d.kind,
    name: d.name,
    url: d.url,
    mentions: d.mentions.sort((a, b) => a.start - b.start),
  }));
}

/** URLs, including those of a reference list; reference markers "[1]" point at them. */
function urlSources({ text, links, add }: SourceContext): void {
  const references = new Map<string, SourceDraft>();
  const urlSpans: Span[] = [];
  for (const m of text.matchAll(URL_RE)) {
    const span = trimUrl(text, m.index!, m.index! + m[0].length);
    urlSpans.push(span);
    if (NOT_CITATION_URL.test(span.text)) continue;
    const d = add('url', hostOf(span.text), span.text, span);
    const marker = /\[(\d+)\]\s*$/.exec(text.slice(Math.max(0, span.start - 12), span.start));
    if (marker) references.set(marker[1]!, d);
  }
  for (const m of text.matchAll(BARE_DOMAIN_RE)) {
    if (urlSpans.some((u) => m.index! >= u.start && m.index! < u.end)) continue;
    const span = trimUrl(text, m.index!, m.index! + m[0].length);
    if (!/[a-z]\.[a-z]/i.test(span.text)) continue;
    add('url', hostOf(span.text), `https://${span.text}`, span);
  }
  for (const m of text.matchAll(/\[(\d+)\]/g)) {
    const d = references.get(m[1]!);
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 2);
    if (d && !/^\s*h/.test(after)) d.mentions.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
  }
  for (const l of links) {
    if (!/^https?:/i.test(l.url) || NOT_CITATION_URL.test(l.url)) continue;
    add('url', hostOf(l.url), l.url, l.end > l.start ? { start: l.start, end: l.end, text: text.slice(l.start, l.end) } : null);
  }
}

/** News outlets, where the words around them say they are being cited. */
function outletSources({ text, attributions, inBody, add }: SourceContext): void {
  for (const m of text.matchAll(outletPattern())) {
    const o = outletsByName().get(m[0].toLowerCase())!;
    const start = m.index!;
    if (!inBody(start)) continue;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 30), start);
    const after = text.slice(end, end + 40);
    const isChannel = attributions.some((a) => a.channel === o.name);
    if (!OUTLET_BEFORE.test(before) && !OUTLET_AFTER.test(after) && !isChannel) continue;
    add('outlet', o.name, null, { start, end, text: m[0] });
  }
}

/**
 * The owner named after "by": the name itself, past the words that describe it ("a report by UK
 * think-tank Demos" → Demos; "a survey by property website Rightmove" → Rightmove).
 */
// A name the patterns found may run on over a full stop or a line: "by Demos. It said" is Demos.
const cutName = (name: string) => name.split(/\.\s+|\s*\n/)[0]!.replace(/\.$/, '');

function ownerAfterBy(text: string, from: number, found: string): string {
  const first = cutName(found);
  if (first !== found) return first;
  const rest = /^((?:\s+[\p{Ll}-]+){1,2})\s+(\p{Lu}[\p{L}&.-]*(?:\s+(?:(?:of|for|and)\s+)?\p{Lu}[\p{L}&.-]*)*)/u.exec(text.slice(from, from + 80));
  return rest && !/\b(?:and|or|but|that|which|who|to|in|on|at|was|is|has|had|said|says)\b/.test(rest[1]!) ? cutName(rest[2]!) : first;
}

/** Documents cited with their kind: "a report by the National Audit Office", "Meta writes in a blog post". */
function documentSources({ text, attributions, inBody, add, bareDocuments }: SourceContext): void {
  const docChannels = new Map<string, Attribution>();
  // (Only a named speaker owns its document: "the two firms said in a statement" leaves it bare.)
  for (const a of attributions) if (a.channel && a.speaker?.entityId) docChannels.set(a.channel.toLowerCase(), a);
  for (const m of text.matchAll(DOC_RE)) {
    const full = m.index! + m[0].indexOf(m[1]!);
    if (!inBody(full)) continue;
    // The words before the kind describe it, up to a small word: "the introduction of the poll" is a poll.
    const fullHead = m[1]!.trim();
    // "the website to report abuse": after "to" the kind is a verb.
    if (/(?:^|\s)to\s+\S+$/i.test(fullHead)) continue;
    const cut = fullHead.search(FUNCTION_WORDS_BEFORE_HEAD);
    const head = cut >= 0 ? fullHead.replace(FUNCTION_WORDS_BEFORE_HEAD, '') : fullHead;
    const start = full + fullHead.length - head.length;
    const lower = head.toLowerCase();
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 60);
    // A kind that goes on as a compound is something else: "poll tax", "report card", "study group".
    if (!m[2] && COMPOUND_AFTER.test(after)) continue;
    // "The poll" in British news is as often the election; an opinion poll says what it found or asked.
    if (/\bpolls?$/.test(lower) && !/\bopinion\s+polls?$/.test(lower) && !OPINION_POLL_AFTER.test(after)) continue;
    const by = m[2] ? ownerAfterBy(text, m.index! + m[0].length, m[2].trim()) : undefined;
    const channel = docChannels.get(lower);
    // "In a statement on Thursday, Euronext said …": the statement is the speaker's that follows it.
    const speakerAfter = !by && !channel && /^[Ii]n\s/.test(m[0]) ? speakerFollowing(text, start + head.length, attributions) : null;
    // "policy" and "statement" are documents only when their owner is known.
    const owner = by ?? channel?.speaker?.name ?? speakerAfter;
    if (!owner && /^(?:[\p{L}-]+\s+)*(policy|guidelines|statement|letter|analysis|paper|investigation|complaint)$/iu.test(lower)) continue;
    const end = m[2] ? text.indexOf(by!, m.index! + m[0].length - m[2].length) + by!.length : start + head.length;
    const span = { start, end, text: text.slice(start, end) };
    if (owner) add('document', `${owner} ${head}`, null, span);
    // "a Law Commission report" is named by its owner: the pass for owned documents finds it whole.
    else if (/\p{Lu}/u.test(head)) continue;
    else bareDocuments.push({ head, indefinite: /^(?:[Ii]n\s+)?[Aa]n?\s/.test(m[0]), span });
  }
}

/** The named speaker of an attribution whose speaker words come within a clause after `pos`. */
function speakerFollowing(text: string, pos: number, attributions: Attribution[]): string | null {
  const clause = text.slice(pos, pos + 60).split(/[.;:!?]/)[0]!;
  for (const a of attributions) {
    if (!a.speaker?.entityId || !a.speakerText) continue;
    const at = clause.indexOf(a.speakerText);
    if (at >= 0 && /,\s*$/.test(clause.slice(0, at))) return a.speaker.name;
  }
  return null;
}

/** An adjective or adverb, or a word the article also writes in lower case: "Separate", "Further", "Fresh". */
function isCommonWord(word: string, text: string): boolean {
  return new RegExp(`\\b${word.toLowerCase()}\\b`).test(text) || wordIs(word.toLowerCase(), '(#Adjective|#Adverb)');
}

/** Documents named by their owner or title: "Commerce Department figures", "last year's survey". */
function ownedDocumentSources({ text, inBody, add }: SourceContext): void {
  for (const m of text.matchAll(OWNED_DOC)) {
    let start = m.index!;
    let phrase = m[1]!;
    // A name does not run over a full stop: "… in January. And ILO-based figures" starts at "And".
    const stop = /^.*[.!?]["”’]?\s+/su.exec(phrase);
    if (stop) {
      start += stop[0].length;
      phrase = phrase.slice(stop[0].length);
    }
    // Capitalised words that open the sentence are no part of the name: "The", "Yesterday".
    for (let w = /^([\p{L}'’]+)\s+/u.exec(phrase); w && NOT_OWNER.has(w[1]!.toLowerCase()); w = /^([\p{L}'’]+)\s+/u.exec(phrase)) {
      start += w[0].length;
      phrase = phrase.slice(w[0].length);
    }
    const words = phrase.split(/\s+/);
    const owner = words.slice(0, -1).filter((w) => /^\p{Lu}/u.test(w));
    // A capitalised kind is a title only after "the" ("The International Benchmarking Study"); else
    // it may be a name ("referee Graham Poll").
    if (/^\p{Lu}/u.test(words.at(-1)!) && !/\bthe\s+$/i.test(text.slice(Math.max(0, start - 5), start))) continue;
    if (!owner.length || !inBody(start)) continue;
    // A news outlet's report is the outlet, found by its own pass.
    if (outletsByName().has(owner.join(' ').replace(/['’]s$/, '').toLowerCase())) continue;
    // One capitalised word opening a sentence that the article also writes in lower case is a
    // common word ("Fresh figures", "Separate research"), not an owner.
    if (owner.length === 1 && /(?:^|[.!?]["”’]?\s+)$/.test(text.slice(Math.max(0, start - 4), start)) && isCommonWord(owner[0]!, text)) continue;
    add('document', phrase, null, { start, end: start + phrase.length, text: phrase });
  }
  for (const m of text.matchAll(TIMED_DOC)) if (inBody(m.index!)) add('document', m[0], null, { start: m.index!, end: m.index! + m[0].length, text: m[0] });
}

/**
 * Unnamed sources: groups and go-betweens the article does not name ("analysts", "sources close to
 * the talks", "a Home Office spokeswoman"). One person described by a role ("the home secretary") is
 * a speaker, not a source, and a document is a document.
 */
function unnamedSpeakerSources({ text, attributions, add }: SourceContext): void {
  for (const a of attributions) {
    if (!a.speaker || !a.speakerText) continue;
    const words = a.speakerText.trim();
    // "a Vodafone spokesman", "a spokeswoman for UKIP"; not "health spokesman Theresa May", who is named.
    const spokesperson = SPOKESPERSON.test(words) && /spokes\p{L}+(?:\s+for\s+.+)?$/u.test(words) && words.split(/\s+/).length <= 6;
    if (a.speaker.entityId && !spokesperson) continue;
    if (!spokesperson && (!UNNAMED_GROUP.test(words) || NOT_IN_GROUP_NAME.test(words))) continue;
    const idx = text.lastIndexOf(a.speakerText, a.start);
    const at = idx >= 0 ? idx : text.indexOf(a.speakerText);
    add('unnamed', a.speakerText, null, at >= 0 ? { start: at, end: at + a.speakerText.length, text: a.speakerText } : null);
  }
}

/** Rumours, reports and groups the article cites without naming them. */
function unnamedMaterialSources({ text, inBody, add }: SourceContext): void {
  for (const m of text.matchAll(UNNAMED_MATERIAL)) {
    if (inBody(m.index!)) add('unnamed', m[0], null, { start: m.index!, end: m.index! + m[0].length, text: m[0] });
  }
  for (const re of [REPORTED_TO, BY_GROUP]) {
    for (const m of text.matchAll(re)) {
      const start = m.index! + m[0].indexOf(m[1]!);
      if (inBody(start)) add('unnamed', m[1]!, null, { start, end: start + m[1]!.length, text: m[1]! });
    }
  }
}

const SOURCE_PASSES: Array<(ctx: SourceContext) => void> = [urlSources, outletSources, documentSources, ownedDocumentSources, unnamedSpeakerSources, unnamedMaterialSources];

/** Kinds of document that stand for one another: "a study" is later "the report". */
const DOCUMENT_CLASS: Record<string, string> = {
  report: 'study', reports: 'study', study: 'study', studies: 'study', survey: 'study', analysis: 'study', paper: 'study', research: 'study',
  review: 'study', findings: 'study', audit: 'study', inquiry: 'study', index: 'study',
  figures: 'figures', data: 'figures', statistics: 'figures', estimates: 'figures', forecast: 'figures', forecasts: 'figures',
  statement: 'statement', release: 'statement',
};
const classOf = (name: string) => {
  const w = name.toLowerCase().split(/\s+/).pop()!;
  return DOCUMENT_CLASS[w] ?? w;
};

/**
 * Which document each bare mention is. "A report" is a new document, even where the article names
 * another report; "the report" is the last document of that kind before it (an "Oxfam report", or an
 * earlier "a study"), else the first named one after it. A document first brought in bare ("a
 * government-commissioned study") and later named with "the" ("The International Benchmarking Study")
 * is that named document. Returns the documents the bare mentions add.
 */
function placeBareDocuments(bare: BareDocument[], drafts: SourceDraft[], text: string): SourceDraft[] {
  let added: SourceDraft[] = [];
  const documents = drafts.filter((d) => d.kind === 'document');
  const firstAt = (d: SourceDraft) => Math.min(...d.mentions.map((m) => m.start));
  const unresolved = new Map<string, SourceDraft>();
  for (const b of bare.sort((x, y) => x.span.start - y.span.start)) {
    const same = [...documents, ...added].filter((d) => classOf(d.name) === classOf(b.head));
    if (!b.indefinite) {
      const before = same.filter((d) => firstAt(d) < b.span.start).sort((x, y) => firstAt(y) - firstAt(x))[0];
      const after = same.filter((d) => /\s/.test(d.name) && documents.includes(d)).sort((x, y) => firstAt(x) - firstAt(y))[0];
      const target = before ?? after ?? unresolved.get(b.head.toLowerCase());
      if (target) {
        target.mentions.push(b.span);
        continue;
      }
    }
    const d: SourceDraft = { kind: 'document', name: b.head, url: null, mentions: [b.span] };
    added.push(d);
    if (!b.indefinite) unresolved.set(b.head.toLowerCase(), d);
  }
  // A bare document is the named one the article later points at with "the".
  const definite = (d: SourceDraft) => /\b(?:the|its|this)\s+$/i.test(text.slice(Math.max(0, firstAt(d) - 6), firstAt(d)));
  for (const named of documents.filter(definite).sort((x, y) => firstAt(x) - firstAt(y))) {
    const earlier = added.filter((b) => classOf(b.name) === classOf(named.name) && firstAt(b) < firstAt(named));
    // (A document of another time, "last year's survey", is not the one pointed at.)
    const between = documents.some((o) => o !== named && !/^(?:last|next) /i.test(o.name) && classOf(o.name) === classOf(named.name) && earlier.some((b) => firstAt(b) < firstAt(o)) && firstAt(o) < firstAt(named));
    if (earlier.length !== 1 || between) continue;
    named.mentions.push(...earlier[0]!.mentions);
    added = added.filter((b) => b !== earlier[0]);
  }
  return added;
}
