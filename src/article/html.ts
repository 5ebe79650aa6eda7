// HTML → clean article text, metadata and links, with cheerio. The main content is the
// <article>/<main> element (or the densest block of paragraphs); page chrome is dropped.
import * as cheerio from 'cheerio';
import { bcp47 } from './language.js';
import { cleanByline, decodeEntities, isoDate } from './meta.js';
import type { AnyNode, Element } from 'domhandler';
import type { ArticleMeta, Link } from '../types.js';
import { normalizeText } from './text.js';

const DROP =
  'script, style, noscript, template, svg, canvas, iframe, object, embed, nav, header, footer, aside, button, ' +
  'select, input, textarea, rt, rp, figcaption, [hidden], [aria-hidden="true"], [role="navigation"], [role="banner"], ' +
  '[role="contentinfo"], [role="complementary"], [style*="display:none"], [style*="display: none"]';
const CHROME = /(^|[\s_-])(share|social|newsletter|subscribe|related|recommend|promo|advert|ads?|sponsor|cookie|consent|gdpr|comment|comments|breadcrumb|byline-tools|toolbar|sidebar|popup|modal|signup|paywall|outbrain|taboola|footer|masthead|menu|nav|credit|credits|caption|author-bio|bio|disclosure|tags|tag-list)([\s_-]|$)/i;
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'pre',
  'table', 'tr', 'dl', 'dt', 'dd', 'figure', 'hr', 'address', 'center', 'td', 'th',
]);

/** Builds the clean text while walking the DOM, so link offsets are exact. */
class TextBuilder {
  out = '';
  private pendingBreak = 0;
  links: Link[] = [];

  write(s: string): number {
    s = s.replace(/\s+/g, ' ');
    if (!s.trim()) {
      if (s && this.out && !/[\s]$/.test(this.out) && !this.pendingBreak) this.out += ' ';
      return -1;
    }
    if (this.pendingBreak && this.out) {
      this.out = this.out.replace(/ +$/, '') + (this.pendingBreak > 1 ? '\n\n' : '\n');
      s = s.trimStart();
    } else if (!this.out || /\s$/.test(this.out)) s = s.trimStart();
    this.pendingBreak = 0;
    const at = this.out.length;
    this.out += s;
    return at;
  }
  block(): void {
    this.pendingBreak = 2;
  }
  lineBreak(): void {
    this.pendingBreak = Math.max(this.pendingBreak, 1);
  }
}

/** Walk the DOM without recursion (pages nest 10,000 levels deep), writing text and links. */
function walk($: cheerio.CheerioAPI, root: AnyNode, b: TextBuilder): void {
  type Frame = { node: AnyNode; exit: false } | { exit: true; block: boolean; link: { href: string; start: number } | null };
  const stack: Frame[] = [{ node: root, exit: false }];
  while (stack.length) {
    const f = stack.pop()!;
    if (f.exit) {
      if (f.link) {
        let start = f.link.start;
        while (start < b.out.length && /\s/.test(b.out[start]!)) start++;
        const end = b.out.replace(/\s+$/, '').length;
        if (end > start) b.links.push({ url: f.link.href, start, end, text: b.out.slice(start, end) });
      }
      if (f.block) b.block();
      continue;
    }
    const node = f.node;
    if (node.type === 'text') {
      b.write((node as unknown as { data: string }).data);
      continue;
    }
    const children = (node as unknown as { children?: AnyNode[] }).children;
    if (node.type === 'root') {
      for (let i = (children?.length ?? 0) - 1; i >= 0; i--) stack.push({ node: children![i]!, exit: false });
      continue;
    }
    if (node.type !== 'tag') continue;
    const el = node as Element;
    const name = el.name.toLowerCase();
    if (name === 'br') {
      b.lineBreak();
      continue;
    }
    const block = BLOCKS.has(name);
    if (block) b.block();
    const href = name === 'a' ? $(el).attr('href') : undefined;
    stack.push({ exit: true, block, link: href ? { href, start: b.out.length } : null });
    for (let i = el.children.length - 1; i >= 0; i--) stack.push({ node: el.children[i]!, exit: false });
  }
}

/** Text content without recursion. */
function textOf(root: AnyNode): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') parts.push((n as unknown as { data: string }).data);
    const children = (n as unknown as { children?: AnyNode[] }).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return parts.join('');
}

/** Whitespace-collapsed text, kept as its length and whether it starts or ends with a space. */
interface Collapsed {
  len: number;
  lead: boolean;
  trail: boolean;
}
const NOTHING: Collapsed = { len: 0, lead: false, trail: false };

/** `collapse(a + b)` from `collapse(a)` and `collapse(b)`: a space on each side merges into one. */
function joinCollapsed(a: Collapsed, b: Collapsed): Collapsed {
  if (!a.len) return b;
  if (!b.len) return a;
  return { len: a.len + b.len - (a.trail && b.lead ? 1 : 0), lead: a.lead, trail: b.trail };
}

const trimmedLength = (c: Collapsed) => Math.max(0, c.len - (c.lead ? 1 : 0) - (c.trail ? 1 : 0));

interface Measure {
  /** All the element's text. */
  text: Collapsed;
  /** The text of its links, one after another. */
  links: Collapsed;
}

/**
 * The text and link-text lengths of every node under `root`, in one bottom-up pass. Scoring each
 * candidate block by extracting its text again cost time and memory in proportion to the page's
 * depth; the lengths are the same as those of the extracted strings.
 */
function measureAll(root: AnyNode): Map<AnyNode, Measure> {
  const out = new Map<AnyNode, Measure>();
  const stack: Array<{ node: AnyNode; done: boolean }> = [{ node: root, done: false }];
  while (stack.length) {
    const top = stack.pop()!;
    const n = top.node as unknown as { type: string; name?: string; data?: string; children?: AnyNode[] };
    if (n.type === 'text') {
      const data = n.data ?? '';
      const len = data.replace(/\s+/g, ' ').length;
      out.set(top.node, { text: len ? { len, lead: /^\s/.test(data), trail: /\s$/.test(data) } : NOTHING, links: NOTHING });
      continue;
    }
    const children = n.children ?? [];
    if (!top.done) {
      stack.push({ node: top.node, done: true });
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, done: false });
      continue;
    }
    let text = NOTHING;
    let links = NOTHING;
    for (const c of children) {
      const m = out.get(c)!;
      text = joinCollapsed(text, m.text);
      // A link counts all its text, then the links inside it, as find('a') lists them.
      if ((c as unknown as { name?: string }).name === 'a') links = joinCollapsed(links, m.text);
      links = joinCollapsed(links, m.links);
    }
    out.set(top.node, { text, links });
  }
  return out;
}

function textDensityScore($: cheerio.CheerioAPI, el: Element, sizes: Map<AnyNode, Measure>): number {
  const $el = $(el);
  const m = sizes.get(el) ?? { text: NOTHING, links: NOTHING };
  const textLength = trimmedLength(m.text);
  if (textLength < 100) return 0;
  const linkText = m.links.len;
  const paragraphs = $el.children('p').length + $el.find('> div > p').length * 0.5;
  const hint = `${$el.attr('class') ?? ''} ${$el.attr('id') ?? ''}`;
  let score = textLength * (1 - linkText / textLength) + paragraphs * 200;
  if (/(article|content|story|body|post|entry|main|text)/i.test(hint)) score *= 1.3;
  if (CHROME.test(hint)) score *= 0.2;
  return score;
}

function meta($: cheerio.CheerioAPI, ...selectors: string[]): string | null {
  for (const sel of selectors) {
    const v = $(sel).first().attr('content') ?? $(sel).first().attr('datetime');
    if (v && v.trim()) return v.trim();
  }
  return null;
}

interface JsonLdArticle {
  headline?: string;
  author?: unknown;
  datePublished?: string;
  publisher?: unknown;
  url?: string;
  inLanguage?: string;
  articleBody?: string;
}

function jsonLd($: cheerio.CheerioAPI): JsonLdArticle | null {
  const found: JsonLdArticle[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    const type = ([] as unknown[]).concat(o['@type'] ?? []).map(String);
    if (type.some((t) => /Article|BlogPosting|Report/i.test(t))) found.push(o as JsonLdArticle);
    if (o['@graph']) visit(o['@graph']);
  };
  $('script[type="application/ld+json"]').each((_, el) => {
    try {
      // XHTML-minded templates wrap the JSON in CDATA markers or a comment, which JSON cannot parse.
      visit(JSON.parse($(el).text().trim().replace(/^(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)$/g, '')));
    } catch {
      // Broken JSON-LD is common; the other metadata still applies.
    }
  });
  return found[0] ?? null;
}

function nameOf(v: unknown): string | null {
  if (!v) return null;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(nameOf).filter(Boolean).join(', ') || null;
  if (typeof v === 'object' && 'name' in (v as object)) return nameOf((v as { name: unknown }).name);
  return null;
}

function cleanTitle(title: string | null, site: string | null, headings: string[]): string | null {
  if (!title) return null;
  const t = decodeEntities(title.replace(/\s+/g, ' ').trim());
  // The page's own heading, when the title contains it, is the headline without the site's name.
  const squash = (x: string) => x.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  // "Site » Blog Archive » Post": a breadcrumb runs from general to specific, so the post is last.
  const crumbs = t.split(/\s*»\s*/).filter(Boolean);
  if (crumbs.length >= 3 && crumbs.at(-1)!.split(/\s+/).length >= 3) return crumbs.at(-1)!;
  const h = headings.find((x) => x.length >= 10 && squash(t).includes(squash(x)));
  if (h) return h;
  const parts = t.split(/\s*[|»]\s*|\s+[–—·-]\s+|(?<=\S)-(?=[^\s-]*$)/).map((x) => x.trim()).filter(Boolean);
  if (parts.length > 1) {
    // Site names are the short parts, or the part that names the site; the headline is what is left.
    const named = parts.filter((x) => !(site && x.toLowerCase().includes(site.toLowerCase())));
    const longest = (named.length ? named : parts).reduce((a, b) => (b.length > a.length ? b : a));
    if (longest.split(/\s+/).length >= 3 || /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u.test(longest)) return longest;
  }
  return t || null;
}

/** Letters and digits only, lower-cased: "La Stampa" and "lastampa.it" compare as "lastampa…". */
const squashName = (x: string) => x.toLowerCase().replace(/\.(?:com|net|org|co\.uk|[a-z]{2})$/, '').replace(/[^\p{L}\p{N}]+/gu, '');

/** A trailing date or time stamp ("… : 31.10.2023, 10.19 Uhr") is the page's, not the headline's. */
const TRAILING_STAMP = /\s*[:|–—-]\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:,?\s*\d{1,2}[.:]\d{2}(?:\s*(?:Uhr|h|am|pm))?)?\s*$/i;

/**
 * "Headline | The Japan Times" → "Headline" and "NEWS WEB EASY|Headline" → "Headline", when the part
 * beyond the separator is the site's name (given as a name or as its domain).
 */
function withoutSiteName(title: string, site: string | null): string {
  const t = title.replace(TRAILING_STAMP, '') || title;
  if (!site) return t;
  const name = squashName(site);
  if (!name) return t;
  const names = (part: string) => {
    const p = squashName(part);
    return p.length > 0 && (p.includes(name) || name.includes(p));
  };
  const tail = /^(.{8,}?)\s*(?:\s[|–—·-]\s|\|)\s*([^|–—·]+?)\s*$/.exec(t);
  if (tail && names(tail[2]!)) return tail[1]!.trim();
  const head = /^\s*([^|–—·]+?)\s*(?:\s[|–—·-]\s|\|)\s*(.{8,})$/.exec(t);
  if (head && names(head[1]!)) return head[2]!.trim();
  return t;
}


export interface HtmlArticle {
  meta: ArticleMeta;
  text: string;
  links: Link[];
}

/**
 * Scripts (but JSON-LD metadata) and style sheets, cut out before parsing. They are dropped anyway,
 * and on news pages they are often most of the bytes: parsing them tripled the time and memory of
 * the largest pages. An element ends at its first closing tag, as the HTML tokenizer has it too.
 */
const SCRIPT_OR_STYLE = /<(script|style)\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/\1\s*>/gi;

/**
 * The page's canonical URL, made absolute against the fetched one, when it is an http(s) URL on the
 * same site (a canonical pointing elsewhere, or at the home page, is more often a template's mistake).
 */
function canonicalUrl(canonical: string | null, fetched: string | null): string | null {
  if (!canonical) return null;
  try {
    const c = new URL(canonical, fetched ?? undefined);
    if (!/^https?:$/.test(c.protocol)) return null;
    if (!fetched) return c.href;
    const f = new URL(fetched);
    const site = (h: string) => h.replace(/^www\./, '');
    if (site(c.hostname) !== site(f.hostname) || (c.pathname === '/' && f.pathname !== '/')) return null;
    return c.href;
  } catch {
    return null;
  }
}

export function htmlArticle(html: string, source: string, url: string | null): HtmlArticle {
  const $ = cheerio.load(html.replace(SCRIPT_OR_STYLE, ''));
  const ld = jsonLd($);
  // (cheerio reads <noscript> as text, since it runs no scripts; its markup is parsed on its own.)
  const noscript = $('noscript').toArray().map((el) => $(el).text()).filter((t) => /<p[\s>]/i.test(t));
  const site = meta($, 'meta[property="og:site_name"]') ?? nameOf(ld?.publisher) ?? null;
  // A title the publisher declared for sharing is taken as it is; only the <title> element, which
  // usually carries the site's name, is cleaned.
  const declared = ld?.headline ?? meta($, 'meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="dc.title"]');
  const rawTitle = declared ?? ($('title').first().text() || $('h1').first().text() || null);
  const canonical = $('link[rel="canonical"]').attr('href') ?? meta($, 'meta[property="og:url"]') ?? ld?.url ?? null;
  const metaOut: ArticleMeta = {
    source,
    url: canonicalUrl(canonical, url) ?? url ?? null,
    title: declared ? withoutSiteName(decodeEntities(declared.replace(/\s+/g, ' ').trim()), site) : cleanTitle(rawTitle, site, $('h1').toArray().map((el) => $(el).text().replace(/\s+/g, ' ').trim()).filter(Boolean)),
    byline: cleanByline(nameOf(ld?.author) ?? meta($, 'meta[name="author"]', 'meta[property="article:author"]') ?? ($('[rel="author"], .byline, .author').first().text().replace(/\s+/g, ' ').trim() || null)),
    published: isoDate(ld?.datePublished ?? meta($, 'meta[property="article:published_time"]', 'meta[name="date"]', 'meta[itemprop="datePublished"]', 'time[datetime]')),
    site,
    language: bcp47($('html').attr('lang') ?? meta($, 'meta[property="og:locale"]', 'meta[http-equiv="content-language"]', 'meta[name="language"]') ?? (typeof ld?.inLanguage === 'string' ? ld.inLanguage : null)),
  };

  $(DROP).remove();
  // Forms are chrome (search boxes, sign-ups), except where a whole page sits in one (ASP.NET).
  $('form').each((_, el) => {
    if (!$(el).find('article, main, [itemprop="articleBody"]').length && $(el).find('p').length < 5) $(el).remove();
  });
  $('*').each((_, el) => {
    const hint = `${$(el).attr('class') ?? ''} ${$(el).attr('id') ?? ''}`;
    if (!hint.trim() || !CHROME.test(hint) || /(article|content|story|body|main)/i.test(hint) || (el as Element).name === 'body') return;
    // A layout wrapper named after its sidebar still holds the article: keep what holds much text.
    if ($(el).find('article, main, [itemprop="articleBody"]').length || $(el).find('p').length >= 5) return;
    $(el).remove();
  });

  // The main block: <article> or <main> when present, else the best-scoring container.
  let root: Element | undefined;
  const sizes = measureAll($.root()[0] as unknown as AnyNode);
  const candidates = $('article, main, [itemprop="articleBody"]').toArray() as Element[];
  // Of several, the one with the most paragraph text and the fewest links (listings are articles too).
  if (candidates.length) root = candidates.map((c) => ({ c, s: textDensityScore($, c, sizes) })).sort((a, b) => b.s - a.s)[0]!.c;
  if (!root || textOf(root).trim().length < 200) {
    let best = 0;
    $('div, section, td').each((_, el) => {
      const s = textDensityScore($, el as Element, sizes);
      if (s > best) {
        best = s;
        root = el as Element;
      }
    });
  }
  const body = root ?? ($('body')[0] as Element | undefined) ?? ($.root()[0] as unknown as Element);
  const b = new TextBuilder();
  walk($, body, b);
  const { text, links } = dropBoilerplate(b.out.trim(), b.links);
  // The builder's text is already normalised except for rare control characters.
  const normalized = normalizeText(text);
  // A body built by script (blog platforms, apps) lives outside the visible markup: in the page's
  // JSON-LD articleBody, or in a <noscript> copy. Taken when the markup gave much less.
  const hidden = hiddenBody(ld, noscript);
  if (hidden && hidden.length > 2 * normalized.length + 200) return { meta: metaOut, text: hidden, links: [] };
  return { meta: metaOut, text: normalized, links: normalized === text ? links : [] };
}

/** The article text a page keeps out of its visible markup, or null. */
function hiddenBody(ld: JsonLdArticle | null, noscript: string[]): string | null {
  if (typeof ld?.articleBody === 'string' && ld.articleBody.trim()) return normalizeText(decodeEntities(ld.articleBody).replace(/\r\n?/g, '\n').trim());
  for (const html of noscript) {
    const $n = cheerio.load(html);
    const paras = $n('p').toArray().map((el) => $n(el).text().replace(/\s+/g, ' ').trim()).filter((t) => t.split(' ').length >= 5);
    if (paras.length >= 2) return normalizeText(paras.join('\n\n'));
  }
  return null;
}

// Blocks that are page furniture wherever they stand, and headings after which only furniture follows.
const FURNITURE_BLOCK =
  /^(advertisement:?|advertising|sponsored|credit:.*|(photo(graph)?|image|illustration|video)( credits?)?:? by .*|photo credits?.*|getty images.*|©.*|copyright ©?.*|all rights reserved.*|tags?:.*|tagged:.*|topics?:.*|filed under:?.*|share( this( article| story)?)?( on \w+)?|pdf version|print( this)?|e-?mail( this)?|\d+ min(ute)? read|sign up( for)?.{0,60}|subscribe.{0,60}|follow us.{0,60}|(.{0,60}[·|•] )?\d+ min(ute)?s? read|\d{1,2}:\d{2} ?(am|pm)|updated:? .{0,40}|published:? .{0,40}|copy link.{0,20}|link copied!?|url ?copied!?|copied!?|we['’]re interested in your feedback.{0,60}|was this (article|page) helpful\??.{0,40}|(give|send) (us )?feedback.{0,40}|(play|replay|pause|mute|unmute|fullscreen|exit fullscreen|now playing|up next|watch|video ad feedback|closed captions?|settings)( video)?(\s+\d{1,2}:\d{2})?|duration:? ?\d{1,2}:\d{2}|\d{1,2}:\d{2}( \/ \d{1,2}:\d{2})?|image (source|caption|credit)s?,?.{0,80}|(photo|image|picture)s?:? (getty|reuters|ap|afp|pa|epa|shutterstock|alamy)\b.{0,60}|\((photo|image|picture) by .{0,60}\)|[^\n]{0,60}\/(getty images|reuters|ap|afp|pa media|epa)( via .{0,40})?)$/i;
/**
 * Prompts to the reader, furniture wherever they stand: each is a whole block, with why it is one.
 * (Short labels are in FURNITURE_BLOCK; these are sentences, so each needs its own shape.)
 */
const READER_PROMPTS: RegExp[] = [
  // App promotion: "For the latest stories … download the Nationnews apps for iOS and Android."
  /^(?:for the latest .{0,60})?(?:download|get|install) (?:the|our) .{0,40}\bapps?\b.{0,60}$/i,
  /^get .{0,60}\b(?:on|to) your (?:phone|device|inbox) with .{0,60}\bapp\.?$/i,
  // Social follows: "Follow The Gleaner on Twitter and Instagram @JamaicaGleaner …"; an author box's
  // "You can keep up with me on Twitter: @…".
  /^(?:follow|like) (?:us|[\w.’']+(?: [\w.’']+){0,3}) on (?:twitter|x|facebook|instagram|linkedin|tiktok|youtube|threads|whatsapp)\b.{0,200}$/i,
  /^.{0,200}\byou can (?:keep up with|follow|find) me on (?:twitter|x|facebook|instagram|linkedin|mastodon)\b.{0,60}$/i,
  // Paywalls: "To view the full story, please subscribe …", "If you're already a subscriber, log in …".
  /^to (?:view|read|continue reading|access|keep reading) (?:the (?:full|rest of the|whole) )?(?:story|article)\b.{0,160}$/i,
  /^if you['’]re (?:seeing this message|already a subscriber).{0,160}$/i,
  /^pour (?:lire la suite|accéder en illimité|continuer à lire).{0,160}$/i,
  // Newsletters: "Never miss the latest news by signing up to our newsletter today!"
  /^never miss .{0,80}\b(?:sign(?:ing)? up|subscrib\w*|newsletters?)\b.{0,60}$/i,
  // Letters and feedback: "We want to hear what you think about this article. Submit a letter …"
  /^we want to hear what you think.{0,160}$/i,
  /^submit (?:a|your) letter to the editor.{0,120}$/i,
  // A related story's link on a line of its own: "Read more: Recognizing Germany colonial crimes".
  /^(?:read more|read also|also read|see also|lire aussi|leggi anche|lea también|lesen sie auch|mehr zum thema|dowiedz się więcej):\s.{0,160}$/i,
];

const END_MARKER =
  /^(related( stories| topics| articles| content| coverage| posts| reading| links)?:?|you (might|may) (also )?(like|enjoy|be interested in):?|more (from|on|in|stories|news)\b.{0,60}|explore further|read (more|next|also):?|recommended( for you| reading)?:?|most (read|popular|viewed)|popular (now|stories|posts)|latest (news|stories|posts)|further reading|see also|about the author|comments?( \(\d+\))?|leave a (comment|reply)|missed the .{0,40}\?|we want to hear what you think.{0,80}|feedback to editors|trending( now| stories)?|related topics:?|advertising disclosure|do you want to be informed .{0,80}|am meisten gelesen.{0,10}|letzte kommentare|videos zum thema|beiträge aus dem forum|mehr zum thema|das könnte sie auch interessieren|dowiedz się więcej.{0,40}|argomenti|leggi anche.{0,40}|puede escribirnos.{0,80}|te puede interesar|lire aussi.{0,40}|pour lire la suite.{0,80}|à lire aussi.{0,40}|sur le même sujet)$/i;

/** Remove furniture blocks, and cut at an end-of-article heading in the last part; links follow their text. */
function dropBoilerplate(text: string, links: Link[]): { text: string; links: Link[] } {
  const blocks: Array<{ start: number; end: number; text: string }> = [];
  const re = /[^\n]+(?:\n[^\n]+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) blocks.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  let cut = blocks.length;
  const words = blocks.map((x) => x.text.split(/\s+/).length);
  const total = words.reduce((a, n) => a + n, 0);
  let seen = 0;
  for (let i = 0; i < blocks.length; i++) {
    // Only past the first half of the words: "Related" near the top is part of the story.
    if (seen > total * 0.5 && END_MARKER.test(blocks[i]!.text.trim())) {
      cut = i;
      break;
    }
    seen += words[i]!;
  }
  const kept = blocks.slice(0, cut).filter((x) => {
    const t = x.text.trim();
    return !FURNITURE_BLOCK.test(t) && !READER_PROMPTS.some((re) => re.test(t));
  });
  if (kept.length === blocks.length) return { text, links };
  let out = '';
  const moved: Link[] = [];
  for (const k of kept) {
    const at = out ? out.length + 2 : 0;
    out += (out ? '\n\n' : '') + k.text;
    for (const l of links) if (l.start >= k.start && l.end <= k.end) moved.push({ ...l, start: l.start - k.start + at, end: l.end - k.start + at });
  }
  return { text: out, links: moved };
}

/** All the text of an HTML fragment, blocks as paragraphs (for scoring other extractors' output alike). */
export function htmlToText(html: string): string {
  const $ = cheerio.load(html);
  $('script, style, noscript, template').remove();
  const b = new TextBuilder();
  walk($, $.root()[0] as unknown as AnyNode, b);
  return normalizeText(b.out);
}
