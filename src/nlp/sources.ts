// Cited sources: URLs and numbered references, news outlets, documents and unnamed sources.
import type { Attribution, Link, Source, SourceKind, Span } from '../types.js';
import { isDocumentPhrase } from './cues.js';
import { outletsByName } from './lexicon.js';
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
  `\\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]his|[Tt]hat|[Ii]n an?|[Ii]n its)\\s+((?:[\\p{L}-]+\\s+){0,3}?(?:${DOC_HEADS}))\\b(?:\\s+(?:by|from|of)\\s+(?:the\\s+)?((?:\\p{Lu}[\\p{L}&.-]*)(?:\\s+(?:of\\s+|for\\s+|and\\s+)?\\p{Lu}[\\p{L}&.-]*)*))?`,
  'gu',
);
// "Anne Thompson of the Hollywood Reporter": a journalist's outlet is cited with them.
const OUTLET_BEFORE = /\b(?:told|to|according to|reported by|report by|reports? in|in|by|from|via|with|on|of|wrote in|writing in|published in|cited by|quoted by)\s+(?:the\s+)?$/i;
const OUTLET_AFTER = /^['’]?s?\s+(?:reported|reports|said|says|wrote|writes|first reported|reporter|journalist|report|article|story|interview|analysis|investigation|found|revealed|learned|learnt|has learned|has learnt|understands|noted|published|obtained|confirmed)\b/i;

const SPOKESPERSON = /\bspokes(?:man|woman|person|men|women|people)\b/i;
// One person described by a role or an age: a speaker the article could name, not an unnamed source.
const ONE_PERSON = /^(?:the|this|that|its|his|her|their)\s+(?:[\p{L}-]+\s+){0,3}(?:secretary|minister|chancellor|president|premier|leader|chairman|chairwoman|chief|executive|boss|director|manager|coach|captain|star|actor|actress|singer|mayor|governor|senator|judge|\d+-year-old|man|woman)$/iu;
// Material cited without a name: "rumours", "it is reported", "reports suggest".
const UNNAMED_MATERIAL = /\b(?:[Rr]umou?rs(?= (?:that|of|about|say|suggest))|[Ii]t (?:is|was|has been) (?:reported|understood|rumou?red)|[Rr]eports (?:say|said|suggest|suggested|claim|claimed)|(?:[Ii]ndustry|[Mm]arket|[Gg]overnment|[Ss]enior|[Pp]arty|[Dd]iplomatic) sources)\b/g;

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

  // URLs, including those of a reference list; reference markers "[1]" point at them.
  const references = new Map<string, SourceDraft>();
  const urlSpans: Span[] = [];
  for (const m of text.matchAll(URL_RE)) {
    const span = trimUrl(text, m.index!, m.index! + m[0].length);
    urlSpans.push(span);
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
  for (const l of links) if (/^https?:/i.test(l.url)) add('url', hostOf(l.url), l.url, l.end > l.start ? { start: l.start, end: l.end, text: text.slice(l.start, l.end) } : null);

  const inBody = (pos: number) => paras.some((p) => !skip.has(p.index) && p.start <= pos && pos < p.end);

  // News outlets, where the words around them say they are being cited.
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

  // Documents: "a report by the National Audit Office", "Meta writes in a blog post".
  const docChannels = new Map<string, Attribution>();
  for (const a of attributions) if (a.channel && a.speaker) docChannels.set(a.channel.toLowerCase(), a);
  for (const m of text.matchAll(DOC_RE)) {
    const start = m.index! + m[0].indexOf(m[1]!);
    if (!inBody(start)) continue;
    const head = m[1]!.trim();
    const lower = head.toLowerCase();
    // "policy" and "statement" are documents only when named or cited as a channel.
    const by = m[2]?.trim();
    const channel = docChannels.get(lower);
    if (!by && !channel && /^(?:[\p{L}-]+\s+)*(policy|guidelines|statement|letter|analysis|paper|investigation|complaint)$/iu.test(lower)) continue;
    const owner = by ?? channel?.speaker?.name ?? null;
    const name = owner ? `${owner} ${head}` : head;
    const end = by ? m.index! + m[0].length : start + head.length;
    add('document', name, null, { start, end, text: text.slice(start, end) });
  }

  // Unnamed sources: groups and go-betweens the article does not name ("analysts", "sources close to
  // the talks", "a Home Office spokeswoman"). One person described by a role ("the home secretary")
  // is a speaker, not a source, and a document is a document.
  for (const a of attributions) {
    if (!a.speaker || !a.speakerText) continue;
    const spokesperson = SPOKESPERSON.test(a.speakerText);
    if (a.speaker.entityId && !spokesperson) continue;
    if (/^(he|she|they|it|we|i|who|which|you)$/i.test(a.speakerText)) continue;
    // ("Reports have characterized …", bare and plural, are unnamed material; "the report" is a document.)
    if (!spokesperson && (ONE_PERSON.test(a.speakerText) || (isDocumentPhrase(a.speakerText) && !/^\p{L}+s$/u.test(a.speakerText.trim())))) continue;
    const idx = text.lastIndexOf(a.speakerText, a.start);
    const at = idx >= 0 ? idx : text.indexOf(a.speakerText);
    add('unnamed', a.speakerText, null, at >= 0 ? { start: at, end: at + a.speakerText.length, text: a.speakerText } : null);
  }

  // Rumours and reports the article cites without naming them.
  for (const m of text.matchAll(UNNAMED_MATERIAL)) {
    if (!inBody(m.index!)) continue;
    add('unnamed', m[0], null, { start: m.index!, end: m.index! + m[0].length, text: m[0] });
  }

  // A bare "report" where the article names the report ("the Demos report") is that report.
  const named = drafts.filter((d) => d.kind === 'document' && /\s/.test(d.name));
  const kept = drafts.filter((d) => {
    if (d.kind !== 'document' || /\s/.test(d.name)) return true;
    const owner = named.find((n) => n.name.toLowerCase().endsWith(` ${d.name.toLowerCase()}`));
    if (owner) owner.mentions.push(...d.mentions);
    return !owner;
  });

  return kept.map((d, i) => ({
    id: `s${i + 1}`,
    kind: d.kind,
    name: d.name,
    url: d.url,
    mentions: d.mentions.sort((a, b) => a.start - b.start),
  }));
}
