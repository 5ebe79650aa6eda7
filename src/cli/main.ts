// The command line: parses arguments and wires ingest → pipeline → store → output together.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { availableParallelism } from 'node:os';
import { extract, type ExtractOptions } from './extract.js';
import { redact, StoreError, UsageError } from '../errors.js';
import { BadValue, calendarDay, fraction, positiveWhole } from '../values.js';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from '../ingest/index.js';
// claims.js, not nlp/index.js: the NLP (and compromise) loads only where articles are analysed.
import { atThreshold, DEFAULT_CLAIM_THRESHOLD } from '../nlp/claims.js';
import { defaultFormat, FORMATS, serialize, table, type Format } from '../output/format.js';
import { articleSummary } from '../output/summary.js';
import { defaultDbPath, isPostgresUrl, openStore as openStoreAt } from '../store/index.js';
import { mergeInto } from '../store/merge.js';
import { ATTRIBUTION_KINDS, ENTITY_TYPES, type AttributionKind } from '../types.js';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

/** A shared value reader (../values.ts) as commander's argument parser. */
const flag =
  <T>(read: (v: string) => T) =>
  (v: string): T => {
    try {
      return read(v);
    } catch (err) {
      if (err instanceof BadValue) throw new InvalidArgumentError(err.message);
      throw err;
    }
  };
const positiveInt = flag(positiveWhole);
const positiveNumber = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
};
const nonNegativeNumber = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number of seconds, 0 or more');
  return n;
};
const port = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number from 0 (any free port) to 65535');
  return n;
};
const score = flag(fraction);

function formatOption(withCsv = true): Option {
  const choices = withCsv ? [...FORMATS] : FORMATS.filter((f) => f !== 'csv');
  return new Option('-f, --format <format>', 'output format (default: table on a terminal, ndjson in a pipe)').choices(choices);
}

/** The same two options wherever claims are shown: the threshold, and --all to see every scored sentence. */
function withThreshold(cmd: Command): Command {
  return cmd
    .option('--threshold <score>', 'check-worthiness from which a sentence is a claim', score, DEFAULT_CLAIM_THRESHOLD)
    .option('--all', 'every scored sentence, whatever its score');
}
/** --site, --since and --until, the same on every command that lists articles or their claims. */
function withArticleFilters(cmd: Command): Command {
  return cmd
    .option('--site <name>', "only articles of this site (its name or its URL's host, whole words)")
    .option('--since <date>', 'only articles published on or after this date (YYYY-MM-DD)', isoDay)
    .option('--until <date>', 'only articles published on or before this date (YYYY-MM-DD)', isoDay);
}
const isoDay = flag(calendarDay);
const thresholdOf = (opts: { threshold: number; all?: boolean }): number | null => (opts.all ? null : opts.threshold);

const dbOption = () => new Option('--db <path>', 'a SQLite file or a postgres:// URL (default: $NEWSCLAIMS_DB, else $XDG_DATA_HOME/newsclaims/newsclaims.db)');

export async function main(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env }): Promise<number> {
  let exitCode = 0;
  // A reader closing the pipe ("newsclaims claims | head -1") is no error: stop writing, end quietly.
  let readerGone = false;
  const readerGoneListeners: Array<() => void> = [];
  io.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    if (readerGone) return;
    readerGone = true;
    for (const l of readerGoneListeners) l();
  });
  const write = (s: string) => {
    if (!readerGone) io.stdout.write(s);
  };
  const out = (s: string) => write(s.endsWith('\n') ? s : `${s}\n`);
  const fail = (message: string) => io.stderr.write(`newsclaims: ${message}\n`);
  const formatOf = (f: Format | undefined): Format => f ?? defaultFormat(io.stdout.isTTY);
  const dbPath = (opt: string | undefined) => {
    const path = opt ?? defaultDbPath(io.env);
    // A postgres:// URL is a server; another URL is no file name either: refuse it rather than make a folder "mysql:".
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(path)?.[1];
    if (scheme && !isPostgresUrl(path)) throw new UsageError(`--db '${redact(path)}': ${scheme}:// databases are not supported; give the path of a SQLite file or a postgres:// URL`);
    return path;
  };
  // The terminal's width; in a pipe, $COLUMNS when set (so `COLUMNS=80 newsclaims claims -f table | less` fits).
  const termWidth = () => (io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : Number(io.env.COLUMNS) > 0 ? Number(io.env.COLUMNS) : 120);
  const openStore = (opt: string | undefined, create = false) => openStoreAt(dbPath(opt), { create, readonly: !create, env: io.env });

  /** Print query rows in the chosen format. */
  const printRows = <T extends object>(rows: T[], format: Format, columns: Parameters<typeof table<T>>[1]) => {
    if (format === 'table') {
      if (!rows.length) io.stderr.write('(no results)\n');
      else out(table(rows, columns, termWidth()));
    } else {
      const s = serialize(rows as Array<Record<string, unknown>>, format);
      if (s) write(s);
    }
  };

  const program = new Command('newsclaims')
    .description('Extract who said what, what is claimed, about whom and on what evidence from news articles.')
    .version('0.1.0')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`newsclaims: ${s.replace(/^error: /, '').trim()}\n`),
    });

  withThreshold(program
    .command('extract'))
    .description('read articles (files, directories, URLs or - for stdin), extract claims and store them')
    .argument('[input...]', 'a .txt/.md/.html file, a directory (walked recursively), an http(s) URL, or - for stdin')
    .addOption(dbOption())
    .addOption(formatOption(false))
    .option('--no-store', 'print only; do not write the database')
    .option('--from-ndjson [file]', 'read {"text"|"html", "url", "title", ...} records, one per line, from a file or stdin')
    .option('-j, --jobs <n>', 'worker threads (default: the number of cores)', positiveInt)
    .option('--force', 'extract again articles whose text is already stored')
    .option('-q, --quiet', 'no progress and no summary on stderr')
    .option('--timeout <seconds>', 'give up on a URL after this many seconds', positiveNumber, DEFAULT_TIMEOUT_MS / 1000)
    .option('--concurrency <n>', 'URLs fetched at the same time', positiveInt, DEFAULT_CONCURRENCY)
    .option('--max-size <MB>', 'refuse inputs larger than this', positiveNumber, DEFAULT_MAX_BYTES / 1e6)
    .option('--delay <seconds>', "wait this long between requests to one host (a host's robots.txt Crawl-delay, if longer, wins for the pages its feeds list)", nonNegativeNumber, 0)
    .addHelpText(
      'after',
      '\nExamples:\n  $ newsclaims extract fixtures/articles\n  $ newsclaims extract ~/archive --jobs 4 --db archive.db\n  $ curl -s https://example.com/story | newsclaims extract - --format json\n  $ jq -c \'{text: .body, url: .link}\' feed.json | newsclaims extract --from-ndjson\n  $ newsclaims extract $(cat urls.txt) --concurrency 8 --timeout 10\n  $ newsclaims extract https://example.com/feed.xml --delay 1   # a feed or sitemap: the pages it lists',
    )
    .action(async (inputs: string[], opts: Omit<ExtractOptions, 'threshold'> & { threshold: number; all?: boolean }) => {
      exitCode = await extract(inputs, { ...opts, jobs: opts.jobs ?? availableParallelism(), threshold: thresholdOf(opts) }, io, { out, fail, formatOf, dbPath, openStore, readerGone: () => readerGone, onReaderGone: (l) => readerGoneListeners.push(l) });
    });

  withArticleFilters(withThreshold(program
    .command('claims')))
    .description('list stored claims, with their speakers, entities and sources')
    .option('--speaker <name>', 'only claims attributed to this speaker (name or alias, substring)')
    .option('--entity <name>', 'only claims that mention this entity')
    .option('--source <name>', 'only claims citing this source (name, domain or URL)')
    .option('--article <id>', 'only claims of this article (id, id prefix, path or URL)')
    .option('--direct', 'only claims made in direct quotes')
    .addOption(new Option('--kind <kind>', 'only claims attributed as said (speech, writing), found (documents, figures, polls) or thought (beliefs, plans)').choices([...ATTRIBUTION_KINDS]))
    // The old name of --threshold, still accepted.
    .addOption(new Option('--min-score <score>').argParser(score).hideHelp())
    .option('--limit <n>', 'at most this many rows', positiveInt)
    .addOption(formatOption())
    .addOption(dbOption())
    .addHelpText('after', '\nExamples:\n  $ newsclaims claims --speaker Pineau\n  $ newsclaims claims --entity Meta --format ndjson | jq .text\n  $ newsclaims claims --source reuters.com --format csv > claims.csv\n  $ newsclaims claims --kind said --speaker Blair')
    .action(async (opts: { speaker?: string; entity?: string; source?: string; article?: string; direct?: boolean; kind?: AttributionKind; all?: boolean; threshold: number; minScore?: number; site?: string; since?: string; until?: string; limit?: number; format?: Format; db?: string }) => {
      const store = await openStore(opts.db);
      try {
        const rows = await store.claims({ ...opts, threshold: thresholdOf({ ...opts, threshold: opts.minScore ?? opts.threshold }) ?? undefined });
        printRows(rows, formatOf(opts.format), [
          { header: 'article', value: (r) => r.article },
          { header: 'claim', value: (r) => r.id },
          { header: 'speaker', value: (r) => r.speaker?.name ?? '' },
          { header: 'score', value: (r) => r.score.toFixed(2) },
          { header: 'text', value: (r) => r.text, flex: true },
        ]);
      } finally {
        await store.close();
      }
    });

  program
    .command('entities')
    .description('list stored entities with the number of articles and mentions of each')
    .addOption(new Option('--type <type>', 'only entities of this type').choices([...ENTITY_TYPES]))
    .option('--name <text>', 'only entities whose name or alias contains this')
    .option('--limit <n>', 'at most this many rows', positiveInt)
    .addOption(formatOption())
    .addOption(dbOption())
    .addHelpText('after', '\nExample:\n  $ newsclaims entities --type person --limit 20')
    .action(async (opts: { type?: string; name?: string; limit?: number; format?: Format; db?: string }) => {
      const store = await openStore(opts.db);
      try {
        printRows(await store.entities(opts), formatOf(opts.format), [
          { header: 'id', value: (r) => r.id },
          { header: 'type', value: (r) => r.type },
          { header: 'articles', value: (r) => r.articles },
          { header: 'mentions', value: (r) => r.mentions },
          { header: 'name', value: (r) => r.name },
          { header: 'aliases', value: (r) => r.aliases, flex: true },
        ]);
      } finally {
        await store.close();
      }
    });

  program
    .command('sources')
    .description('list cited sources across articles (URLs grouped by domain)')
    .addOption(new Option('--kind <kind>', 'only sources of this kind').choices(['url', 'outlet', 'document', 'unnamed']))
    .option('--name <text>', 'only sources whose name or domain contains this')
    .option('--limit <n>', 'at most this many rows', positiveInt)
    .addOption(formatOption())
    .addOption(dbOption())
    .addHelpText('after', '\nExample:\n  $ newsclaims sources --kind url --format csv')
    .action(async (opts: { kind?: string; name?: string; limit?: number; format?: Format; db?: string }) => {
      const store = await openStore(opts.db);
      try {
        printRows(await store.sources(opts), formatOf(opts.format), [
          { header: 'kind', value: (r) => r.kind },
          { header: 'articles', value: (r) => r.articles },
          { header: 'mentions', value: (r) => r.mentions },
          { header: 'name', value: (r) => r.name, flex: true },
        ]);
      } finally {
        await store.close();
      }
    });

  withArticleFilters(withThreshold(program
    .command('articles')))
    .description('list stored articles')
    .option('--limit <n>', 'at most this many rows', positiveInt)
    .addOption(formatOption())
    .addOption(dbOption())
    .addHelpText('after', '\nExamples:\n  $ newsclaims articles --format json\n  $ newsclaims articles --site bbc --since 2005-01-01')
    .action(async (opts: { limit?: number; threshold: number; all?: boolean; site?: string; since?: string; until?: string; format?: Format; db?: string }) => {
      const store = await openStore(opts.db);
      try {
        printRows(await store.articles({ limit: opts.limit, threshold: thresholdOf(opts) ?? undefined, site: opts.site, since: opts.since, until: opts.until }), formatOf(opts.format), [
          { header: 'id', value: (r) => r.id },
          { header: 'claims', value: (r) => r.claims },
          { header: 'quotes', value: (r) => r.attributions },
          { header: 'source', value: (r) => r.source },
          { header: 'title', value: (r) => r.title, flex: true },
        ]);
      } finally {
        await store.close();
      }
    });

  withThreshold(program
    .command('search'))
    .description('full-text search over claims and attributions, best matches first')
    .argument('<words...>', 'words to find (all must match)')
    .option('--limit <n>', 'at most this many rows', positiveInt, 50)
    .addOption(new Option('--kind <kind>', 'only attributions of this kind, and claims attributed so').choices([...ATTRIBUTION_KINDS]))
    .addOption(formatOption())
    .addOption(dbOption())
    .addHelpText('after', '\nExamples:\n  $ newsclaims search open source research\n  $ newsclaims search --kind found broadband')
    .action(async (words: string[], opts: { limit: number; kind?: AttributionKind; threshold: number; all?: boolean; format?: Format; db?: string }) => {
      const format = formatOf(opts.format);
      const store = await openStore(opts.db);
      try {
        const mark: [string, string] | null = format === 'table' && io.stdout.isTTY ? ['\x1b[1;33m', '\x1b[0m'] : null;
        const rows = await store.search(words.join(' '), { mark, limit: opts.limit, kind: opts.kind, threshold: thresholdOf(opts) ?? undefined });
        printRows(rows, format, [
          { header: 'kind', value: (r) => r.kind },
          { header: 'article', value: (r) => r.article },
          { header: 'id', value: (r) => r.id },
          { header: 'speaker', value: (r) => r.speaker?.name ?? '' },
          { header: 'text', value: (r) => r.text, flex: true },
        ]);
      } finally {
        await store.close();
      }
    });

  withThreshold(program
    .command('show'))
    .description('everything stored for one article, in the JSON contract')
    .argument('<article>', 'article id (or prefix), path or URL')
    .addOption(new Option('-f, --format <format>', 'output format (default: table on a terminal, json in a pipe)').choices(['table', 'json', 'ndjson']))
    .addOption(dbOption())
    .addHelpText('after', '\nExample:\n  $ newsclaims show 3f2a9c --format json | jq .attributions')
    .action(async (ref: string, opts: { format?: 'table' | 'json' | 'ndjson'; db?: string; threshold: number; all?: boolean }) => {
      const store = await openStore(opts.db);
      try {
        const stored = await store.show(ref);
        if (!stored) throw new UsageError(`no stored article matches '${ref}'`);
        const r = atThreshold(stored, thresholdOf(opts));
        const format = opts.format ?? (io.stdout.isTTY ? 'table' : 'json');
        if (format === 'table') out(articleSummary(r, stored.claims.length - r.claims.length));
        else out(format === 'json' ? JSON.stringify(r, null, 2) : JSON.stringify(r));
      } finally {
        await store.close();
      }
    });

  program
    .command('import')
    .description('merge other databases (SQLite files or postgres:// URLs) into --db; articles already there are kept')
    .argument('<database...>', 'a SQLite file or a postgres:// URL to read from')
    .addOption(dbOption())
    .option('-q, --quiet', 'no summary on stderr')
    .addHelpText('after', '\nExamples:\n  $ newsclaims import ~/.local/share/newsclaims/newsclaims.db --db postgres://news@db.example/news\n  $ newsclaims import shard-1.db shard-2.db --db all.db')
    .action(async (sources: string[], opts: { db?: string; quiet?: boolean }) => {
      const target = await openStore(opts.db, true);
      try {
        for (const source of sources) {
          const from = await openStoreAt(dbPath(source), { create: false, readonly: true, env: io.env });
          try {
            if (from.location === target.location) throw new UsageError(`cannot import '${from.location}' into itself`);
            const c = await mergeInto(target, from);
            if (!opts.quiet) io.stderr.write(`${from.location}: ${c.imported} article${c.imported === 1 ? '' : 's'} imported, ${c.present} already there → ${target.location}\n`);
          } finally {
            await from.close();
          }
        }
      } finally {
        await target.close();
      }
    });

  withThreshold(program
    .command('stats'))
    .description('counts of what is stored, and the database path')
    .addOption(formatOption())
    .addOption(dbOption())
    .addHelpText('after', '\nExamples:\n  $ newsclaims stats\n  $ newsclaims stats --db archive.db --format json')
    .action(async (opts: { format?: Format; db?: string; threshold: number; all?: boolean }) => {
      const store = await openStore(opts.db);
      try {
        const s = await store.stats(thresholdOf(opts) ?? 0);
        const format = formatOf(opts.format);
        if (format === 'table') out(Object.entries(s).map(([k, v]) => `${k.padEnd(13)} ${v}`).join('\n'));
        else write(serialize([{ ...s }], format));
      } finally {
        await store.close();
      }
    });

  withThreshold(program
    .command('serve'))
    .description('a local reader in the browser: each article with its quotes, speakers, claims, entities and sources marked in the text')
    .addOption(dbOption())
    .option('--port <n>', 'port to listen on (0: any free port)', port, 8080)
    .option('--host <address>', 'address to listen on (another than 127.0.0.1 lets other machines read the database)', '127.0.0.1')
    .addHelpText('after', '\nExamples:\n  $ newsclaims serve            # then open http://127.0.0.1:8080/\n  $ newsclaims serve --db archive.db --port 9000\n  $ curl -s "http://127.0.0.1:8080/api/claims?speaker=Blair&limit=5"')
    .action(async (opts: { db?: string; port: number; host: string; threshold: number; all?: boolean }) => {
      const store = await openStore(opts.db);
      const { NewsclaimsServer } = await import('../serve/server.js');
      const server = new NewsclaimsServer(store, { host: opts.host, port: opts.port, threshold: thresholdOf(opts), onError: (err) => fail(`a request failed: ${(err as Error).message ?? err}`) });
      try {
        const url = await server.listen();
        io.stderr.write(`newsclaims: serving ${store.location} (read only) at ${url} — Ctrl-C stops\n`);
        out(url);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await server.close();
      } finally {
        await store.close();
      }
    });

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      if (err.code === 'commander.executeSubCommandAsync') return 1;
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UsageError) {
      fail(err.message);
      return 2;
    }
    if (err instanceof StoreError) {
      fail(err.message);
      return 1;
    }
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EPIPE') return exitCode;
    fail(e.message ?? String(err));
    return 1;
  }
  return exitCode;
}
