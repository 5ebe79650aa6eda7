// Bytes of one input → an Article (clean text + metadata) and, for HTML, its links.
import { createHash } from 'node:crypto';
import { bcp47, languageOfText } from './language.js';
import { cleanByline, isoDate } from './meta.js';
import type { Article, ArticleMeta, FetchValidators, Link } from '../types.js';
import { decodeText } from './decode.js';
import { htmlArticle } from './html.js';
import { textArticle } from './text.js';

export interface RawDocument {
  source: string;
  bytes: Uint8Array;
  /** The HTTP Content-Type, when the input came from a URL. */
  contentType?: string | null;
  /** The final URL after redirects. */
  url?: string | null;
  /** Metadata given with the input (an NDJSON record), which wins over what the page says. */
  meta?: Partial<Omit<ArticleMeta, 'source'>>;
  /** The input is known to be HTML (or known not to be). */
  html?: boolean;
  /** Metadata that fills what the page leaves empty (a feed item's date). */
  fallback?: Partial<Pick<ArticleMeta, 'published'>>;
  /** How a page was fetched: stored so that a later run can ask whether it changed. */
  fetched?: FetchValidators;
}


/** HTML is recognised by its content, not only by a file name. */
export function looksLikeHtml(text: string, contentType: string | null = null): boolean {
  if (contentType && /html|xml/i.test(contentType)) return true;
  const head = text.slice(0, 2000).trimStart();
  if (/^(<!doctype html|<html|<\?xml[^>]*>\s*<html|<head|<body)/i.test(head)) return true;
  const tags = text.slice(0, 20000).match(/<\/?(p|div|span|a|br|article|section|h[1-6]|ul|li|table|body|head|meta|script)\b[^>]*>/gi);
  return (tags?.length ?? 0) >= 3;
}

export function buildArticle(doc: RawDocument): { article: Article; links: Link[] } {
  const charset = doc.contentType ? /charset=["']?([\w-]+)/i.exec(doc.contentType)?.[1] ?? null : null;
  const raw = decodeText(doc.bytes, charset);
  const url = doc.url ?? (/^https?:\/\//i.test(doc.source) ? doc.source : null);
  if (doc.html === undefined && isJsonDocument(raw)) throw new Error('a JSON document, not an article (records go in with --from-ndjson)');
  if (doc.html === undefined && isNdjson(raw)) throw new Error('NDJSON records, not an article (read them with --from-ndjson)');
  const html = doc.html ?? looksLikeHtml(raw, doc.contentType ?? null);
  const parsed = html ? htmlArticle(raw, doc.source, url) : { ...textArticle(raw, doc.source, url), links: [] };
  // Metadata given with a record takes the page's place, made uniform as the page's is.
  for (const [k, v] of Object.entries(doc.meta ?? {})) {
    if (typeof v !== 'string' || !v) continue;
    const value = k === 'published' ? (isoDate(v) ?? v) : k === 'byline' ? (cleanByline(v) ?? v) : v;
    (parsed.meta as unknown as Record<string, string>)[k] = value;
  }
  if (!parsed.meta.published && doc.fallback?.published) parsed.meta.published = isoDate(doc.fallback.published);
  if (!parsed.text.trim()) throw new Error('no article text found in it');
  // A page that declares no language, and a text file, get the one their words show.
  parsed.meta.language = bcp47(parsed.meta.language) ?? languageOfText(parsed.text);
  const sha256 = createHash('sha256').update(parsed.text).digest('hex');
  return { article: { id: sha256.slice(0, 12), ...parsed.meta, text: parsed.text, sha256 }, links: parsed.links };
}

/** Lines of JSON objects, whatever the file is called. */
function isNdjson(text: string): boolean {
  const lines = text.trim().split('\n', 5).filter((l) => l.trim());
  if (!lines.length || !lines.every((l) => /^\s*\{.*\}\s*$/.test(l))) return false;
  try {
    for (const l of lines) JSON.parse(l);
    return true;
  } catch {
    return false;
  }
}

function isJsonDocument(text: string): boolean {
  const t = text.trim();
  if (!/^[[{]/.test(t) || !/[\]}]$/.test(t)) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}
