import { describe, expect, it } from 'vitest';
import { cleanByline, isoDate } from '../src/article/meta.js';

describe('bylines', () => {
  it('holds people\'s names only: no "By", no links or handles, entities decoded, authors joined', () => {
    expect(cleanByline('by: Laurie Oakes')).toBe('Laurie Oakes');
    expect(cleanByline('By Anne Thompson and Tom Hale')).toBe('Anne Thompson, Tom Hale');
    expect(cleanByline('http://facebook.com/alissawilkinson')).toBeNull();
    expect(cleanByline('Lindsey O&#039;Donnell')).toBe("Lindsey O'Donnell");
    expect(cleanByline('Maria Lopez - Staff Writer')).toBe('Maria Lopez');
    expect(cleanByline('@techreporter, Ana Reyes')).toBe('Ana Reyes');
    expect(cleanByline('')).toBeNull();
  });
});

describe('publication dates', () => {
  it('are ISO 8601 dates, or date-times with a zone', () => {
    expect(isoDate('2019-12-30T05:03-0500')).toBe('2019-12-30T05:03:00-05:00');
    expect(isoDate('2019-12-30T05:03:11Z')).toBe('2019-12-30T05:03:11Z');
    expect(isoDate('2019-12-30T05:03:11.123+01:00')).toBe('2019-12-30T05:03:11+01:00');
    expect(isoDate('Mon, 30 Dec 2019 05:03:00 GMT')).toBe('2019-12-30T05:03:00Z');
    expect(isoDate('Tue, 01 Feb 2005 10:00:00 +0100')).toBe('2005-02-01T10:00:00+01:00');
    expect(isoDate('December 30, 2019')).toBe('2019-12-30');
    expect(isoDate('30 December 2019')).toBe('2019-12-30');
  });

  it('drop a time that names no zone, and refuse what is no date', () => {
    expect(isoDate('2016-02-01 01:28:49')).toBe('2016-02-01');
    expect(isoDate('2019-02-30')).toBeNull();
    expect(isoDate('last Tuesday')).toBeNull();
    expect(isoDate(null)).toBeNull();
  });
});
