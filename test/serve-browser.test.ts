// `newsclaims serve` in a real browser: Debian's Chromium, driven by playwright-core. .ci/run
// installs Chromium when it is missing; without it this test fails rather than pass unseen.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleResult } from '../src/types.js';
import { ROOT, run } from './helpers.js';
import { fillDatabase, sqliteDatabase, startServe, type RunningServer } from './serve-helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT = join(ROOT, 'test-output');

/** WCAG 2 contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('serve in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let db: string;
  let page: Page;
  let article: ArticleResult;
  const errors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH`);
    db = sqliteDatabase();
    fillDatabase(db);
    // The seed with the most quotes.
    const ids = (JSON.parse(run(['articles', '--db', db, '--format', 'json']).stdout) as Array<{ id: string; attributions: number }>).sort((a, b) => b.attributions - a.attributions);
    article = JSON.parse(run(['show', ids[0]!.id, '--db', db, '--format', 'json']).stdout);
    server = await startServe(db);
    // As root in a container Chromium needs --no-sandbox; the background-networking flags stop it
    // calling Google's hosts, which this machine's closed network refuses.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    mkdirSync(OUTPUT, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    if (server) expect(await server.stop()).toBe(0);
  });

  it('marks every attribution and claim of an article', async () => {
    await page.goto(`${server.url}articles/${article.article.id}`);
    const marked = await page.$$eval('#text mark[data-kind]', (ms) => ms.map((m) => `${m.getAttribute('data-kind')}:${m.getAttribute('data-id')}`));
    for (const a of article.attributions) expect(marked).toContain(`attribution:${a.id}`);
    for (const c of article.claims) expect(marked).toContain(`claim:${c.id}`);
    expect(article.attributions.length).toBeGreaterThan(2);
    // The speaker's name stands at the margin, left of the text, beside the quote's first line.
    const a = article.attributions.find((x) => x.speaker)!;
    const label = await page.$eval(`#m-${a.id}`, (m) => {
      const before = getComputedStyle(m, '::before');
      return { content: before.content, position: before.position, textLeft: document.getElementById('text')!.getBoundingClientRect().left };
    });
    expect(label.content).toBe(JSON.stringify(a.speaker!.name));
    expect(label.position).toBe('absolute');
    await page.screenshot({ path: join(OUTPUT, 'article-1280.png'), fullPage: false });
  });

  it('opens a mark’s details on click and from the keyboard', async () => {
    const claim = article.claims.find((c) => c.sourceIds.length) ?? article.claims[0]!;
    // Click the claim where no smaller mark (an entity in it) is on top.
    await page.evaluate((id) => {
      document.getElementById(`m-${id}`)!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }, claim.id);
    const detail = page.locator(`#d-${claim.id}`);
    await expect.poll(() => detail.isVisible()).toBe(true);
    expect(await detail.textContent()).toContain(claim.score.toFixed(2));
    for (const s of claim.sourceIds) expect(await detail.locator(`a[data-show="${s}"]`).count()).toBe(1);
    expect(await page.locator('.detail:visible').count()).toBe(1);

    // Keyboard: Tab reaches a quote, Enter opens it.
    const quote = article.attributions[0]!;
    await page.focus(`#m-${quote.id}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`#d-${quote.id}`).isVisible()).toBe(true);
    expect(await detail.isVisible()).toBe(false);
    await page.screenshot({ path: join(OUTPUT, 'article-details.png') });
  });

  it('follows a speaker to their page', async () => {
    const quote = article.attributions.find((a) => a.speaker?.entityId)!;
    await page.goto(`${server.url}articles/${article.article.id}#m-${quote.id}`);
    // Arriving at #m-a… opens that quote's details.
    const detail = page.locator(`#d-${quote.id}`);
    await expect.poll(() => detail.isVisible()).toBe(true);
    await detail.locator('a[href^="/entities/"]').first().click();
    await page.waitForURL(/\/entities\/\d+$/);
    expect(await page.locator('h1').textContent()).toContain(quote.speaker!.name);
    const said = await page.locator('ol.quotes').first().textContent();
    expect(said).toContain(quote.content.slice(0, 30));
    // Back to the quote from the entity's page.
    await page.locator(`a[href$="#m-${quote.id}"]`).first().click();
    await expect.poll(() => page.locator(`#d-${quote.id}`).isVisible()).toBe(true);
  });

  it('reads at 360 px without sideways scrolling, and its text meets WCAG AA contrast', async () => {
    const narrow = await browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const path of ['', `articles/${article.article.id}`, 'search?q=open+source']) {
      await narrow.goto(`${server.url}${path}`);
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }
    await narrow.goto(`${server.url}articles/${article.article.id}`);
    await narrow.screenshot({ path: join(OUTPUT, 'article-360.png') });
    // Every mark's text against the colour behind it.
    const pairs = await narrow.$$eval('#text mark, .who-said-what li, .key', (els) =>
      els.map((el) => {
        let bg = 'rgba(0, 0, 0, 0)';
        for (let e: Element | null = el; e && /rgba\(0, 0, 0, 0\)|transparent/.test(bg); e = e.parentElement) bg = getComputedStyle(e).backgroundColor;
        if (/rgba\(0, 0, 0, 0\)/.test(bg)) bg = 'rgb(255, 255, 255)';
        return { fg: getComputedStyle(el).color, bg, what: el.getAttribute('data-kind') ?? el.className };
      }),
    );
    expect(pairs.length).toBeGreaterThan(10);
    for (const p of pairs) expect(contrast(p.fg, p.bg), `${p.what}: ${p.fg} on ${p.bg}`).toBeGreaterThanOrEqual(4.5);
    await narrow.close();
  });

  it('ran no script but its own, and logged no errors', async () => {
    await page.goto(`${server.url}search?q=careless`);
    const texts = await page.locator('ol.results').textContent();
    expect(texts).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('ol.results img').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
