import { describe, expect, it } from 'vitest';
import { csv, table, wrap } from '../src/output/format.js';

const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
const chars = (s: string) => [...plain(s)].length;

describe('tables', () => {
  const rows = [
    { id: 'c1', speaker: 'Joelle Pineau', text: '“Meta has a long history of investing in academia, educating the next generation of researchers and engineers,” Joelle Pineau, VP of AI research at Meta, told TechCrunch via email.' },
    { id: 'c2', speaker: '', text: 'The deadline to apply is September 10.' },
  ];
  const columns = [
    { header: 'id', value: (r: (typeof rows)[number]) => r.id },
    { header: 'speaker', value: (r: (typeof rows)[number]) => r.speaker },
    { header: 'text', value: (r: (typeof rows)[number]) => r.text, flex: true },
  ];

  it('wraps the text column to the terminal width and keeps every word', () => {
    for (const w of [40, 60, 80]) {
      const out = table(rows, columns, w).split('\n');
      expect(Math.max(...out.map(chars))).toBeLessThanOrEqual(w);
      const textStart = out[0]!.indexOf('TEXT');
      const cellLines = out.slice(1).map((l) => l.slice(textStart));
      expect(cellLines.join(' ').replace(/\s+/g, ' ').trim()).toBe(rows.map((r) => r.text).join(' '));
    }
  });

  it('prints rows on one line each when they fit', () => {
    expect(table(rows, columns, 400).split('\n')).toHaveLength(3);
  });

  it('narrows other columns too when the text column alone cannot make the table fit', () => {
    const wide = [{ id: 'c1', speaker: 'The Trade and Industry Secretary Patricia Hewitt of the Labour Party', text: 'Maternity pay is to rise by £1,400.' }];
    const out = table(wide, columns, 50).split('\n');
    expect(Math.max(...out.map(chars))).toBeLessThanOrEqual(50);
    expect(out.join(' ')).toContain('Hewitt');
  });

  it('carries a highlight over a line break, closing it at the end of each line', () => {
    const lines = wrap('the \x1b[1;33mopen source\x1b[0m research community', 12);
    expect(lines.map(plain)).toEqual(['the open', 'source', 'research', 'community']);
    expect(lines[0]).toBe('the \x1b[1;33mopen\x1b[0m');
    expect(lines[1]).toBe('\x1b[1;33msource\x1b[0m');
    expect(lines[2]).toBe('research');
  });

  it('breaks a word longer than the column', () => {
    expect(wrap('https://example.com/a/very/long/path', 10)).toEqual(['https://ex', 'ample.com/', 'a/very/lon', 'g/path']);
  });
});

describe('csv', () => {
  it('flattens nested objects into dotted columns, whatever the first row holds', () => {
    const out = csv([
      { id: 'c1', speaker: null, entityIds: [] },
      { id: 'c2', speaker: { name: 'Maria Lopez', entityId: 'e1' }, entityIds: ['e1', 'e2'] },
    ]);
    expect(out).toBe('id,speaker.name,speaker.entityId,entityIds\nc1,,,\nc2,Maria Lopez,e1,e1; e2\n');
    // The same header when no row has a speaker.
    expect(csv([{ id: 'c1', speaker: null }]).split('\n')[0]).toBe('id,speaker.name,speaker.entityId');
  });
});

describe('the title rule of bench:html', () => {
  it('ignores a site name before or after the headline, on both sides', async () => {
    const { sameTitle } = await import('../src/eval/match.js');
    expect(sameTitle('How to Build a Terrarium | eHow', 'How to Build a Terrarium')).toBe(true);
    expect(sameTitle('How to Build a Terrarium', 'How to Build a Terrarium - eHow')).toBe(true);
    expect(sameTitle('BBC News: Baby becomes new Oscar favourite', 'Baby becomes new Oscar favourite')).toBe(true);
    expect(sameTitle('How to Build a Terrarium | eHow', 'How to Build a Birdhouse | eHow')).toBe(false);
    expect(sameTitle('Baby becomes new Oscar favourite', 'Baby becomes new Bafta favourite')).toBe(false);
  });

  it('takes a site name with its section or author, joined by "_" or in brackets, and counts CJK characters as words', async () => {
    const { sameTitle } = await import('../src/eval/match.js');
    expect(sameTitle('Samantha and The Great Big Lie - John C. Welch - Medium', 'Samantha and The Great Big Lie')).toBe(true);
    expect(sameTitle('LWN.net Weekly Edition for March 26, 2015 [LWN.net]', 'LWN.net Weekly Edition for March 26, 2015')).toBe(true);
    expect(sameTitle('人工智能迈上新台阶_科技_腾讯网', '人工智能迈上新台阶')).toBe(true);
    expect(sameTitle('アプリ「フリーWi-Fiプロテクション」 - Yahoo!ニュース', 'アプリ「フリーWi-Fiプロテクション」')).toBe(true);
    // A site's name alone is not a headline.
    expect(sameTitle('科技_腾讯网', '体育_腾讯网')).toBe(false);
    expect(sameTitle('Markets - Financial Times', 'Opinion - Financial Times')).toBe(false);
  });
});
