// Batch processing: tasks run on a pool of worker threads (or in this thread for one job) and
// their outcomes come back in input order, with only a small window of tasks in flight, so memory
// stays flat however many inputs there are.
import { Worker } from 'node:worker_threads';
import { readInput, type InputItem } from '../ingest/index.js';
import type { Outcome, TaskOptions } from './task.js';

/**
 * Each worker's heap limit. Besides stopping one huge document from taking the machine, a limit
 * makes V8 collect sooner: two workers peaked at ~310 MB over the BBC corpus with it, ~400 without.
 * An article of the default --max-size (10 MB) still fits (1.2 GB peak for the whole process).
 */
const WORKER_HEAP_MB = 1024;

export interface PoolOptions extends TaskOptions {
  jobs: number;
  stdin?: NodeJS.ReadableStream;
  /** Set to stop taking new inputs (Ctrl-C); outcomes already in flight are dropped. */
  stop?: { requested: boolean };
}

export async function* processAll(items: AsyncIterable<InputItem>, opts: PoolOptions): AsyncGenerator<Outcome> {
  const task: TaskOptions = { timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes, db: opts.db, force: opts.force };
  if (opts.jobs <= 1) {
    // Loaded here only: with workers, this thread never needs the NLP or its memory.
    const { KnownTexts, runTask } = await import('./task.js');
    const known = new KnownTexts(opts.force ? null : opts.db);
    try {
      for await (const item of items) {
        if (opts.stop?.requested) return;
        yield await runTask(item, task, known, opts.stdin);
      }
    } finally {
      known.close();
    }
    return;
  }

  const workerUrl = new URL('./worker.js', import.meta.url);
  // Each worker holds a few tasks, so it keeps working while this thread writes to the database.
  const depth = 8;
  const window = opts.jobs * depth * 2;
  const results = new Map<number, Outcome>();
  const tasks = new Map<Worker, Map<number, string>>();
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const spawn = (): Worker => {
    const w = new Worker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    tasks.set(w, new Map());
    w.on('message', (m: { id: number; outcome: Outcome }) => {
      results.set(m.id, m.outcome);
      tasks.get(w)?.delete(m.id);
      notify();
    });
    w.on('error', (err) => {
      // A crashed worker fails its tasks only; a fresh worker takes its place.
      const reason =
        (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `out of memory in a worker (${WORKER_HEAP_MB} MB each; --jobs 1 runs without that limit)`
          : err.message;
      for (const [id, source] of tasks.get(w) ?? []) results.set(id, { kind: 'error', source, message: `cannot read '${source}': ${reason}` });
      tasks.delete(w);
      spawn();
      notify();
    });
    return w;
  };
  for (let i = 0; i < opts.jobs; i++) spawn();
  const leastBusy = (): Worker | null => {
    let best: Worker | null = null;
    for (const [w, t] of tasks) if (t.size < depth && (!best || t.size < tasks.get(best)!.size)) best = w;
    return best;
  };

  const it = items[Symbol.asyncIterator]();
  let dispatched = 0;
  let next = 0;
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && !opts.stop?.requested && leastBusy() && dispatched - next < window) {
        const n = await it.next();
        if (n.done) {
          exhausted = true;
          break;
        }
        let item = n.value;
        const id = dispatched++;
        if (item.kind === 'stdin') {
          // Workers cannot read this process's stdin: read it here and send the bytes.
          const got = await readInput(item, { timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes, stdin: opts.stdin });
          if ('error' in got) {
            results.set(id, { kind: 'error', source: 'stdin', message: got.error.message });
            continue;
          }
          item = { source: 'stdin', kind: 'record', doc: got.doc };
        }
        const w = leastBusy()!;
        tasks.get(w)!.set(id, item.source);
        w.postMessage({ id, item, opts: task });
      }
      if (results.has(next)) {
        const o = results.get(next)!;
        results.delete(next++);
        yield o;
        continue;
      }
      if ((exhausted || opts.stop?.requested) && (next === dispatched || opts.stop?.requested)) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await Promise.all([...tasks.keys()].map((w) => w.terminate()));
  }
}
