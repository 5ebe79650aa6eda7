// npm run bench [-- --corpus <dir>] [--jobs N] [--rounds 3] [--claims 100000] [--db postgres://…]
// Prints, in one run: throughput and peak RSS of the full pipeline into a fresh database, the same
// corpus through bare compromise(text) on one thread, their ratio, and query latencies on a
// database grown to the given number of claims. The two runs alternate for a few rounds and the
// medians are compared, because this shared machine's speed drifts by a fifth from run to run.
// With --db postgres://…, the pipeline also runs into a scratch database on that server (made and
// dropped each round; the URL's user needs CREATEDB), beside the SQLite run.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { redact } from '../errors.js';
import { growByCopies } from './grow.js';
import { onScratchDatabase } from './scratch-pg.js';
import { SqliteStore } from '../store/index.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: join(process.env.NEWSCLAIMS_SHARED ?? '../shared', 'corpus', 'bbc') },
    jobs: { type: 'string', default: String(availableParallelism()) },
    claims: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '3' },
    db: { type: 'string' },
  },
});
if (values.db && !/^postgres(ql)?:\/\//i.test(values.db)) {
  console.error('bench: --db takes a postgres:// URL (SQLite runs in any case)');
  process.exit(2);
}
const corpus = resolve(values.corpus!);
if (!existsSync(corpus)) {
  console.error(`bench: no corpus at '${corpus}' (pass --corpus <dir> or set NEWSCLAIMS_SHARED)`);
  process.exit(2);
}
const child = new URL('./child.js', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'newsclaims-bench-'));

function runChild(args: string[]): { ms: number; articles: number; bytes: number; maxRssMB: number } {
  const r = spawnSync(process.execPath, [child, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

const db = join(tmp, 'bench.db');
type Run = { ms: number; articles: number; bytes: number; maxRssMB: number };
console.log(`corpus: ${corpus}`);
const bareRuns: Run[] = [];
const pipeRuns: Run[] = [];
const pgRuns: Run[] = [];
const rounds = Math.max(1, Number(values.rounds));
/** A scratch database on the --db server for one round: made, used, dropped. */
const onPostgres = <T>(run: (url: string) => T): Promise<T> => onScratchDatabase(values.db!, `newsclaims_bench_${process.pid}`, run);
for (let round = 0; round < rounds; round++) {
  bareRuns.push(runChild(['bare', corpus]));
  rmSync(db, { force: true });
  rmSync(`${db}-wal`, { force: true });
  rmSync(`${db}-shm`, { force: true });
  pipeRuns.push(runChild(['pipeline', corpus, db, values.jobs!]));
  if (values.db) pgRuns.push(await onPostgres((url) => runChild(['pipeline', corpus, url, values.jobs!])));
}
/** The run of median time; peak memory is the largest of all rounds. */
const median = (runs: Run[]): Run => ({ ...[...runs].sort((a, b) => a.ms - b.ms)[runs.length >> 1]!, maxRssMB: Math.max(...runs.map((r) => r.maxRssMB)) });
const bare = median(bareRuns);
const pipe = median(pipeRuns);
const mb = (x: { bytes: number; ms: number }) => x.bytes / 1e6 / (x.ms / 1000);
const aps = (x: { articles: number; ms: number }) => x.articles / (x.ms / 1000);
console.log(`\n${'run'.padEnd(34)} ${'articles/s'.padStart(10)} ${'MB/s'.padStart(7)} ${'time s'.padStart(8)} ${'peak RSS MB'.padStart(12)}`);
const row = (name: string, x: Run) =>
  console.log(`${name.padEnd(34)} ${aps(x).toFixed(1).padStart(10)} ${mb(x).toFixed(3).padStart(7)} ${(x.ms / 1000).toFixed(1).padStart(8)} ${x.maxRssMB.toFixed(0).padStart(12)}`);
row('bare compromise(text), 1 thread', bare);
row(`newsclaims extract, ${values.jobs} jobs`, pipe);
const onPg = pgRuns.length ? median(pgRuns) : null;
if (onPg) row(`  the same into PostgreSQL`, onPg);
const each = (runs: Run[]) => runs.map((r) => aps(r).toFixed(1)).join(', ');
console.log(`(median of ${rounds} alternating rounds; articles/s per round: bare ${each(bareRuns)}; pipeline ${each(pipeRuns)})`);
console.log(`speed-up of the full pipeline over bare compromise: ${(bare.ms / pipe.ms).toFixed(2)}x (${pipe.articles} articles, ${(pipe.bytes / 1e6).toFixed(1)} MB)`);
if (onPg) {
  console.log(`PostgreSQL (${redact(values.db!)}): ${(aps(onPg) / aps(pipe)).toFixed(2)}x SQLite's throughput (articles/s per round: ${each(pgRuns)}); peak RSS is newsclaims' own, the server's is not counted`);
  // Each round runs the two back to back, so a round's own ratio shows how much of a difference is the machine's drift.
  console.log(`  PostgreSQL / SQLite within each round: ${pgRuns.map((r, i) => (aps(r) / aps(pipeRuns[i]!)).toFixed(2)).join(', ')}`);
}

// Grow a copy of the database to the target number of claims by storing its articles again under
// new texts, then time the queries users run most.
const target = Number(values.claims);
const big = join(tmp, 'big.db');
copyFileSync(db, big);
const store = SqliteStore.open(big);
let claims = (await store.stats()).claims;
await growByCopies(store, (r) => {
  if (claims >= target) return false;
  claims += r.claims.length;
  return true;
});
const stats = await store.stats();
console.log(`\nquery latency on ${stats.claims} claims, ${stats.articles} articles, ${stats.entities} entities (median of 7 runs):`);
const time = async (name: string, f: () => Promise<unknown[]>) => {
  const runs: number[] = [];
  let rows = 0;
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    const out = await f();
    runs.push(performance.now() - t);
    rows = out.length;
  }
  runs.sort((a, b) => a - b);
  console.log(`  ${name.padEnd(44)} ${runs[3]!.toFixed(1).padStart(8)} ms  (${rows} rows)`);
};
await time("search 'government minister'", () => store.search('government minister'));
await time("claims --entity Blair", () => store.claims({ entity: 'Blair', limit: 100 }));
await time("claims --speaker Brown", () => store.claims({ speaker: 'Brown', limit: 100 }));
await time("claims --source bbc", () => store.claims({ source: 'BBC', limit: 100 }));
await time('entities (top 50)', () => store.entities({ limit: 50 }));
await time('entities --type person (top 50)', () => store.entities({ type: 'person', limit: 50 }));
await time('sources (top 50)', () => store.sources({ limit: 50 }));
await store.close();
rmSync(tmp, { recursive: true, force: true });
