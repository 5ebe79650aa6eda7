// NDJSON in: one JSON object per line, { "text" | "html", "url", "title", "byline", "published", "site" },
// so other tools can feed newsclaims without files.
import { createInterface } from 'node:readline';
import type { InputItem } from './index.js';

const META = ['url', 'title', 'byline', 'published', 'site'] as const;

export async function* ndjsonRecords(stream: NodeJS.ReadableStream, name: string): AsyncGenerator<InputItem> {
  let line = 0;
  for await (const raw of createInterface({ input: stream, crlfDelay: Infinity })) {
    line++;
    if (!raw.trim()) continue;
    const where = `${name}:${line}`;
    let rec: Record<string, unknown>;
    try {
      rec = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      yield { source: where, kind: 'file', error: 'not valid JSON' };
      continue;
    }
    const body = typeof rec.html === 'string' ? rec.html : typeof rec.text === 'string' ? rec.text : null;
    if (body === null || typeof rec !== 'object') {
      yield { source: where, kind: 'file', error: 'the record has no "text" or "html" string' };
      continue;
    }
    if (!body.trim()) {
      yield { source: where, kind: 'file', error: `the record's "${typeof rec.html === 'string' ? 'html' : 'text'}" is empty` };
      continue;
    }
    const meta: Record<string, string> = {};
    for (const k of META) if (typeof rec[k] === 'string') meta[k] = rec[k] as string;
    const source = meta.url ?? where;
    yield { source, kind: 'record', doc: { source, bytes: Buffer.from(body, 'utf8'), html: typeof rec.html === 'string', url: meta.url ?? null, meta } };
  }
}
