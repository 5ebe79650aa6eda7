// Values a user types, read the same way by every front end: the command line's flags and serve's
// query strings. Each returns the value or throws BadValue saying what was expected.

export class BadValue extends Error {}

export function positiveWhole(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new BadValue('expected a positive whole number');
  return n;
}

/** A score or threshold. */
export function fraction(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new BadValue('expected a number from 0 to 1');
  return n;
}

/** A calendar day as YYYY-MM-DD. */
export function calendarDay(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) throw new BadValue('expected a date as YYYY-MM-DD');
  return v;
}
