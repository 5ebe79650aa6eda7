// Many tests run the CLI with spawnSync, which blocks this worker's event loop. Vitest's worker talks
// to the main process over messages that are only read when the loop turns, and a file of synchronous
// tests never lets it turn: after 60 s the worker reports "Timeout calling onTaskUpdate". Yielding to
// the event loop after each test lets those messages through.
import { afterEach } from 'vitest';

afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
