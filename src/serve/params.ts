// A query string read as the `claims` command reads its flags: the same names, the same checks.
import { ATTRIBUTION_KINDS, type AttributionKind } from '../types.js';
import type { ClaimFilter } from '../store/index.js';
import { BadValue, calendarDay, fraction, positiveWhole } from '../values.js';

/** A query string value that breaks a rule: answered with 400 and this message. */
export class BadParameter extends Error {}

export function text(q: URLSearchParams, name: string): string | undefined {
  const v = q.get(name)?.trim();
  return v ? v : undefined;
}

/** A flag: present with no value, or "1"/"true"/"yes"; "0"/"false"/"no" or absent is off. */
export function flag(q: URLSearchParams, name: string): boolean {
  if (!q.has(name)) return false;
  const v = q.get(name)!.toLowerCase();
  if (['', '1', 'true', 'yes'].includes(v)) return true;
  if (['0', 'false', 'no'].includes(v)) return false;
  throw new BadParameter(`${name}: expected no value, true or false`);
}

/** A value read as the command line reads its flag (../values.ts), or undefined when absent. */
function read<T>(q: URLSearchParams, name: string, value: (v: string) => T): T | undefined {
  const v = text(q, name);
  if (v === undefined) return undefined;
  try {
    return value(v);
  } catch (err) {
    if (err instanceof BadValue) throw new BadParameter(`${name}: ${err.message}`);
    throw err;
  }
}

export const positiveInt = (q: URLSearchParams, name: string) => read(q, name, positiveWhole);
export const score = (q: URLSearchParams, name: string) => read(q, name, fraction);
export const isoDay = (q: URLSearchParams, name: string) => read(q, name, calendarDay);

/** The threshold: `all` for every scored sentence (null), else `threshold`, else the server's. */
export function threshold(q: URLSearchParams, fallback: number | null): number | null {
  if (flag(q, 'all')) return null;
  return score(q, 'threshold') ?? score(q, 'min-score') ?? fallback;
}

/** The `claims` command's filters from a query string: speaker, entity, source, article, direct, kind, threshold/all, site, since, until, limit. */
export function claimFilter(q: URLSearchParams, fallbackThreshold: number | null): ClaimFilter {
  const kind = text(q, 'kind');
  if (kind !== undefined && !ATTRIBUTION_KINDS.includes(kind as AttributionKind)) throw new BadParameter(`kind: expected one of ${ATTRIBUTION_KINDS.join(', ')}`);
  const known = new Set(['speaker', 'entity', 'source', 'article', 'direct', 'kind', 'threshold', 'min-score', 'all', 'site', 'since', 'until', 'limit', 'offset']);
  for (const name of q.keys()) if (!known.has(name)) throw new BadParameter(`${name}: unknown filter (known: ${[...known].join(', ')})`);
  const t = threshold(q, fallbackThreshold);
  if (q.has('offset') && !q.has('limit')) throw new BadParameter('offset: give limit too');
  return {
    speaker: text(q, 'speaker'),
    entity: text(q, 'entity'),
    source: text(q, 'source'),
    article: text(q, 'article'),
    direct: flag(q, 'direct') || undefined,
    kind: kind as AttributionKind | undefined,
    threshold: t ?? undefined,
    site: text(q, 'site'),
    since: isoDay(q, 'since'),
    until: isoDay(q, 'until'),
    limit: positiveInt(q, 'limit'),
    offset: positiveInt(q, 'offset'),
  };
}
