// URLs: Node's fetch with a timeout, a redirect limit, a size limit and a content-type check.

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects?: number;
}

export const USER_AGENT = 'newsclaims/0.1 (news claim extractor; +https://www.npmjs.com/package/newsclaims)';

export interface Fetched {
  bytes: Uint8Array;
  contentType: string | null;
  url: string;
}

const TEXTUAL = /^(text\/|application\/(xhtml\+xml|xml|rss\+xml|atom\+xml))/i;

export async function fetchUrl(url: string, opts: FetchOptions): Promise<Fetched> {
  const maxRedirects = opts.maxRedirects ?? 5;
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const res = await fetch(current, { redirect: 'manual', signal, headers: { 'user-agent': USER_AGENT, accept: 'text/html,text/plain;q=0.9,*/*;q=0.1' } });
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        await res.body?.cancel();
        if (hop >= maxRedirects) throw new Error(`more than ${maxRedirects} redirects`);
        current = new URL(res.headers.get('location')!, current).toString();
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new Error(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
      }
      const contentType = res.headers.get('content-type');
      if (contentType && !TEXTUAL.test(contentType)) {
        await res.body?.cancel();
        throw new Error(`not text or HTML (${contentType.split(';')[0]})`);
      }
      const declared = Number(res.headers.get('content-length') ?? 0);
      if (declared > opts.maxBytes) {
        await res.body?.cancel();
        throw new Error(`too large (${(declared / 1e6).toFixed(1)} MB; the limit is ${(opts.maxBytes / 1e6).toFixed(0)} MB)`);
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      if (res.body) {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          size += chunk.length;
          if (size > opts.maxBytes) throw new Error(`too large (over ${(opts.maxBytes / 1e6).toFixed(0)} MB)`);
          chunks.push(chunk);
        }
      }
      return { bytes: Buffer.concat(chunks), contentType, url: current };
    }
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new Error(`timed out after ${opts.timeoutMs / 1000} s`);
    if (e.cause?.code === 'ECONNREFUSED') throw new Error('connection refused');
    if (e.cause?.code === 'ENOTFOUND') throw new Error('host not found');
    if (e.message === 'fetch failed' && e.cause) throw new Error(`fetch failed (${(e.cause as Error).message ?? e.cause.code})`);
    throw e;
  }
}
