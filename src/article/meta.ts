// Metadata as pages write it, made uniform: bylines that hold people's names only, and publication
// dates in ISO 8601.
import { DateTime } from 'luxon';

/** HTML character references a page left in its metadata ("O&#039;Donnell"). */
export function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

// What a byline holds beside names: "By", "Written by", links and handles, roles after a dash or pipe.
const BY = /^\s*(?:(?:written|posted|reported|words|story|text)\s+)?by\s*:?\s+/i;
const NOT_A_NAME = /^(?:https?:\/\/|www\.|@)|\.(?:com|org|net|co\.uk)\b|\/|^(?:staff|admin|editor|author|reporter|contributor|guest)$/i;

/**
 * People's names only: "by: Laurie Oakes" → "Laurie Oakes", "http://facebook.com/alissawilkinson" →
 * null, "Lindsey O&#039;Donnell" → "Lindsey O'Donnell"; several authors joined with ", ".
 */
export function cleanByline(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const names = decodeEntities(raw)
    .replace(/\s+/g, ' ')
    .split(/\s*(?:,|;|\band\b|&|\|)\s*/i)
    .map((part) => part.replace(BY, '').replace(/\s+[-–—]\s+.*$/, '').trim())
    .filter((part) => part && !NOT_A_NAME.test(part) && /\p{L}/u.test(part) && part.split(' ').length <= 5);
  return names.length ? [...new Set(names)].join(', ') : null;
}

// Dates are read by Luxon (a maintained date library) in the forms pages and feeds use: ISO 8601
// and its SQL-style relative ("2016-02-01 01:28:49"), RFC 2822 (RSS), HTTP dates, and written dates.
const WRITTEN_FORMATS = ['MMMM d, yyyy', 'MMM d, yyyy', 'MMM. d, yyyy', 'd MMMM yyyy', 'd MMM yyyy', 'MMMM d yyyy', 'EEEE, MMMM d, yyyy', 'EEEE d MMMM yyyy'];
/** Two default zones: a reading that keeps its offset under both had the zone written in it. */
const PROBE_ZONES = ['UTC', 'UTC+7'] as const;
const HAS_TIME = /\d{1,2}:\d{2}/;

function readDate(s: string, zone: string): DateTime | null {
  const opts = { zone, setZone: true, locale: 'en-US' };
  // "2019-12-30T05:03-0500": ISO 8601 wants a colon in the offset; RFC 3339 writers often omit it.
  const iso = s.replace(/([T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*([+-]\d{2})(\d{2})$/, '$1$2:$3');
  const tries = [
    () => DateTime.fromISO(iso, opts),
    () => DateTime.fromSQL(iso, opts),
    () => DateTime.fromRFC2822(s, opts),
    () => DateTime.fromHTTP(s, opts),
    ...WRITTEN_FORMATS.map((f) => () => DateTime.fromFormat(s.replace(/(\d)(st|nd|rd|th)\b/, '$1'), f, opts)),
  ];
  for (const t of tries) {
    const d = t();
    if (d.isValid) return d;
  }
  return null;
}

/**
 * A publication date in ISO 8601: a date ("2016-02-01"), or a date-time with "Z" or "±hh:mm" when the
 * page gives its zone ("2019-12-30T05:03:00-05:00"). A time without a zone is dropped, since it
 * names no instant. Anything that is no date gives null.
 */
export function isoDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim().replace(/\s+/g, ' ');
  const [a, b] = PROBE_ZONES.map((z) => readDate(s, z));
  if (!a || !b || a.year < 1800) return null;
  const zoned = a.offset === b.offset && HAS_TIME.test(s);
  if (!zoned) return a.toISODate();
  const time = a.toFormat("yyyy-MM-dd'T'HH:mm:ss");
  return a.offset === 0 ? `${time}Z` : `${time}${a.toFormat('ZZ')}`;
}
