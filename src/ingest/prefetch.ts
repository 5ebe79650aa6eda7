// URLs are slow to arrive and cheap to wait for, so they are fetched ahead of the NLP, several at a
// time (--concurrency), in this thread; the workers then get the bytes. Inputs keep their order, and
// at most `concurrency` fetched pages wait in memory.
import { readInput, type IngestOptions, type InputItem } from './index.js';

/** How many inputs of other kinds (paths, records) may queue behind the URLs being fetched. */
const QUEUE_SLACK = 64;

export async function* prefetchUrls(items: AsyncIterable<InputItem>, concurrency: number, opts: IngestOptions): AsyncGenerator<InputItem> {
  const queue: Array<{ url: boolean; item: Promise<InputItem> }> = [];
  const fetch = async (item: InputItem): Promise<InputItem> => {
    const got = await readInput(item, opts);
    return 'error' in got ? { source: item.source, kind: 'url', error: got.error.reason } : { source: item.source, kind: 'record', doc: got.doc };
  };
  const it = items[Symbol.asyncIterator]();
  let exhausted = false;
  for (;;) {
    // Every URL in the queue is being fetched (or is fetched and waits its turn).
    while (!exhausted && queue.filter((q) => q.url).length < concurrency && queue.length < concurrency + QUEUE_SLACK) {
      const n = await it.next();
      if (n.done) {
        exhausted = true;
        break;
      }
      const item = n.value;
      const url = item.kind === 'url' && !item.error;
      queue.push({ url, item: url ? fetch(item) : Promise.resolve(item) });
      // A path at the head need not wait for the queue to fill.
      if (!queue[0]!.url) break;
    }
    const head = queue.shift();
    if (!head) return;
    yield await head.item;
  }
}
