// Metadata as pages write it, made uniform: bylines that hold people's names only, and publication
// dates in ISO 8601.

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

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A publication date in ISO 8601: a date ("2016-02-01"), or a date-time with "Z" or "±hh:mm" when the
 * page gives its zone ("2019-12-30T05:03:00-05:00"). A time without a zone is dropped, since it
 * names no instant. Forms read: ISO 8601 and its near relatives ("2016-02-01 01:28:49",
 * "2019-12-30T05:03-0500"), RFC 2822 ("Mon, 30 Dec 2019 05:03:00 GMT"), "30 December 2019" and
 * "December 30, 2019". Anything else gives null.
 */
export function isoDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?$/i.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, zone] = iso;
    if (!validDate(+y!, +mo!, +d!)) return null;
    if (!h || !zone) return `${y}-${mo}-${d}`;
    const z = /^(?:Z|UTC|GMT)$/i.test(zone) ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    return `${y}-${mo}-${d}T${h}:${mi}:${sec ?? '00'}${z}`;
  }
  const rfc = /^(?:\w{3},?\s+)?(\d{1,2})\s+(\w{3})\w*\.?\s+(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(GMT|UTC|Z|[+-]\d{4})?)?/i.exec(s);
  const us = /^(\w{3})\w*\.?\s+(\d{1,2}),?\s+(\d{4})/i.exec(s);
  if (rfc || us) {
    const day = Number(rfc ? rfc[1] : us![2]);
    const month = MONTHS.indexOf((rfc ? rfc[2]! : us![1]!).slice(0, 3).toLowerCase()) + 1;
    const year = Number(rfc ? rfc[3] : us![3]);
    if (!month || !validDate(year, month, day)) return null;
    const date = `${year}-${pad(month)}-${pad(day)}`;
    if (!rfc?.[4] || !rfc[7]) return date;
    const z = /^(?:GMT|UTC|Z)$/i.test(rfc[7]) ? 'Z' : `${rfc[7].slice(0, 3)}:${rfc[7].slice(3)}`;
    return `${date}T${rfc[4]}:${rfc[5]}:${rfc[6] ?? '00'}${z}`;
  }
  return null;
}

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1800 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
