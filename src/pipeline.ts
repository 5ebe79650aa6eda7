// One document through the pure stages: bytes → article → NLP. No database, no network.
import { buildArticle, type RawDocument } from './article/index.js';
import { analyze } from './nlp/index.js';
import type { ArticleResult } from './types.js';

export function extractDocument(doc: RawDocument): ArticleResult {
  const { article, links } = buildArticle(doc);
  return { article, ...analyze(article.text, links) };
}
