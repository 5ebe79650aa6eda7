// A worker thread of the batch pool: runs tasks it is sent and posts their outcomes back.
import { parentPort } from 'node:worker_threads';
import type { InputItem } from '../ingest/index.js';
import { KnownTexts, runTask, type TaskOptions } from './task.js';

let known: KnownTexts | null = null;

parentPort!.on('message', async (msg: { id: number; item: InputItem; opts: TaskOptions }) => {
  known ??= new KnownTexts(msg.opts.force ? null : msg.opts.db);
  const outcome = await runTask(msg.item, msg.opts, known);
  parentPort!.postMessage({ id: msg.id, outcome });
});
