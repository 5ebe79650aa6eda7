// Plain text → article: normalised line breaks and spaces; the first short line is the title.
import type { ArticleMeta } from '../types.js';

/** Normalise text so offsets are stable: LF line breaks, no NULs or BOM, no trailing spaces. */
export function normalizeText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function titleOf(text: string): string | null {
  const first = text.split('\n', 1)[0]!.trim();
  if (!first || first.length > 200) return null;
  if (/^(skip to (main )?content|menu|home)$/i.test(first)) {
    const next = text.split('\n').map((l) => l.trim()).find((l, i) => i > 0 && l);
    return next && next.length <= 200 ? next : null;
  }
  return first;
}

export function textArticle(raw: string, source: string, url: string | null): { meta: ArticleMeta; text: string } {
  const text = normalizeText(raw);
  return { text, meta: { source, url, title: titleOf(text), byline: null, published: null, site: null, language: null } };
}
