import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleResult } from '../src/types.js';

export const ROOT = new URL('..', import.meta.url).pathname;
export const BIN = join(ROOT, 'bin', 'newsclaims.js');
export const ARTICLES = join(ROOT, 'fixtures', 'articles');

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'newsclaims-test-'));
}

/** Run the CLI as a user would, in a pipe (so the default format is NDJSON). */
export function run(args: string[], opts: { input?: string | Buffer; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, NEWSCLAIMS_DB: '', XDG_DATA_HOME: tempDir(), ...opts.env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every span in a result points at its own text, and every id it references exists. */
export function contractProblems(r: ArticleResult): string[] {
  const problems: string[] = [];
  const text = r.article.text;
  const check = (what: string, s: { start: number; end: number; text: string }) => {
    if (!(s.start >= 0 && s.end <= text.length && s.start <= s.end)) problems.push(`${what}: span ${s.start}-${s.end} outside text`);
    else if (text.slice(s.start, s.end) !== s.text) problems.push(`${what}: '${text.slice(s.start, s.end)}' != '${s.text}'`);
  };
  const entityIds = new Set(r.entities.map((e) => e.id));
  const sourceIds = new Set(r.sources.map((s) => s.id));
  const attributionIds = new Set(r.attributions.map((a) => a.id));
  for (const e of r.entities) for (const m of e.mentions) check(`entity ${e.id}`, m);
  for (const s of r.sources) for (const m of s.mentions) check(`source ${s.id}`, m);
  for (const a of r.attributions) {
    for (const p of a.contentSpans) check(`attribution ${a.id}`, p);
    if (a.start !== a.contentSpans[0]?.start || a.end !== a.contentSpans[a.contentSpans.length - 1]?.end) problems.push(`attribution ${a.id}: start/end differ from its pieces`);
    if (a.speaker?.entityId && !entityIds.has(a.speaker.entityId)) problems.push(`attribution ${a.id}: unknown entity ${a.speaker.entityId}`);
  }
  for (const c of r.claims) {
    check(`claim ${c.id}`, c);
    for (const id of c.entityIds) if (!entityIds.has(id)) problems.push(`claim ${c.id}: unknown entity ${id}`);
    for (const id of c.sourceIds) if (!sourceIds.has(id)) problems.push(`claim ${c.id}: unknown source ${id}`);
    if (c.attributionId && !attributionIds.has(c.attributionId)) problems.push(`claim ${c.id}: unknown attribution ${c.attributionId}`);
    if (c.speaker?.entityId && !entityIds.has(c.speaker.entityId)) problems.push(`claim ${c.id}: unknown entity ${c.speaker.entityId}`);
  }
  return problems;
}

/** Run the CLI without blocking this process (needed when the test also serves HTTP). */
export function runAsync(args: string[], opts: { input?: string } = {}): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NEWSCLAIMS_DB: '', XDG_DATA_HOME: tempDir() } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

const PEOPLE = ['Maria Lopez', 'Tom Hale', 'Ana Reyes', 'Janet Yellen', 'Margaret Ellison', 'Alan Brooks'];
const PLACES = ['Ohio', 'Berlin', 'Madrid', 'Leeds', 'Toronto', 'Lyon'];

/** Articles written for the test, each different, so each is its own row. */
export function writeArticles(dir: string, n: number, tag: string): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const who = PEOPLE[i % PEOPLE.length]!;
    const where = PLACES[(i * 5) % PLACES.length]!;
    const body = [
      `Council in ${where} approves plan ${tag}-${i}`,
      '',
      `The council in ${where} approved a £${i + 2}.5m plan on Tuesday after a report by the National Audit Office warned that ${100 + i} homes were at risk.`,
      `“We cannot wait for the next flood to act,” said ${who}, the council leader. “Every year we delay, the bill grows.”`,
      `Opposition councillors argued that the plan relied on optimistic estimates, according to the Riverside Gazette.`,
    ].join('\n');
    writeFileSync(join(dir, `article-${String(i).padStart(3, '0')}.txt`), body);
  }
}
