// A real, throw-away PostgreSQL server for the tests: a new cluster in a temporary folder (initdb),
// run as the `postgres` user when the tests run as root, listening on 127.0.0.1 at a free port, with
// password authentication, stopped and removed at the end.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

export const PG_PASSWORD = 'pw-Zq8!test';

/** The folder of the PostgreSQL server programs: Debian's /usr/lib/postgresql/<n>/bin, the newest. */
export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length) return join(root, versions[0]!, 'bin');
  const found = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (found.status === 0 && existsSync(join(found.stdout.trim(), 'initdb'))) return found.stdout.trim();
  throw new Error("PostgreSQL server programs not found (Debian: apt-get install postgresql; .ci/run installs it)");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface TestServer {
  port: number;
  /** postgres://postgres:…@127.0.0.1:port/<db> */
  url(db: string): string;
  /** A new, empty database; its URL. */
  createDb(name: string): Promise<string>;
  /** Stop the server fast (as a crash would), then start it again. */
  restart(pauseMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<TestServer> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'newsclaims-pg-'));
  const data = join(dir, 'data');
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, `${PG_PASSWORD}\n`);
  // initdb and postgres refuse to run as root: as root, they run as the postgres user.
  const asRoot = process.getuid?.() === 0;
  let uid = 0;
  if (asRoot) {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  chmodSync(dir, 0o700);
  const as = (cmd: string, args: string[]) => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]) as [string, string[]];
  const run = (cmd: string, args: string[]) => {
    const [c, a] = as(cmd, args);
    const r = spawnSync(c, a, { encoding: 'utf8', cwd: dir });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C.UTF-8', '-N']);
  const port = await freePort();
  const start = () => run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`, 'start']);
  start();
  const url = (db: string) => `postgres://postgres:${encodeURIComponent(PG_PASSWORD)}@127.0.0.1:${port}/${db}`;
  return {
    port,
    url,
    async createDb(name: string) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}"`);
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async restart(pauseMs = 0) {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
      start();
    },
    async stop() {
      spawnSync(...as(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One server for a test file: started before its tests, stopped after; the getter gives it. */
export function usePostgres(): () => TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });
  return () => server!;
}
