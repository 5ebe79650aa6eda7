// Feeds and sitemaps: recognised by their content, read as a stream into the article URLs they list.
// XML goes through saxes (a streaming, well-formedness-checking parser; no DOM is ever built, and
// entities a DTD declares are refused, so "billion laughs" cannot expand). JSON Feed is small JSON.
import { SaxesParser } from 'saxes';
import { isoDate } from '../article/meta.js';

export type FeedKind = 'rss' | 'rdf' | 'atom' | 'json-feed' | 'sitemap' | 'sitemap-index';

export interface FeedEntry {
  url: string;
  /** The item's date, ISO 8601: fills `published` when the page gives none. */
  published: string | null;
  /** A sitemap listed by a sitemap index (not an article). */
  nested: boolean;
}

/** The sitemaps protocol's limits, which serve for any feed: 50,000 entries and 50 MB uncompressed. */
export const MAX_FEED_ENTRIES = 50_000;
export const MAX_FEED_BYTES = 50_000_000;

/** The root element of each XML kind, by local name (prefixes vary: "rdf:RDF"). */
const ROOTS: Record<string, FeedKind> = { rss: 'rss', rdf: 'rdf', feed: 'atom', urlset: 'sitemap', sitemapindex: 'sitemap-index' };

/** Gzip's magic number: a ".xml.gz" sitemap, whatever it is called or served as. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * What a document is, from its first few kilobytes: the root element after the XML declaration,
 * comments, processing instructions and doctype; or a JSON object naming a jsonfeed.org version.
 */
export function feedKind(head: string): FeedKind | null {
  const s = head.replace(/^\uFEFF/, '').trimStart();
  if (s.startsWith('{')) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(s) ? 'json-feed' : null;
  const prolog = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>|\s+)*/i.exec(s)![0];
  const root = /^<([\w.-]+:)?([\w.-]+)[\s>/]/.exec(s.slice(prolog.length));
  return root ? (ROOTS[root[2]!.toLowerCase()] ?? null) : null;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();

/** Where each kind keeps an entry, its URL and its date (by element local names). */
const ENTRY: Record<Exclude<FeedKind, 'json-feed'>, string> = { rss: 'item', rdf: 'item', atom: 'entry', sitemap: 'url', 'sitemap-index': 'sitemap' };
/** Date elements, the better first: a news sitemap's publication date before `lastmod`, Atom's `published` before `updated`. */
const DATES = ['publication_date', 'pubdate', 'published', 'date', 'issued', 'updated', 'modified', 'lastmod'];
/** Text elements worth keeping; an entry's other text (descriptions, content) is never held. */
const TEXT_FIELDS = new Set(['link', 'loc', 'guid', ...DATES]);
const MAX_FIELD = 8192;

/**
 * A streaming reader of an XML feed or sitemap: `write` text as it arrives, then `close` for the
 * entries. Memory holds the entries found, not the document. Throws on XML that is not well-formed.
 */
export class XmlFeedReader {
  readonly entries: FeedEntry[] = [];
  private readonly parser = new SaxesParser();
  private kind: Exclude<FeedKind, 'json-feed'> | null = null;
  private entry: { fields: Map<string, string>; link: string | null; about: string | null; guidIsLink: boolean } | null = null;
  private field: string | null = null;
  private text = '';
  private depth = 0;

  constructor(private readonly base: string | null) {
    this.parser.on('opentag', (tag) => {
      const name = localName(tag.name);
      const attrs = tag.attributes as Record<string, string>;
      this.depth++;
      if (this.depth === 1) {
        this.kind = (ROOTS[name] as Exclude<FeedKind, 'json-feed'> | undefined) ?? null;
        if (!this.kind) throw new Error(`<${tag.name}> is no feed or sitemap`);
        return;
      }
      if (name === ENTRY[this.kind!] && !this.entry) {
        this.entry = { fields: new Map(), link: null, about: attrs['rdf:about'] ?? null, guidIsLink: true };
        return;
      }
      if (!this.entry) return;
      // Atom: <link href="…"/>, the alternate (HTML) one when there are several.
      if (name === 'link' && attrs.href !== undefined) {
        const rel = attrs.rel ?? 'alternate';
        if (rel === 'alternate' && (!this.entry.link || /html/i.test(attrs.type ?? ''))) this.entry.link = attrs.href;
        return;
      }
      if (name === 'guid' && attrs.isPermaLink === 'false') this.entry.guidIsLink = false;
      if (TEXT_FIELDS.has(name)) {
        this.field = name;
        this.text = '';
      }
    });
    const onText = (t: string) => {
      if (this.field && this.text.length < MAX_FIELD) this.text += t;
    };
    this.parser.on('text', onText);
    this.parser.on('cdata', onText);
    this.parser.on('closetag', (tag) => {
      this.depth--;
      const name = localName(tag.name);
      if (!this.entry) return;
      if (this.field === name) {
        if (!this.entry.fields.has(name)) this.entry.fields.set(name, this.text.trim());
        this.field = null;
      }
      if (name === ENTRY[this.kind!]) this.finishEntry();
    });
  }

  private finishEntry(): void {
    const e = this.entry!;
    this.entry = null;
    const f = e.fields;
    const raw = e.link ?? f.get('loc') ?? f.get('link') ?? (e.guidIsLink ? f.get('guid') : undefined) ?? e.about;
    const url = raw ? absolute(raw, this.base) : null;
    if (!url) return;
    if (this.entries.length >= MAX_FEED_ENTRIES) throw new Error(`more than ${MAX_FEED_ENTRIES.toLocaleString('en')} entries`);
    const date = DATES.map((d) => f.get(d)).find((d) => d);
    this.entries.push({ url, published: isoDate(date), nested: this.kind === 'sitemap-index' });
  }

  write(text: string): void {
    this.parser.write(text);
  }

  close(): FeedEntry[] {
    this.parser.close();
    if (!this.kind) throw new Error('an empty document');
    return this.entries;
  }
}

/** The items of a JSON Feed (https://www.jsonfeed.org/version/1.1/). */
export function jsonFeedEntries(text: string, base: string | null): FeedEntry[] {
  let feed: { items?: Array<{ url?: unknown; external_url?: unknown; id?: unknown; date_published?: unknown; date_modified?: unknown }> };
  try {
    feed = JSON.parse(text);
  } catch (err) {
    throw new Error(`not well-formed JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(feed.items)) throw new Error('a JSON Feed without "items"');
  if (feed.items.length > MAX_FEED_ENTRIES) throw new Error(`more than ${MAX_FEED_ENTRIES.toLocaleString('en')} entries`);
  const entries: FeedEntry[] = [];
  for (const item of feed.items) {
    const raw = [item.url, item.external_url, item.id].find((u): u is string => typeof u === 'string' && /^https?:|^\//.test(u));
    const url = raw ? absolute(raw, base) : null;
    const date = [item.date_published, item.date_modified].find((d): d is string => typeof d === 'string');
    if (url) entries.push({ url, published: isoDate(date), nested: false });
  }
  return entries;
}

/** An entry's URL made absolute against the feed's; only web pages are articles. */
function absolute(raw: string, base: string | null): string | null {
  try {
    const u = new URL(raw.trim(), base ?? undefined);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}
