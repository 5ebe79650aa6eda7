// Bench children: each runs one contender in a fresh process and prints its time and peak memory
// as JSON, so the two measurements do not disturb each other.
//   node dist/bench/child.js bare <dir>          bare compromise(text) over every file, one thread
//   node dist/bench/child.js pipeline <dir> <db> [jobs]   newsclaims extract into a fresh database
import nlp from 'compromise';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../cli/main.js';

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? files(p) : /\.(txt|md|html?)$/.test(name) ? [p] : [];
    });
}

const [mode, dir, db, jobs] = process.argv.slice(2);
const t0 = performance.now();
let articles = 0;
let bytes = 0;
if (mode === 'bare') {
  for (const f of files(dir!)) {
    const text = readFileSync(f, 'utf8');
    nlp(text);
    articles++;
    bytes += Buffer.byteLength(text);
  }
} else {
  const sink = new Writable({ write: (_chunk, _enc, cb) => cb() });
  const code = await main(['node', 'newsclaims', 'extract', dir!, '--db', db!, '--quiet', '--format', 'ndjson', ...(jobs ? ['--jobs', jobs] : [])], {
    stdout: sink,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
  });
  if (code !== 0) process.exit(code);
  for (const f of files(dir!)) {
    articles++;
    bytes += statSync(f).size;
  }
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, articles, bytes, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
