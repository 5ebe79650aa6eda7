// A real `newsclaims serve` for the tests: a database of the seed articles plus one whose text holds
// markup, and the server started by the CLI as a user starts it.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ARTICLES, BIN, run, tempDir } from './helpers.js';

/** A short news item whose text carries markup, as a page that quotes code might. */
export const MARKUP_ARTICLE = {
  title: 'Council warns of <script> in web forms',
  url: 'https://news.example/council-forms',
  text:
    'Council warns of script in web forms\n\n' +
    'The city council said on Tuesday that attackers had typed <script>alert("pwned")</script> into its planning form. ' +
    '"Nobody\'s data was taken, but <img src=x onerror=alert(1)> shows how careless we were," said Maria Lopez, the council\'s head of digital services. ' +
    'A report by the National Cyber Security Centre found that 40% of councils had similar weaknesses in 2023.',
};

/** Store the seeds and the markup article in `db` (a SQLite file or a postgres:// URL). */
export function fillDatabase(db: string): void {
  const seeds = run(['extract', ARTICLES, '--db', db, '-q', '--format', 'ndjson']);
  if (seeds.code !== 0) throw new Error(`extract failed: ${seeds.stderr}`);
  const markup = run(['extract', '--from-ndjson', '--db', db, '-q', '--format', 'ndjson'], { input: JSON.stringify(MARKUP_ARTICLE) + '\n' });
  if (markup.code !== 0) throw new Error(`extract failed: ${markup.stderr}`);
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  stderr: () => string;
  /** SIGTERM, then the exit code. */
  stop: () => Promise<number | null>;
}

/** `newsclaims serve --port 0 --db <db>`: resolves with the URL it prints. */
export function startServe(db: string, args: string[] = []): Promise<RunningServer> {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0', ...args], { env: { ...process.env, NEWSCLAIMS_DB: '', XDG_DATA_HOME: tempDir() } });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      stdout += d;
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n') && line) resolve({ url: line.trim(), child, stderr: () => stderr, stop: async () => (child.kill('SIGTERM'), exited) });
    });
    void exited.then((code) => reject(new Error(`serve exited (${code}) before printing its URL: ${stderr}`)));
  });
}

export const sqliteDatabase = () => join(tempDir(), 'serve.db');
