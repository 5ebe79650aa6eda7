// The NLP pass: clean article text in, entities / attributions / sources / claims out.
import type { Extraction, Link } from '../types.js';
import { findAttributions } from './attributions/index.js';
import { findClaims } from './claims.js';
import { findEntities } from './entities.js';
import { furnitureParagraphs } from './furniture.js';
import { paragraphs, sentences } from './segment.js';
import { findSources } from './sources.js';
import { tagText } from './terms.js';

export { DEFAULT_CLAIM_THRESHOLD } from './claims.js';

export function analyze(text: string, links: Link[] = []): Extraction {
  const paras = paragraphs(text);
  const sents = sentences(text, paras);
  const skip = furnitureParagraphs(paras);
  const index = tagText(text, sents, skip);
  const entities = findEntities(text, paras, sents, skip, index);
  const attributions = findAttributions(text, paras, sents, skip, entities, index);
  const sources = findSources(text, paras, skip, attributions, links);
  const claims = findClaims(sents, skip, entities, attributions, sources);
  return { entities, attributions, sources, claims };
}
