import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, DEFAULT_CLAIM_THRESHOLD } from '../src/nlp/index.js';
import { notAClaim } from '../src/nlp/claims.js';
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

  it('names a document by its owner or its title, as the article writes it', () => {
    expect(sources('The Commerce Department figures caused the dollar to weaken further.')).toEqual(['document:Commerce Department figures']);
    expect(sources('The Lib Dem analysis of the student vote says the party could win 27 seats.')).toEqual(['document:Lib Dem analysis']);
    expect(sources('Growth shows no sign of slowing, reveals the annual RSA Security and NetSurity survey.')).toEqual(['document:annual RSA Security and NetSurity survey']);
    expect(sources("By contrast last year's survey found that 15% of firms had failed to act.")).toEqual(["document:last year's survey"]);
    expect(sources("Oxfam's Paying the Price report this week said 45 million children would die.")).toEqual(["document:Oxfam's Paying the Price report"]);
  });

  it('takes the owner after "by" past the words that describe it, and never over a full stop or a line', () => {
    expect(sources('Most homes will go online, according to a report by UK think-tank Demos. It said that 25% of them have a website.')).toEqual(['document:Demos report']);
    expect(sources('Prices rose 3%, says a survey by property website Rightmove.')).toEqual(['document:Rightmove survey']);
    expect(sources('People spend less time watching TV in favour of the net\n\nThe report by Nielsen found that 20% of them had cut back.')).toEqual(['document:Nielsen report']);
  });

  it('tells documents apart: "a report" is a new one, "the report" the last one of its kind', () => {
    expect(sources('A report found that house prices rose by 5% in March. An Oxfam report found that 40 million people face hunger.')).toEqual(['document:Oxfam report', 'document:report']);
    expect(
      sources('A government-commissioned study ranked the UK third. The report suggests 69% of firms use broadband. The International Benchmarking Study was based on 8,000 interviews.'),
    ).toEqual(['document:International Benchmarking Study']);
  });

  it('takes a statement\'s owner from the speaker that follows it', () => {
    expect(sources('In a statement on Thursday, Euronext said any offer was likely to be in cash.')).toEqual(['document:Euronext statement']);
  });

  it('reads "the poll" as an election unless it says what it found, and "poll tax" as no poll', () => {
    expect(sources('Shortly after the poll, which Mr Kerekou won, the talks began.')).toEqual([]);
    expect(sources('Labour came to power after the introduction of the poll tax.')).toEqual([]);
    expect(sources('A poll of 1,313 people suggests that most back the plan.')).toEqual(['document:poll']);
    expect(sources('The match was stopped and referee Graham Poll had to separate them.')).toEqual([]);
  });

  it('finds what is passed on without a name: "reported to have", "highlighted by analysts", "a series of stories"', () => {
    expect(sources('Among the sweeteners reported to have been discussed were plans to cut fees.')).toEqual(['unnamed:reported']);
    expect(sources('Another problem highlighted by analysts was the growing trade gap with China.')).toEqual(['unnamed:analysts']);
    expect(sources('This is despite a series of stories warning firms about the dangers of hacking.')).toEqual(['unnamed:a series of stories']);
  });

  it('lists unnamed groups, not organisations or clauses that speak', () => {
    expect(sources('The government said the plan would cost £2bn. Police said two men were arrested.')).toEqual([]);
    expect(sources('Some economists said rates would rise in May.')).toEqual(['unnamed:Some economists']);
  });

  it('does not cite share buttons or affiliate links', () => {
    const text = 'Sales rose 5%, Reuters reported.\n\nShare on Facebook https://www.facebook.com/sharer/sharer.php?u=x Buy it https://go.redirectingat.com/?id=1&url=y';
    expect(analyze(text).sources.filter((s) => s.kind === 'url')).toEqual([]);
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

  it('rules out questions, advice, exhortations and lists of names whatever they mention', () => {
    for (const s of [
      'Will the £2bn plan cut NHS waiting lists by 2006?',
      '"Is that really what 40% of voters want?"',
      'You should back up your files before installing Windows XP Service Pack 2.',
      'If you use wi-fi at home, make sure you turn on WEP encryption.',
      "Let's get Britain working again in 2005.",
      'Sign up for our newsletter to get the latest on the election.',
      'S Best (Ulster), S Byrne (Leinster), R Corrigan (Leinster), L Cullen (Leinster), S Easterby (Llanelli).',
    ])
      expect([s, notAClaim(s)]).toEqual([s, expect.any(String)]);
    for (const s of [
      'Acme Corp cut 500 jobs in Ohio in 2023.',
      'The seats the party can win are: Bristol West, Cardiff Central, Leeds North West, Cambridge.',
      'Ministers met Tony Blair, Gordon Brown and John Prescott in Downing Street on Monday.',
    ])
      expect([s, notAClaim(s)]).toEqual([s, null]);
    expect(analyze('Will the plan cut NHS waiting lists by 20% in 2006?').claims[0]!.score).toBe(0);
  });

  it('weighs feeling and opinion in a quote below a statement of fact', () => {
    const r = analyze('"I am really looking forward to it and I am delighted for the lads," said Woodward. "We have sold 40,000 tickets for the match in Cardiff," said Woodward. The team flew to Cardiff on Monday.');
    const [feeling, fact] = r.claims;
    expect(feeling!.score).toBeLessThan(DEFAULT_CLAIM_THRESHOLD);
    expect(fact!.score).toBeGreaterThanOrEqual(DEFAULT_CLAIM_THRESHOLD);
  });

  it('does not count the cue of a cited document as a hedge', () => {
    const [c] = analyze('Fast web access is encouraging more people to express themselves online, research suggests.').claims;
    expect(c).toMatchObject({ hedged: false, hedges: [] });
    expect(analyze('The deal suggests that prices may rise.').claims[0]!.hedges).toEqual(['suggests', 'may']);
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
