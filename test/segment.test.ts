import { describe, expect, it } from 'vitest';
import { paragraphs, sentences } from '../src/nlp/segment.js';

const texts = (t: string) => sentences(t).map((s) => s.text);

describe('sentences', () => {
  it('keeps abbreviations, initials and decimals inside a sentence', () => {
    expect(texts('Mr. Smith of Acme Inc. paid £28.7m to J. K. Rowling in the U.S. on Monday. Then he left.')).toEqual([
      'Mr. Smith of Acme Inc. paid £28.7m to J. K. Rowling in the U.S. on Monday.',
      'Then he left.',
    ]);
  });

  it('ends a sentence after a closing quote and keeps reference markers', () => {
    expect(texts('“We will win.” She left. Costs rose [1][2]. Prices fell.')).toEqual(['“We will win.”', 'She left.', 'Costs rose [1][2].', 'Prices fell.']);
  });

  it('treats a line without a full stop as a heading', () => {
    const s = sentences('Meta Joins with Industry Partners\n\nMeta has announced a plan.');
    expect(s.map((x) => [x.text, x.heading])).toEqual([
      ['Meta Joins with Industry Partners', true],
      ['Meta has announced a plan.', false],
    ]);
  });

  it('gives offsets into the original text', () => {
    const text = '  Intro line\n\nFirst one. Second one!\n- a bullet item';
    for (const s of sentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(paragraphs(text).map((p) => p.text)).toEqual(['Intro line', 'First one. Second one!', '- a bullet item']);
  });
});
