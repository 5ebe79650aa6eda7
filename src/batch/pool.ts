// Batch processing: tasks run on a pool of worker threads (or in this thread for one job) and
// their outcomes come back in input order, with only a small window of tasks in flight, so memory
// stays flat however many inputs there are.
import { Worker } from 'node:worker_threads';
import { readInput, type InputItem } from '../ingest/index.js';
import { settledOutcome, type Outcome, type TaskOptions } from './task.js';

/**
 * Each worker's heap limit. Besides stopping one huge document from taking the machine, a limit
 * makes V8 collect sooner: two workers peaked at ~310 MB over the BBC corpus with it, ~400 without.
 * An article of the default --max-size (10 MB) still fits (1.2 GB peak for the whole process).
 */
const WORKER_HEAP_MB = 1024;

export interface PoolOptions extends TaskOptions {
  jobs: number;
  /** Each worker's heap limit (tests set a small one to make a worker run out of memory). */
  workerHeapMb?: number;
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
  const heapMb = opts.workerHeapMb ?? WORKER_HEAP_MB;
  // Each worker holds a few tasks, so it keeps working while this thread writes to the database.
  const depth = 8;
  const window = opts.jobs * depth * 2;
  const results = new Map<number, Outcome>();
  const tasks = new Map<Worker, Map<number, InputItem>>();
  // A worker that crashes takes its tasks with it, and which one caused it is unknown: each of them
  // runs again alone on a worker of its own (`solo`), and one that crashes alone fails.
  const retry: Array<{ id: number; item: InputItem }> = [];
  const solo = new Set<Worker>();
  // Workers that die before finishing any task cannot run at all (no memory to start): after a few,
  // every task fails with the reason instead of waiting for a worker that never comes.
  let finished = 0;
  let deaths = 0;
  let broken: string | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const fail = (id: number, item: InputItem, reason: string) => results.set(id, { kind: 'error', source: item.source, message: `cannot read '${item.source}': ${reason}` });
  const spawn = (): void => {
    const w = new Worker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    tasks.set(w, new Map());
    w.on('message', (m: { id: number; outcome: Outcome }) => {
      results.set(m.id, m.outcome);
      tasks.get(w)?.delete(m.id);
      solo.delete(w);
      finished++;
      notify();
    });
    w.on('error', (err) => {
      const reason =
        (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? `out of memory in a worker (${heapMb} MB each; --jobs 1 runs without that limit)` : err.message;
      const held = [...(tasks.get(w) ?? [])];
      tasks.delete(w);
      solo.delete(w);
      if (held.length === 1) fail(held[0]![0], held[0]![1], reason);
      else for (const [id, item] of held) retry.push({ id, item });
      if (!finished && ++deaths >= 3) broken = reason;
      if (broken) for (const r of retry.splice(0)) fail(r.id, r.item, broken);
      else spawn();
      notify();
    });
  };
  for (let i = 0; i < opts.jobs; i++) spawn();
  const leastBusy = (): Worker | null => {
    let best: Worker | null = null;
    for (const [w, t] of tasks) if (!solo.has(w) && t.size < depth && (!best || t.size < tasks.get(best)!.size)) best = w;
    return best;
  };
  const idle = (): Worker | null => [...tasks].find(([, t]) => t.size === 0)?.[0] ?? null;
  const send = (w: Worker, id: number, item: InputItem) => {
    tasks.get(w)!.set(id, item);
    w.postMessage({ id, item, opts: task });
  };

  const it = items[Symbol.asyncIterator]();
  let dispatched = 0;
  let next = 0;
  let exhausted = false;
  try {
    for (;;) {
      for (let w = idle(); retry.length && w; w = idle()) {
        solo.add(w);
        const r = retry.shift()!;
        send(w, r.id, r.item);
      }
      // New tasks wait while retried ones wait for an idle worker.
      while (!exhausted && !opts.stop?.requested && (broken || (!retry.length && leastBusy())) && dispatched - next < window) {
        const n = await it.next();
        if (n.done) {
          exhausted = true;
          break;
        }
        let item = n.value;
        const id = dispatched++;
        if (broken) {
          fail(id, item, broken);
          continue;
        }
        const settled = settledOutcome(item);
        if (settled) {
          results.set(id, settled);
          continue;
        }
        if (item.kind === 'stdin') {
          // Workers cannot read this process's stdin: read it here and send the bytes.
          const got = await readInput(item, { timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes, stdin: opts.stdin });
          if ('error' in got) {
            results.set(id, { kind: 'error', source: 'stdin', message: got.error.message });
            continue;
          }
          item = { source: 'stdin', kind: 'record', doc: got.doc };
        }
        send(leastBusy()!, id, item);
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
