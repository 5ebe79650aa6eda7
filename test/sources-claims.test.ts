import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, DEFAULT_CLAIM_THRESHOLD } from '../src/nlp/index.js';
import { ARTICLES } from './helpers.js';

const seed = (name: string) => readFileSync(join(ARTICLES, name), 'utf8').replace(/\r\n?/g, '\n').trim();

describe('cited sources', () => {
  it('resolves numbered references to the URLs of the reference list', () => {
    const text = 'Costs rose sharply [1][2]. Sales fell [2].\n\n[1] https://www.reuters.com/a/b [2] https://example.org/report/';
    const r = analyze(text);
    expect(r.sources.map((s) => [s.kind, s.name])).toEqual([
      ['url', 'reuters.com'],
      ['url', 'example.org'],
    ]);
    const claim = r.claims.find((c) => c.text.startsWith('Costs'))!;
    expect(claim.sourceIds).toEqual(['s1', 's2']);
    expect(r.claims.find((c) => c.text.startsWith('Sales'))!.sourceIds).toEqual(['s2']);
    // The reference list itself is no claim.
    expect(r.claims.some((c) => c.text.includes('https://'))).toBe(false);
  });

  it('finds outlets, documents and unnamed sources', () => {
    const r = analyze(
      'The chief executive told Reuters that the deal was off. A report by the National Audit Office found waste. Analysts said the shares would fall.',
    );
    const got = r.sources.map((s) => `${s.kind}:${s.name}`);
    expect(got).toEqual(expect.arrayContaining(['outlet:Reuters', 'document:National Audit Office report', 'unnamed:Analysts']));
  });

  it('names a document after the speaker who wrote it (seed article)', () => {
    const r = analyze(seed('000_e46a63b45c546be4.txt'));
    expect(r.sources.map((s) => `${s.kind}:${s.name}`)).toEqual(
      expect.arrayContaining(['document:Meta blog post', 'outlet:TechCrunch', 'unnamed:Reports', 'unnamed:academics']),
    );
  });
});

describe('cited sources in news', () => {
  const sources = (text: string) => analyze(text).sources.map((s) => `${s.kind}:${s.name}`);

  it('finds the outlet that learnt something and the outlet a journalist writes for', () => {
    expect(sources('Blackburn have rejected a third bid, BBC Sport has learnt.')).toEqual(['outlet:BBC Sport']);
    expect(sources('Anne Thompson of the Hollywood Reporter said that the film was a hit.')).toEqual(['outlet:Hollywood Reporter']);
  });

  it('lists a spokesperson and unnamed groups in the article\'s words, but not one person described by a role', () => {
    expect(sources('A Home Office spokeswoman said the review would go ahead.')).toEqual(['unnamed:A Home Office spokeswoman']);
    expect(sources('Alan Brooks met the victims. The home secretary said the review would start in May.')).toEqual([]);
  });

  it('finds rumours and reports cited without a name', () => {
    expect(sources('Rumours that the firm would bid have lifted its shares. It is reported that talks began in May.')).toEqual([
      'unnamed:Rumours',
      'unnamed:It is reported',
    ]);
  });

  it('keeps one document where the article names it and then calls it "the report"', () => {
    expect(sources('The Demos report looked at 1,000 users. The report says that 25% of them have a website.')).toEqual(['document:Demos report']);
  });
});

describe('claims', () => {
  it('marks hedged claims and keeps the hedge words', () => {
    const [c] = analyze('The company may reportedly cut 500 jobs in Ohio.').claims;
    expect(c).toMatchObject({ hedged: true, hedges: ['may', 'reportedly'] });
  });

  it('scores questions, opinion and calls to action below checkable statements', () => {
    const r = analyze('Will the plan work? Frankly, I think it is a mess. Subscribe to our newsletter. Acme Corp cut 500 jobs in Ohio in 2023.');
    const score = (start: string) => r.claims.find((c) => c.text.startsWith(start))?.score ?? 0;
    expect(score('Acme')).toBeGreaterThanOrEqual(DEFAULT_CLAIM_THRESHOLD);
    for (const s of ['Will', 'Frankly', 'Subscribe']) expect(score(s)).toBeLessThan(DEFAULT_CLAIM_THRESHOLD);
  });

  it('links a claim to its speaker, entities and sources', () => {
    const r = analyze('Janet Yellen told Reuters that inflation in the United States was easing.');
    const c = r.claims[0]!;
    expect(c.speaker?.name).toBe('Janet Yellen');
    expect(c.attributionId).toBe(r.attributions[0]!.id);
    expect(c.entityIds.map((id) => r.entities.find((e) => e.id === id)!.name)).toEqual(expect.arrayContaining(['Janet Yellen', 'United States']));
    expect(c.sourceIds.map((id) => r.sources.find((s) => s.id === id)!.name)).toContain('Reuters');
  });

  it('drops share buttons, author boxes, related links and hashtag lines (seed articles)', () => {
    const texts = [...analyze(seed('002_c9b2537f039fadbd.txt')).claims, ...analyze(seed('003_7d978af8823628e9.txt')).claims].map((c) => c.text);
    for (const furniture of ['Share', 'Staff Writer', 'Related', 'Unpack More']) expect(texts).not.toContain(furniture);
    expect(texts.some((t) => t.startsWith('The AI & Data Insider team'))).toBe(false);
    expect(texts.some((t) => t.startsWith('#'))).toBe(false);
  });

  it('finds bare domains as URL sources', () => {
    const r = analyze('The figures were published on ons.gov.uk last week, and repeated at www.example.com/data.');
    expect(r.sources.map((s) => s.name)).toEqual(['ons.gov.uk', 'example.com']);
  });

  it('yields no claims from page furniture, repeated headlines or consent notices (seed article)', () => {
    const r = analyze(seed('001_0182837d26875113.txt'));
    const texts = r.claims.map((c) => c.text);
    expect(texts).not.toContain('Skip to content');
    expect(texts.filter((t) => t.startsWith("Meta's CEO, Mark Zuckerberg, unveils"))).toHaveLength(0);
    expect(texts.some((t) => /cookie IDs|Withdraw Tracking/.test(t))).toBe(false);
    expect(r.entities.some((e) => e.name === 'GDPR')).toBe(false);
  });
});
