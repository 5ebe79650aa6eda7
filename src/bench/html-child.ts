// One contender of npm run bench:html in its own process: prints one JSON line per page
// ({page, title, text}) and a last line with its time and peak memory.
//   node dist/bench/html-child.js newsclaims|readability <pages-dir> <gold.jsonl>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText } from '../article/decode.js';
import { htmlArticle, htmlToText } from '../article/html.js';

const [system, dir, goldFile] = process.argv.slice(2) as [string, string, string];
const pages = readFileSync(goldFile, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { page: string }).page);

type Extract = (html: string) => { title: string | null; text: string };
let extract: Extract;
if (system === 'readability') {
  // Dev-only dependencies, loaded here alone so the product never needs them.
  const { Readability } = await import('@mozilla/readability');
  const { parseHTML } = await import('linkedom');
  extract = (html) => {
    const { document } = parseHTML(html);
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
    return { title: article?.title ?? null, text: article?.content ? htmlToText(article.content) : '' };
  };
} else {
  extract = (html) => {
    const a = htmlArticle(html, 'bench', null);
    return { title: a.meta.title, text: a.text };
  };
}

// Pages are read one at a time, so memory is the extractor's, not the corpus'; reading the file is
// not timed, decoding and extracting are.
let ms = 0;
for (const page of pages) {
  const bytes = readFileSync(join(dir, page));
  const t0 = performance.now();
  let out: { title: string | null; text: string };
  try {
    out = extract(decodeText(bytes));
  } catch {
    out = { title: null, text: '' };
  }
  ms += performance.now() - t0;
  console.log(JSON.stringify({ page, ...out }));
}
console.log(JSON.stringify({ done: true, ms, pages: pages.length, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
