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
  /** Take the remaining width and truncate (one column per table, usually the text). */
  flex?: boolean;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join('; ');
  if (typeof v === 'boolean') return v ? 'yes' : '';
  return String(v).replace(/\s+/g, ' ');
}

/** Display width, counting characters (good enough for the scripts news text uses). */
function width(s: string): number {
  // eslint-disable-next-line no-control-regex
  return [...s.replace(/\x1b\[[0-9;]*m/g, '')].length;
}

function truncate(s: string, max: number): string {
  if (width(s) <= max) return s;
  const plain = s.replace(/\x1b\[[0-9;]*m/g, '');
  return [...plain].slice(0, Math.max(1, max - 1)).join('') + '…';
}

export function table<T>(rows: T[], columns: Column<T>[], termWidth = 100): string {
  const cells = rows.map((r) => columns.map((c) => cellText(c.value(r))));
  const widths = columns.map((c, i) => Math.max(width(c.header), ...cells.map((row) => width(row[i]!))));
  const flex = columns.findIndex((c) => c.flex);
  if (flex >= 0) {
    const others = widths.reduce((s, w, i) => (i === flex ? s : s + w + 2), 0);
    widths[flex] = Math.max(20, Math.min(widths[flex]!, termWidth - others));
  }
  const line = (vals: string[]) =>
    vals
      .map((v, i) => {
        const t = i === flex ? truncate(v, widths[i]!) : v;
        return i === vals.length - 1 ? t : t + ' '.repeat(Math.max(0, widths[i]! - width(t)));
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header.toUpperCase())), ...cells.map(line)].join('\n');
}

export function csvField(v: unknown): string {
  const s = Array.isArray(v) ? v.join('; ') : v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A nested object becomes dotted columns: `speaker: {name, entityId}` → `speaker.name`, `speaker.entityId`. */
function flatten(row: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [k, v] of Object.entries(row)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v as Record<string, unknown>, `${prefix}${k}.`, out);
    else out[`${prefix}${k}`] = v;
  }
  return out;
}

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
