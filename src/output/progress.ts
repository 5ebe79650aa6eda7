// Progress on stderr: a bar with count, rate and ETA on a terminal; only the final line otherwise.

export interface Counts {
  articles: number;
  claims: number;
  failed: number;
  skipped: number;
  /** Pages a feed listed that robots.txt kept us from fetching. */
  declined?: number;
}

export class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly tty: boolean,
    private total: number | null,
  ) {}

  /** A feed stood for one input and lists `n` more. */
  grow(n: number): void {
    if (this.total !== null) this.total += n;
  }

  tick(c: Counts): void {
    if (!this.tty) return;
    const now = Date.now();
    if (now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const done = c.articles + c.failed + c.skipped + (c.declined ?? 0);
    const secs = (now - this.started) / 1000;
    const rate = done / Math.max(secs, 0.001);
    let line = `${done}${this.total !== null ? `/${this.total}` : ''} articles  ${rate.toFixed(1)}/s`;
    if (this.total) {
      const width = 24;
      const filled = Math.round((done / this.total) * width);
      const eta = rate > 0 ? Math.round((this.total - done) / rate) : 0;
      line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${line}  ETA ${eta}s`;
    }
    this.stream.write(`\r\x1b[K${line}`);
    this.drawn = true;
  }

  /** Erase the bar before other output goes to the terminal. */
  clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }

  finish(c: Counts, db: string | null, interrupted: boolean): void {
    this.clear();
    const secs = ((Date.now() - this.started) / 1000).toFixed(1);
    const parts = [`${c.articles} article${c.articles === 1 ? '' : 's'}`, `${c.claims} claim${c.claims === 1 ? '' : 's'}`, `${c.failed} failed`];
    if (c.skipped) parts.push(`${c.skipped} unchanged (skipped)`);
    if (c.declined) parts.push(`${c.declined} not fetched (robots.txt)`);
    this.stream.write(`${interrupted ? 'interrupted: ' : ''}${parts.join(', ')}, ${secs} s${db ? ` → ${db}` : ''}\n`);
  }
}
