// Printing rows: an aligned table for people, JSON / NDJSON / CSV for programs.

export type Format = 'table' | 'json' | 'ndjson' | 'csv';
export const FORMATS: readonly Format[] = ['table', 'json', 'ndjson', 'csv'];

/** The format when the user gave none: a table on a terminal, NDJSON in a pipe. */
export function defaultFormat(isTTY: boolean | undefined): Format {
  return isTTY ? 'table' : 'ndjson';
}

export interface Column<T> {
  header: string;
  value: (row: T) => unknown;
  /** The column that gives up width first when the table is wider than the terminal (usually the text). */
  flex?: boolean;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join('; ');
  if (typeof v === 'boolean') return v ? 'yes' : '';
  return String(v).replace(/\s+/g, ' ');
}

// eslint-disable-next-line no-control-regex
const SGR = /\x1b\[[0-9;]*m/g;

/** Display width, counting characters (good enough for the scripts news text uses); colour codes take none. */
function width(s: string): number {
  return [...s.replace(SGR, '')].length;
}

/** The narrowest a column is squeezed to before the table is let run wider than the terminal. */
const MIN_FLEX = 20;
const MIN_OTHER = 8;

/**
 * Widths that fit `termWidth`: the flex column gives up width first, down to MIN_FLEX; then the
 * widest other columns, down to MIN_OTHER (or their header). Cells wrap within them.
 */
function fitWidths(natural: number[], headers: number[], flex: number, termWidth: number): number[] {
  const widths = [...natural];
  const total = () => widths.reduce((s, w) => s + w, 0) + 2 * (widths.length - 1);
  if (flex >= 0 && total() > termWidth) widths[flex] = Math.max(Math.min(MIN_FLEX, natural[flex]!), widths[flex]! - (total() - termWidth));
  while (total() > termWidth) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (i !== flex && w > Math.max(MIN_OTHER, headers[i]!) && (widest < 0 || w > widths[widest]!)) widest = i;
    });
    if (widest < 0) break;
    widths[widest]!--;
  }
  return widths;
}

/**
 * A cell's lines at `max` characters: broken at spaces where it can, inside a word where it must.
 * A colour code still open at a line's end is closed there and opened again on the next line, so
 * search highlighting survives the wrap.
 */
export function wrap(s: string, max: number): string[] {
  if (width(s) <= max) return [s];
  // Tokens: colour codes (no width), spaces, and runs of other characters.
  const tokens = s.match(/\x1b\[[0-9;]*m|\s+|[^\s\x1b]+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  let used = 0;
  let open = '';
  const newLine = () => {
    lines.push(open ? `${line.trimEnd()}\x1b[0m` : line.trimEnd());
    line = open;
    used = 0;
  };
  // An opening colour code waits for the word it colours, so a line never ends on one; a closing
  // code stays with the word before it.
  let pending = '';
  for (const tok of tokens) {
    if (/^\x1b\[0?m$/.test(tok) && !pending) {
      line += tok;
      open = '';
      continue;
    }
    if (tok.startsWith('\x1b[')) {
      pending += tok;
      continue;
    }
    if (/^\s+$/.test(tok)) {
      if (used > 0 && used < max) {
        line += ' ';
        used++;
      }
      continue;
    }
    let word = [...tok];
    if (used > 0 && used + word.length > max) newLine();
    if (pending) {
      line += pending;
      for (const code of pending.match(/\x1b\[[0-9;]*m/g)!) open = /^\x1b\[0?m$/.test(code) ? '' : code;
      pending = '';
    }
    while (word.length > max - used) {
      line += word.slice(0, max - used).join('');
      word = word.slice(max - used);
      newLine();
    }
    line += word.join('');
    used += word.length;
  }
  line += pending;
  if (pending) open = '';
  if (used > 0 || !lines.length) lines.push(line.trimEnd());
  return lines;
}

/** An aligned table, as wide as the terminal allows; cells wrap rather than being cut. */
export function table<T>(rows: T[], columns: Column<T>[], termWidth = 100): string {
  const cells = rows.map((r) => columns.map((c) => cellText(c.value(r))));
  const headers = columns.map((c) => width(c.header));
  const natural = columns.map((_, i) => Math.max(headers[i]!, ...cells.map((row) => width(row[i]!))));
  const widths = fitWidths(natural, headers, columns.findIndex((c) => c.flex), termWidth);
  const render = (vals: string[]) => {
    const wrapped = vals.map((v, i) => wrap(v, widths[i]!));
    const height = Math.max(...wrapped.map((w) => w.length));
    const out: string[] = [];
    for (let k = 0; k < height; k++)
      out.push(
        wrapped
          .map((w, i) => {
            const t = w[k] ?? '';
            return i === vals.length - 1 ? t : t + ' '.repeat(Math.max(0, widths[i]! - width(t)));
          })
          .join('  ')
          .trimEnd(),
      );
    return out.join('\n');
  };
  return [render(columns.map((c) => c.header.toUpperCase())), ...cells.map(render)].join('\n');
}

export function csvField(v: unknown): string {
  const s = Array.isArray(v) ? v.join('; ') : v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A nested object becomes dotted columns: `speaker: {name, entityId}` → `speaker.name`, `speaker.entityId`. */
function flatten(row: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [k, v] of Object.entries(row)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v as Record<string, unknown>, `${prefix}${k}.`, out);
    // A null object keeps its columns, so a table of rows without a speaker has the same header.
    else if (v === null && NESTED_FIELDS[k]) for (const sub of NESTED_FIELDS[k]!) out[`${prefix}${k}.${sub}`] = null;
    else out[`${prefix}${k}`] = v;
  }
  return out;
}

/** Fields of the contract that hold an object or null, with the object's fields. */
const NESTED_FIELDS: Record<string, string[]> = { speaker: ['name', 'entityId'] };

export function csv(rows: Array<Record<string, unknown>>): string {
  if (!rows.length) return '';
  const flat = rows.map((r) => flatten(r));
  // Columns are the union over all rows, so a null speaker in the first row does not hide the
  // speaker columns; a bare "speaker" column goes where "speaker.name" and the like exist.
  const seen = new Set<string>();
  for (const r of flat) for (const k of Object.keys(r)) seen.add(k);
  const headers = [...seen].filter((h) => ![...seen].some((o) => o.startsWith(`${h}.`)));
  const order = (h: string) => {
    const top = h.split('.')[0]!;
    return Object.keys(rows[0]!).indexOf(top) >>> 0;
  };
  headers.sort((x, y) => order(x) - order(y));
  return [headers.join(','), ...flat.map((r) => headers.map((h) => csvField(r[h])).join(','))].join('\n') + '\n';
}

/** Render plain rows in a machine format. */
export function serialize(rows: Array<Record<string, unknown>>, format: Exclude<Format, 'table'>): string {
  switch (format) {
    case 'json':
      return JSON.stringify(rows, null, 2) + '\n';
    case 'ndjson':
      return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
    case 'csv':
      return csv(rows);
  }
}
