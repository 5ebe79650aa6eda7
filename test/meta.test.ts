import { describe, expect, it } from 'vitest';
import { cleanByline, isoDate } from '../src/article/meta.js';

describe('bylines', () => {
  it('holds people\'s names only: no "By", no links or handles, entities decoded, authors joined', () => {
    expect(cleanByline('by: Laurie Oakes')).toBe('Laurie Oakes');
    expect(cleanByline('By Anne Thompson and Tom Hale')).toBe('Anne Thompson, Tom Hale');
    expect(cleanByline('http://facebook.com/alissawilkinson')).toBeNull();
    expect(cleanByline('Lindsey O&#039;Donnell')).toBe("Lindsey O'Donnell");
    expect(cleanByline('Maria Lopez - Staff Writer')).toBe('Maria Lopez');
    expect(cleanByline('@techreporter, Ana Reyes')).toBe('Ana Reyes');
    expect(cleanByline('')).toBeNull();
  });
});

describe('publication dates', () => {
  it('are ISO 8601 dates, or date-times with a zone', () => {
    expect(isoDate('2019-12-30T05:03-0500')).toBe('2019-12-30T05:03:00-05:00');
    expect(isoDate('2019-12-30T05:03:11Z')).toBe('2019-12-30T05:03:11Z');
    expect(isoDate('2019-12-30T05:03:11.123+01:00')).toBe('2019-12-30T05:03:11+01:00');
    expect(isoDate('Mon, 30 Dec 2019 05:03:00 GMT')).toBe('2019-12-30T05:03:00Z');
    expect(isoDate('Tue, 01 Feb 2005 10:00:00 +0100')).toBe('2005-02-01T10:00:00+01:00');
    expect(isoDate('December 30, 2019')).toBe('2019-12-30');
    expect(isoDate('30 December 2019')).toBe('2019-12-30');
    // Feeds: RSS writes RFC 2822 with named US zones; HTTP headers their own form.
    expect(isoDate('Thu, 05 Jan 2006 09:30:00 EST')).toBe('2006-01-05T09:30:00-05:00');
    expect(isoDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe('1994-11-06T08:49:37Z');
    expect(isoDate('Jan 5th, 2016')).toBe('2016-01-05');
  });

  it('drop a time that names no zone, and refuse what is no date', () => {
    expect(isoDate('2016-02-01 01:28:49')).toBe('2016-02-01');
    expect(isoDate('2016-02-01T01:28:49')).toBe('2016-02-01');
    expect(isoDate('2019-02-30')).toBeNull();
    expect(isoDate('last Tuesday')).toBeNull();
    expect(isoDate(null)).toBeNull();
  });
});

describe('languages', async () => {
  const { bcp47, languageOfText } = await import('../src/article/language.js');
  const { buildArticle } = await import('../src/article/index.js');

  it('make what a page declares a BCP 47 tag', () => {
    expect(bcp47('en_GB')).toBe('en-GB');
    expect(bcp47('EN-us')).toBe('en-US');
    expect(bcp47('fr')).toBe('fr');
    expect(bcp47('english')).toBeNull();
    expect(bcp47(undefined)).toBeNull();
  });

  it('guess a text\'s language from its commonest words, and say nothing when unsure', () => {
    const en = 'The government said on Monday that the plan to cut taxes was not going ahead, and that it would be put to a vote in the House of Commons later in the year. It is the second time that the plan has been delayed by the ministers who are in charge of it.';
    const fr = "Le gouvernement a annoncé lundi que le projet de réduction des impôts ne serait pas présenté, et qu'il sera soumis au vote de l'Assemblée plus tard dans l'année. C'est la deuxième fois que le projet est reporté par les ministres qui en sont chargés, et il ne sera pas le dernier.";
    expect(languageOfText(en)).toBe('en');
    expect(languageOfText(fr)).toBe('fr');
    expect(languageOfText('Acme cut 500 jobs.')).toBeNull();
  });

  it('fill article.language from <html lang>, else from og:locale, else from the text', () => {
    const page = (head: string, lang = '') => Buffer.from(`<html${lang}><head>${head}<title>Talks</title></head><body><article><p>Acme Corp cut 500 jobs in Ohio in 2023, the company said on Monday in a statement.</p></article></body></html>`);
    expect(buildArticle({ source: 'a.html', bytes: page('', ' lang="en-gb"') }).article.language).toBe('en-GB');
    expect(buildArticle({ source: 'b.html', bytes: page('<meta property="og:locale" content="fr_FR">') }).article.language).toBe('fr-FR');
    expect(buildArticle({ source: 'c.html', bytes: page('') }).article.language).toBeNull();
  });
});

describe('canonical URLs', async () => {
  const { htmlArticle } = await import('../src/article/html.js');
  const page = (canonical: string) => `<html><head><link rel="canonical" href="${canonical}"><title>Talks</title></head><body><article><p>Acme Corp cut 500 jobs in Ohio in 2023, the company said.</p></article></body></html>`;

  it('take the page\'s canonical URL on the same site, made absolute', () => {
    expect(htmlArticle(page('/news/acme-jobs'), 'x', 'https://www.example.com/news/acme-jobs?utm_source=feed').meta.url).toBe('https://www.example.com/news/acme-jobs');
    expect(htmlArticle(page('https://example.com/news/acme-jobs'), 'x', 'https://www.example.com/n/1').meta.url).toBe('https://example.com/news/acme-jobs');
  });

  it('keep the fetched URL when the canonical points at another site or at the home page', () => {
    expect(htmlArticle(page('https://other.org/story'), 'x', 'https://www.example.com/n/1').meta.url).toBe('https://www.example.com/n/1');
    expect(htmlArticle(page('https://www.example.com/'), 'x', 'https://www.example.com/n/1').meta.url).toBe('https://www.example.com/n/1');
  });
});

describe('bodies outside the visible markup', async () => {
  const { htmlArticle } = await import('../src/article/html.js');
  const body = 'Acme Corp cut 500 jobs in Ohio in 2023, the company said on Monday. It blamed a fall in demand for its steel and said more cuts could follow next year.';
  const second = 'The union said it would fight the cuts in court and called a strike for May.';

  it('are read from JSON-LD articleBody when the markup holds next to nothing', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Acme cuts jobs', articleBody: `${body}\n\n${second}` });
    const a = htmlArticle(`<html><head><script type="application/ld+json">${ld}</script></head><body><div id="app">Loading…</div></body></html>`, 'x', null);
    expect(a.text).toBe(`${body}\n\n${second}`);
  });

  it('are read from a <noscript> copy, and not where the markup has the article', () => {
    const a = htmlArticle(`<html><body><div id="app"></div><noscript><article><p>${body}</p><p>${second}</p></article></noscript></body></html>`, 'x', null);
    expect(a.text).toBe(`${body}\n\n${second}`);
    const b = htmlArticle(`<html><body><article><p>${body}</p><p>${second}</p></article><noscript><p>Please enable JavaScript to view the comments powered by our partner.</p><p>Your browser does not support it.</p></noscript></body></html>`, 'x', null);
    expect(b.text).toBe(`${body}\n\n${second}`);
  });
});

describe('page furniture in the article body', async () => {
  const { htmlArticle } = await import('../src/article/html.js');
  it('drops copy-link widgets, feedback prompts, player controls and image credits, and keeps the story', () => {
    const story = ['Acme Corp cut 500 jobs in Ohio in 2023, the company said on Monday.', 'The union said it would fight the cuts in court and called a strike for May.'];
    const html = `<html><body><article><p>Copy Link URLCopied!</p><p>Play Video</p><p>Duration 0:45</p><p>${story[0]}</p><p>Image source, Getty Images</p><p>${story[1]}</p><p>We're interested in your feedback on this page. Tell us what you think.</p></article></body></html>`;
    expect(htmlArticle(html, 'x', null).text).toBe(story.join('\n\n'));
  });
});
