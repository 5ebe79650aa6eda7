// Several extract processes starting at once on a database file that does not exist yet: each must
// wait for the others (creating, switching to WAL, migrating, writing) and store all it was given.
// Run by `npm test` after the unit tests (see vitest.stress.config.ts), under load and without.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAsync, tempDir, writeArticles } from '../helpers.js';

const PROCESSES = 4;
const ROUNDS = 20;
const ARTICLES_EACH = 6;

async function round(dir: string, r: number): Promise<string[]> {
  const db = join(dir, `round-${r}.db`);
  const runs = await Promise.all(
    Array.from({ length: PROCESSES }, (_, p) => runAsync(['extract', join(dir, `in-${p}`), '--db', db, '--jobs', '1', '--quiet'])),
  );
  const problems: string[] = [];
  runs.forEach((x, p) => {
    if (x.code !== 0) problems.push(`round ${r}, process ${p}: exit ${x.code}: ${x.stderr.trim()}`);
  });
  const check = new Database(db, { readonly: true });
  try {
    const stored = (check.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    if (stored !== PROCESSES * ARTICLES_EACH) problems.push(`round ${r}: ${stored} articles stored, not ${PROCESSES * ARTICLES_EACH}`);
    const integrity = check.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`round ${r}: integrity_check says ${integrity}`);
  } finally {
    check.close();
  }
  return problems;
}

function inputs(): string {
  const dir = tempDir();
  for (let p = 0; p < PROCESSES; p++) writeArticles(join(dir, `in-${p}`), ARTICLES_EACH, `stress-${p}`);
  return dir;
}

async function rounds(): Promise<string[]> {
  const dir = inputs();
  const problems: string[] = [];
  for (let r = 0; r < ROUNDS; r++) problems.push(...(await round(dir, r)));
  return problems;
}

describe(`${PROCESSES} extract processes at once on a new database, ${ROUNDS} times`, () => {
  it('every process exits 0, every article is stored, the file is intact', async () => {
    expect(await rounds()).toEqual([]);
  });

  describe('while the machine is busy', () => {
    // One spinning process per core, so the extractors are descheduled at awkward moments.
    let hogs: ChildProcess[] = [];
    beforeAll(() => {
      hogs = [0, 1].map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
    });
    afterAll(() => {
      for (const h of hogs) h.kill('SIGKILL');
    });
    it('every process exits 0, every article is stored, the file is intact', async () => {
      expect(await rounds()).toEqual([]);
    });
  });
});
