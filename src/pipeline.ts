// One document through the pure stages: bytes → article → NLP. No database, no network.
import { buildArticle, type RawDocument } from './article/index.js';
import { analyze } from './nlp/index.js';
import type { ArticleResult } from './types.js';

/**
 * Build the article, then run the NLP, unless `skip` says the article's text needs no work
 * (batch runs skip texts already stored); then the article comes back without an extraction.
 */
export function extractDocument(doc: RawDocument): ArticleResult;
export function extractDocument(doc: RawDocument, skip: (sha256: string) => boolean): ArticleResult | { skipped: string };
export function extractDocument(doc: RawDocument, skip?: (sha256: string) => boolean): ArticleResult | { skipped: string } {
  const { article, links } = buildArticle(doc);
  if (skip?.(article.sha256)) return { skipped: article.sha256 };
  return { article, ...analyze(article.text, links) };
}
