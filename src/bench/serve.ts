// npm run bench:serve [-- --corpus <dir>] [--articles 10000] [--requests 30] [--db postgres://…]
// How fast `newsclaims serve` answers on a large database: the corpus is extracted once, the
// database grown to --articles by storing its articles again under new texts (as a years-long
// archive repeats its names), and `serve` started as a user starts it. Each kind of page is then
// asked for --requests times, one request at a time, over loopback; the median, 90th percentile and
// slowest are printed. With --db, the same database is imported into a scratch PostgreSQL database
// on that server (made and dropped; the URL's user needs CREATEDB) and measured the same way.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { main } from '../cli/main.js';
import { redact } from '../errors.js';
import { openStore, type Store } from '../store/index.js';
import { mergeInto } from '../store/merge.js';
import { growByCopies } from './grow.js';
import { onScratchDatabase } from './scratch-pg.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: join(process.env.NEWSCLAIMS_SHARED ?? '../shared', 'corpus', 'bbc') },
    articles: { type: 'string', default: '10000' },
    requests: { type: 'string', default: '30' },
    db: { type: 'string' },
  },
});
const corpus = resolve(values.corpus!);
if (!existsSync(corpus)) {
  console.error(`bench:serve: no corpus at '${corpus}' (pass --corpus <dir> or set NEWSCLAIMS_SHARED)`);
  process.exit(2);
}
if (values.db && !/^postgres(ql)?:\/\//i.test(values.db)) {
  console.error('bench:serve: --db takes a postgres:// URL (SQLite is measured in any case)');
  process.exit(2);
}
const target = Number(values.articles);
const requests = Math.max(3, Number(values.requests));
const tmp = mkdtempSync(join(tmpdir(), 'newsclaims-bench-serve-'));
const db = join(tmp, 'serve.db');
const bin = new URL('../../bin/newsclaims.js', import.meta.url).pathname;
const sink = () => new Writable({ write: (_c, _e, cb) => cb() });

// 1. The corpus, extracted.
let t = performance.now();
const code = await main(['node', 'newsclaims', 'extract', corpus, '--db', db, '--quiet', '--format', 'ndjson', '--jobs', String(availableParallelism())], { stdout: sink(), stderr: process.stderr, stdin: process.stdin, env: process.env });
if (code !== 0) process.exit(code);
// 2. Grown to the target by copies under new texts.
{
  const store = await openStore(db);
  let count = await store.countArticles({});
  await growByCopies(store, () => count++ < target);
  await store.close();
}
console.log(`database: ${target} articles from ${corpus}, made in ${((performance.now() - t) / 1000).toFixed(0)} s`);

/** `newsclaims serve --port 0` on `location`; resolves with its URL and a stop function. */
function serve(location: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [bin, 'serve', '--db', location, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) ok({ url: out.split('\n')[0]!.trim(), stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (c) => fail(new Error(`serve exited (${c})`)));
  });
}

/** The pages to ask for, drawn from the database so every address exists. */
async function pagesOf(store: Store): Promise<Array<[string, string[]]>> {
  const total = await store.countArticles({});
  const articles = await store.articles({ limit: 50, offset: Math.floor(total / 3) });
  const pick = <T>(xs: T[], i: number) => xs[(i * 7919) % xs.length]!;
  const top = await store.entities({ limit: 10 });
  const people = await store.entities({ type: 'person', limit: 200 });
  const n = Array.from({ length: requests }, (_, i) => i);
  const words = ['government minister', 'economy', 'election campaign', 'profits', 'film award', 'broadband', 'police', 'champion'];
  return [
    ['/', n.map(() => '/')],
    ['/?page=N', n.map((i) => `/?page=${1 + ((i * 37) % Math.ceil(total / 50))}`)],
    ['/articles/<id>', n.map((i) => `/articles/${pick(articles, i).id}`)],
    ['/entities/<id> (the 10 most named)', n.map((i) => `/entities/${pick(top, i).id}`)],
    ['/entities/<id> (people)', n.map((i) => `/entities/${pick(people, i).id}`)],
    ['/search?q=', n.map((i) => `/search?q=${encodeURIComponent(pick(words, i))}`)],
    ['/api/articles/<id>', n.map((i) => `/api/articles/${pick(articles, i).id}`)],
    ['/api/claims?speaker=Blair&limit=100', n.map(() => '/api/claims?speaker=Blair&limit=100')],
    ['/api/claims?entity=Labour&limit=100', n.map(() => '/api/claims?entity=Labour&limit=100')],
  ];
}

async function measure(name: string, location: string): Promise<void> {
  const store = await openStore(location, { readonly: true });
  const pages = await pagesOf(store);
  await store.close();
  const server = await serve(location);
  try {
    console.log(`\n${name}: ms per page, ${requests} requests each, one at a time`);
    console.log(`  ${'page'.padEnd(40)} ${'median'.padStart(7)} ${'p90'.padStart(7)} ${'max'.padStart(7)} ${'KB'.padStart(6)}`);
    for (const [label, paths] of pages) {
      await fetch(new URL(paths[0]!, server.url)).then((r) => r.arrayBuffer()); // warm
      const times: number[] = [];
      let bytes = 0;
      for (const path of paths) {
        const t0 = performance.now();
        const res = await fetch(new URL(path, server.url));
        const body = await res.arrayBuffer();
        times.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        bytes += body.byteLength;
      }
      times.sort((a, b) => a - b);
      const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
      console.log(`  ${label.padEnd(40)} ${at(0.5).toFixed(1).padStart(7)} ${at(0.9).toFixed(1).padStart(7)} ${times[times.length - 1]!.toFixed(1).padStart(7)} ${(bytes / paths.length / 1024).toFixed(0).padStart(6)}`);
    }
  } finally {
    server.stop();
  }
}

await measure('SQLite', db);
if (values.db) {
  const server = values.db;
  await onScratchDatabase(server, `newsclaims_bench_serve_${process.pid}`, async (url) => {
    t = performance.now();
    const [to, from] = [await openStore(url, { create: true }), await openStore(db, { readonly: true })];
    await mergeInto(to, from);
    await Promise.all([to.close(), from.close()]);
    console.log(`\nimported into PostgreSQL (${redact(server)}) in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    await measure('PostgreSQL', url);
  });
}
rmSync(tmp, { recursive: true, force: true });
