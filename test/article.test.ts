import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/article/decode.js';
import { buildArticle, looksLikeHtml } from '../src/article/index.js';
import { ROOT } from './helpers.js';

const fixture = (p: string) => readFileSync(join(ROOT, 'fixtures', p));

describe('decoding', () => {
  it('reads UTF-8, UTF-16 with a byte-order mark and latin-1', () => {
    expect(decodeText(Buffer.from('\uFEFFCafé', 'utf8'))).toBe('Café');
    expect(decodeText(fixture('bad/utf16.txt'))).toMatch(/^The mayor said the new bridge/);
    expect(decodeText(fixture('bad/latin1.txt'))).toMatch(/^Café owners in Montréal/);
  });

  it('uses the declared charset when the bytes are not UTF-8', () => {
    const html = Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-7"></head><body><p>'), Buffer.from([0xe1, 0xe2, 0xe3]), Buffer.from('</p></body></html>')]);
    expect(decodeText(html)).toContain('αβγ');
  });

  it('refuses empty, whitespace-only and binary input with a reason', () => {
    expect(() => decodeText(Buffer.alloc(0))).toThrow('empty file');
    expect(() => decodeText(fixture('bad/whitespace.txt'))).toThrow('only whitespace');
    expect(() => decodeText(fixture('bad/image.png.txt'))).toThrow('a PNG image');
    expect(() => decodeText(Buffer.from('PK\x03\x04rest', 'latin1'))).toThrow('zip');
  });
});

describe('HTML articles', () => {
  const { article, links } = buildArticle({ source: 'council-budget.html', bytes: fixture('html/council-budget.html') });

  it('recognises HTML by its content', () => {
    expect(looksLikeHtml('<p>One</p><p>Two</p><div>Three</div>')).toBe(true);
    expect(looksLikeHtml('Prices rose 3% <compared> with last year.')).toBe(false);
  });

  it('reads metadata from JSON-LD, meta tags and the canonical link', () => {
    expect(article).toMatchObject({
      title: 'Council approves £28.7m flood defence plan',
      byline: 'Priya Natarajan',
      published: '2024-03-14T09:30:00Z',
      site: 'Riverside Gazette',
      url: 'https://riverside-gazette.example/news/flood-defence-plan',
    });
  });

  it('keeps the article body and drops navigation, banners, share widgets and related links', () => {
    expect(article.text).toContain('Riverside Council approved a £28.7m flood defence plan on Tuesday');
    expect(article.text).toContain('“This is the largest investment in the town\'s history,” the council said in a statement.');
    for (const chrome of ['Home', 'We use cookies', 'Share on Twitter', 'Bridge closed', 'Privacy policy']) expect(article.text).not.toContain(chrome);
    expect(article.text.split('\n\n').length).toBeGreaterThanOrEqual(6);
  });

  it('places the article links in the clean text', () => {
    expect(links).toEqual([{ url: 'https://www.nao.example/reports/flood-risk', start: expect.any(Number), end: expect.any(Number), text: 'National Audit Office' }]);
    expect(article.text.slice(links[0]!.start, links[0]!.end)).toBe('National Audit Office');
  });

  it('survives broken and deeply nested HTML', () => {
    const deep = '<div>'.repeat(10_000) + '<p>The mayor said the bridge will open in May.</p>';
    expect(buildArticle({ source: 'deep.html', bytes: Buffer.from(`<html><body>${deep}`) }).article.text).toContain('bridge will open');
    expect(buildArticle({ source: 'broken.html', bytes: Buffer.from('<html><body><p>Unclosed <b>bold <i>text about the city budget<p>Second para') }).article.text).toContain('Second para');
    expect(() => buildArticle({ source: 'scripts.html', bytes: Buffer.from('<html><head><script>var a=1;</script></head><body><script>x()</script></body></html>') })).toThrow('no article text');
  });
});

describe('article titles', () => {
  const body = '<article><h1>Heading</h1><p>The council said on Tuesday that the new bridge over the river will open to traffic in May next year.</p></article>';
  const titleOf = (head: string, h1 = 'Heading') =>
    buildArticle({ source: 't.html', bytes: Buffer.from(`<html><head>${head}</head><body>${body.replace('Heading', h1)}</body></html>`) }).article.title;

  it('drops the site name after or before the headline, also when the site is named by its domain', () => {
    expect(titleOf('<meta property="og:site_name" content="The Japan Times"><meta property="og:title" content="Bridge to open in May | The Japan Times">')).toBe('Bridge to open in May');
    expect(titleOf('<meta property="og:site_name" content="NEWS WEB EASY"><meta property="og:title" content="NEWS WEB EASY|Bridge to open in May">')).toBe('Bridge to open in May');
    expect(titleOf('<meta property="og:site_name" content="lastampa.it"><meta property="og:title" content="Il ponte apre a maggio - La Stampa">')).toBe('Il ponte apre a maggio');
    // A colon inside the headline is no separator.
    expect(titleOf('<meta property="og:site_name" content="BBC News"><meta property="og:title" content="Coronavirus: New York ramps up testing">')).toBe('Coronavirus: New York ramps up testing');
  });

  it('reads JSON-LD but no script or style text', () => {
    const html =
      '<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge to open in May","author":{"name":"Ann Lee"}}</script>' +
      '<style>p { color: red }</style><script>var t = "<p>Not the article</p>"; if (a < b) {}</script></head><body>' +
      body + '<SCRIPT type="text/javascript">document.write("<p>Injected</p>")</SCRIPT></body></html>';
    const { article } = buildArticle({ source: 's.html', bytes: Buffer.from(html) });
    expect(article).toMatchObject({ title: 'Bridge to open in May', byline: 'Ann Lee' });
    expect(article.text).toContain('new bridge over the river');
    for (const leak of ['Not the article', 'Injected', 'color']) expect(article.text).not.toContain(leak);
  });

  it('reads JSON-LD wrapped in CDATA markers', () => {
    const html = `<html><head><script type="application/ld+json">\n<![CDATA[\n{"@type":"NewsArticle","headline":"Bridge to open in May","datePublished":"2024-03-12T08:00:00Z"}\n]]>\n</script></head><body>${body}</body></html>`;
    const { article } = buildArticle({ source: 's.html', bytes: Buffer.from(html) });
    expect(article).toMatchObject({ title: 'Bridge to open in May', published: '2024-03-12T08:00:00Z' });
  });

  it('drops prompts to the reader wherever they stand: apps, follows, paywalls, newsletters, letters, related links', () => {
    const story = [
      'The council said on Tuesday that the new bridge over the river will open to traffic in May next year.',
      'For the latest stories and breaking news updates download the Gazette apps for iOS and Android.',
      'Follow The Gazette on Twitter and Instagram @RiversideGazette and on Facebook @Gazette.',
      'The bridge cost £14m, and the work was finished two months ahead of schedule, engineers said.',
      'Read more: Council approves budget for the new school',
      'To view the full story, please subscribe to The Gazette. You can choose an annual subscription.',
      'Never miss the latest news by signing up to our newsletter today!',
      'Traffic on the old crossing has doubled since 2010, according to figures from the highways agency.',
      'We want to hear what you think about this article. Submit a letter to the editor.',
    ];
    const html = `<html><body><article>${story.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const { article } = buildArticle({ source: 'p.html', bytes: Buffer.from(html) });
    expect(article.text.split('\n\n')).toEqual([story[0], story[3], story[7]]);
  });

  it('drops a trailing date stamp and takes the last part of a breadcrumb title', () => {
    expect(titleOf('<meta property="og:title" content="So viel Regen gab es lange nicht : 31.10.2023, 10.19 Uhr">')).toBe('So viel Regen gab es lange nicht');
    expect(titleOf('<title>Four Years Remaining » Blog Archive » Interning of Small Integers</title>', 'Four Years Remaining')).toBe('Interning of Small Integers');
  });
});
