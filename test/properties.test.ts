// Property-based tests: for arbitrary text and arbitrary HTML, extraction never throws, every span
// points at its own text, every referenced id exists, and the JSON output parses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../src/pipeline.js';
import { contractProblems } from './helpers.js';

// Words and marks that exercise the extractor: names, cues, quotes, references, URLs, bullets.
const token = fc.oneof(
  fc.constantFrom(
    'said', 'told', 'according to', 'Mr.', 'Dr', 'Meta', 'Joelle Pineau', 'the company', 'she', 'it', 'Reuters', 'a report by the',
    'National Audit Office', '(NAO)', '“', '”', '"', "''", '‘', '’', '«', '»', ':', ',', '.', '?', '!', '—', '[1]', '[2]',
    'https://example.com/a', 'www.test.org', '\n', '\n\n', '- ', '#tag', 'Share', 'may', 'could', '£28.7m', 'U.S.', '’s', '\t', '\u00a0',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
const articleText = fc.array(token, { maxLength: 80 }).map((parts) => parts.join(' '));

const tag = fc.constantFrom('p', 'div', 'article', 'main', 'span', 'a', 'b', 'h1', 'li', 'ul', 'blockquote', 'script', 'style', 'nav', 'br', 'rt', 'figure');
const htmlNode: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    articleText.map((t) => t.replace(/[<>&]/g, ' ')),
    fc.tuple(tag, fc.array(tie('node'), { maxLength: 4 }), fc.boolean(), fc.constantFrom('', ' href="https://example.com/x"', ' class="share"', ' hidden')).map(
      ([t, kids, close, attr]) => `<${t}${attr}>${kids.join('')}${close ? `</${t}>` : ''}`,
    ),
  ),
})).node;

function check(source: string, bytes: Buffer): void {
  let result;
  try {
    result = extractDocument({ source, bytes });
  } catch (err) {
    // Refusing input is allowed, with a reason; crashing is not.
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/empty|whitespace|no article text|not text|JSON|encoding/);
    return;
  }
  expect(contractProblems(result)).toEqual([]);
  expect(JSON.parse(JSON.stringify(result)).article.sha256).toBe(result.article.sha256);
}

describe('properties', () => {
  it('holds the contract for arbitrary text', () => {
    fc.assert(fc.property(articleText, (text) => check('prop.txt', Buffer.from(text, 'utf8'))), { numRuns: 300 });
  });

  it('holds the contract for arbitrary HTML', () => {
    fc.assert(
      fc.property(fc.array(htmlNode, { maxLength: 6 }), (nodes) => check('prop.html', Buffer.from(`<!doctype html><html><body>${nodes.join('')}</body></html>`, 'utf8'))),
      { numRuns: 200 },
    );
  });

  it('holds the contract for arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => check('prop.bin', Buffer.from(bytes))), { numRuns: 300 });
  });
});
