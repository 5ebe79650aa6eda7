import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLAIM_THRESHOLD } from '../src/nlp/claims.js';
import type { ArticleResult } from '../src/types.js';
import { ARTICLES, BIN, ROOT, run, runAsync, tempDir, writeArticles } from './helpers.js';

describe('the database survives crashes and concurrent use', () => {
  it('keeps every article reported as stored when the process is killed, and the next run resumes', async () => {
    const dir = tempDir();
    const inputs = join(dir, 'in');
    writeArticles(inputs, 150, 'kill');
    const db = join(dir, 'kill.db');
    const reported: ArticleResult[] = await new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, 'extract', inputs, '--db', db, '--jobs', '2'], { env: { ...process.env, NEWSCLAIMS_DB: '' } });
      let buf = '';
      const seen: ArticleResult[] = [];
      child.stdout.on('data', (d) => {
        buf += d;
        const lines = buf.split('\n');
        buf = lines.pop()!;
        for (const l of lines) if (l.trim()) seen.push(JSON.parse(l));
        if (seen.length >= 10) child.kill('SIGKILL');
      });
      child.on('close', () => resolve(seen));
    });
    expect(reported.length).toBeGreaterThanOrEqual(10);
    expect(reported.length).toBeLessThan(150);

    const check = new Database(db, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    // What is printed are the claims at the default threshold; every scored sentence is stored.
    const claimsOf = check.prepare('SELECT count(*) AS n FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.sha256 = ? AND c.score >= ?');
    for (const r of reported) expect((claimsOf.get(r.article.sha256, DEFAULT_CLAIM_THRESHOLD) as { n: number }).n).toBe(r.claims.length);
    // No article is half written: each stored one has its claims and attributions.
    const half = check.prepare('SELECT count(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id)').get() as { n: number };
    expect(half.n).toBe(0);
    const stored = (check.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    check.close();

    const again = await runAsync(['extract', inputs, '--db', db, '--quiet']);
    expect(again.code).toBe(0);
    const resumed = again.stdout.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as ArticleResult).status);
    expect(resumed.filter((x) => x === 'stored')).toHaveLength(150 - stored);
    expect(resumed.filter((x) => x === 'unchanged')).toHaveLength(stored);
    const final = new Database(db, { readonly: true });
    expect((final.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBe(150);
    final.close();
  });

  it('lets two extract processes write to one database at the same time', async () => {
    const dir = tempDir();
    writeArticles(join(dir, 'a'), 30, 'left');
    writeArticles(join(dir, 'b'), 30, 'right');
    const db = join(dir, 'shared.db');
    const [a, b] = await Promise.all([
      runAsync(['extract', join(dir, 'a'), '--db', db, '--jobs', '1']),
      runAsync(['extract', join(dir, 'b'), '--db', db, '--jobs', '1']),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(run(['articles', '--db', db]).stdout.split('\n').filter(Boolean)).toHaveLength(60);
  });
});

describe('bad input gets one line each, and the batch goes on', () => {
  it('refuses 50 MB files (text and a single line) by the documented size limit', () => {
    const dir = tempDir();
    const lines = Buffer.alloc(50_000_000, 'The mayor said the bridge will open. \n');
    writeFileSync(join(dir, 'big.txt'), lines);
    writeFileSync(join(dir, 'one-line.txt'), Buffer.alloc(50_000_000, 'a'));
    writeFileSync(join(dir, 'ok.txt'), 'The mayor said the new bridge will open in May.');
    const r = run(['extract', dir, '--no-store', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^newsclaims: cannot read '.*big\.txt': too large \(50\.0 MB; the limit is 10 MB, see --max-size\)$/),
      expect.stringMatching(/^newsclaims: cannot read '.*one-line\.txt': too large \(50\.0 MB; the limit is 10 MB, see --max-size\)$/),
    ]);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('refuses a JSON file and an HTML page without text; decodes invalid UTF-8 as windows-1252', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'data.txt'), '{"claims": [1, 2, 3]}');
    writeFileSync(join(dir, 'nobody.html'), '<html><head><title>Only a title</title></head></html>');
    writeFileSync(join(dir, 'broken-utf8.txt'), Buffer.concat([Buffer.from('The caf'), Buffer.from([0xe9, 0xff]), Buffer.from(' said prices rose by 12% last year.')]));
    const r = run(['extract', dir, '--no-store', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/'.*data\.txt': a JSON document, not an article/),
      expect.stringMatching(/'.*nobody\.html': no article text found in it$/),
    ]);
    const [doc] = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as ArticleResult);
    expect(doc!.article.text).toBe('The caféÿ said prices rose by 12% last year.');
  });

  it('says clearly when the database location is read-only, and changes nothing', () => {
    const r = run(['extract', '-', '--db', '/sys/newsclaims-test.db'], { input: 'The mayor said the bridge will open in May.' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("newsclaims: cannot open database '/sys/newsclaims-test.db': cannot create the file here (read-only location?)\n");
  });

  it('stops cleanly on Ctrl-C: what is committed stays, the summary is printed', async () => {
    const dir = tempDir();
    writeArticles(join(dir, 'in'), 120, 'sigint');
    const db = join(dir, 'int.db');
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'extract', join(dir, 'in'), '--db', db, '--jobs', '2'], { env: { ...process.env, NEWSCLAIMS_DB: '' } });
      let stdout = '';
      let stderr = '';
      let sent = false;
      child.stdout.on('data', (d) => {
        stdout += d;
        if (!sent && stdout.includes('\n')) {
          sent = true;
          child.kill('SIGINT');
        }
      });
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/^interrupted: \d+ articles?, \d+ claims?, 0 failed, [\d.]+ s → /);
    const printed = result.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as ArticleResult);
    const check = new Database(db, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = (check.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    check.close();
    expect(stored).toBe(printed.length);
    expect(stored).toBeLessThan(120);
  });
});

describe('worker pool', () => {
  // The pool runs the built workers (dist/, made by `npm test`'s pretest), as the CLI does.
  type Pool = typeof import('../src/batch/pool.js');
  const pool = () => import(join(ROOT, 'dist', 'batch', 'pool.js')) as Promise<Pool>;
  const article = readFileSync(join(ARTICLES, '001_0182837d26875113.txt'));
  const records = (big: Buffer | null) =>
    (async function* () {
      for (let i = 0; i < 8; i++) {
        const source = i === 2 && big ? 'big' : `small${i}`;
        yield { source, kind: 'record' as const, doc: { source, bytes: i === 2 && big ? big : article } };
      }
    })();
  const outcomes = async (big: Buffer | null, workerHeapMb: number) => {
    const { processAll } = await pool();
    const out: Array<{ source: string; kind: string; message?: string }> = [];
    for await (const o of processAll(records(big), { jobs: 2, workerHeapMb, timeoutMs: 1000, maxBytes: 1e8, db: null, force: true })) out.push(o);
    return out;
  };

  it('fails only the article that ran a worker out of memory; the others in that worker run again', async () => {
    const big = Buffer.from(Array(1000).fill(article.toString()).join('\n\n'));
    const out = await outcomes(big, 48);
    expect(out.map((o) => o.source)).toEqual(['small0', 'small1', 'big', 'small3', 'small4', 'small5', 'small6', 'small7']);
    expect(out.filter((o) => o.kind !== 'result')).toEqual([
      { kind: 'error', source: 'big', message: "cannot read 'big': out of memory in a worker (48 MB each; --jobs 1 runs without that limit)" },
    ]);
  }, 60_000);

  it('fails every article with the reason, without waiting, when no worker can start', async () => {
    const out = await outcomes(null, 1);
    expect(out).toHaveLength(8);
    for (const o of out) expect(o).toMatchObject({ kind: 'error', message: expect.stringContaining('out of memory in a worker') });
  });
});
