// Politeness toward the sites a feed leads to: each host's robots.txt (RFC 9309, read by
// robots-parser) and a delay between requests to one host (--delay, or the host's Crawl-delay).
import robotsParser from 'robots-parser';
import { ROBOTS_AGENT, USER_AGENT } from './url.js';

// robots-parser is CommonJS: its module.exports, the function, is what an ES import receives.
const parseRobots = robotsParser as unknown as (url: string, text: string) => Rules;

/** A Crawl-delay above this is held to it: one page a minute is polite, ten minutes is a stall. */
export const MAX_CRAWL_DELAY_S = 60;
/** RFC 9309 §2.5: a crawler must read at least 500 KiB of robots.txt; more is ignored. */
const ROBOTS_MAX_BYTES = 512_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Requests to one host, when it has a delay (the larger of --delay and its Crawl-delay), go one at a
 * time, each starting that long after the one before it finished. Hosts without one are not held.
 */
export class HostGate {
  private readonly queue = new Map<string, Promise<void>>();
  private readonly hostDelay = new Map<string, number>();
  constructor(private readonly delayMs: number) {}

  setHostDelay(host: string, ms: number): void {
    this.hostDelay.set(host, Math.max(this.hostDelay.get(host) ?? 0, ms));
  }

  /** Wait for the host's turn; call what it returns when the request is done. */
  async turn(url: string): Promise<() => void> {
    const host = new URL(url).host;
    const delay = Math.max(this.delayMs, this.hostDelay.get(host) ?? 0);
    if (!delay) return () => {};
    const before = this.queue.get(host) ?? Promise.resolve();
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    this.queue.set(host, before.then(() => finished).then(() => sleep(delay)));
    await before;
    return done;
  }
}

export type RobotsAnswer = { allowed: true } | { allowed: false; reason: string };

interface Rules {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}

/** robots.txt, fetched once per origin and kept for the run. */
export class Robots {
  private readonly rules = new Map<string, Promise<Rules | { unreachable: string }>>();
  constructor(
    private readonly gate: HostGate,
    private readonly timeoutMs: number,
  ) {}

  async check(url: string): Promise<RobotsAnswer> {
    const origin = new URL(url).origin;
    let rules = this.rules.get(origin);
    if (!rules) {
      rules = this.load(origin);
      this.rules.set(origin, rules);
    }
    const r = await rules;
    if ('unreachable' in r) return { allowed: false, reason: `robots.txt unreachable (${r.unreachable})` };
    if (r.isAllowed(url, ROBOTS_AGENT) === false) return { allowed: false, reason: 'disallowed by robots.txt' };
    return { allowed: true };
  }

  private async load(origin: string): Promise<Rules | { unreachable: string }> {
    const address = `${origin}/robots.txt`;
    let text = '';
    try {
      const res = await fetch(address, { headers: { 'user-agent': USER_AGENT }, signal: AbortSignal.timeout(this.timeoutMs) });
      // RFC 9309 §2.3.1: no robots.txt (4xx) allows everything; a server error means "crawl nothing".
      if (res.status >= 500) {
        await res.body?.cancel();
        return { unreachable: `HTTP ${res.status}` };
      }
      if (res.ok) text = new TextDecoder().decode((await res.arrayBuffer()).slice(0, ROBOTS_MAX_BYTES));
      else await res.body?.cancel();
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      return { unreachable: e.name === 'TimeoutError' ? 'timed out' : (e.cause?.code ?? e.message) };
    }
    const rules = parseRobots(address, text);
    const delay = rules.getCrawlDelay(ROBOTS_AGENT);
    if (delay && delay > 0) this.gate.setHostDelay(new URL(origin).host, Math.min(delay, MAX_CRAWL_DELAY_S) * 1000);
    return rules;
  }
}
