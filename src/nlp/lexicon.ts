// Curated word lists kept as data files in data/ (see the files for their format).
import { readFileSync } from 'node:fs';
import type { EntityType } from '../types.js';
import { ENTITY_TYPES } from '../types.js';

const dataDir = new URL('../../data/', import.meta.url);

function dataLines(name: string): string[][] {
  return readFileSync(new URL(name, dataDir), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t').map((f) => f.trim()));
}

export interface Outlet {
  name: string;
  domain: string | null;
}

let outlets: Map<string, Outlet> | null = null;
/** Outlets keyed by lower-cased name. */
export function outletsByName(): Map<string, Outlet> {
  if (!outlets) {
    outlets = new Map();
    for (const [name, domain] of dataLines('outlets.txt')) outlets.set(name!.toLowerCase(), { name: name!, domain: domain ?? null });
  }
  return outlets;
}

let gazetteer: Map<string, EntityType> | null = null;
/** Known names keyed by lower-cased name; outlets are organizations. */
export function knownNames(): Map<string, EntityType> {
  if (!gazetteer) {
    gazetteer = new Map();
    for (const o of outletsByName().values()) gazetteer.set(o.name.toLowerCase(), 'organization');
    for (const line of dataLines('places.txt')) for (const name of line.join(' ').split('|')) if (name.trim()) gazetteer.set(name.trim().toLowerCase(), 'place');
    for (const [name, type] of dataLines('gazetteer.tsv')) {
      if (!ENTITY_TYPES.includes(type as EntityType)) throw new Error(`gazetteer.tsv: bad type '${type}' for '${name}'`);
      gazetteer.set(name!.toLowerCase(), type as EntityType);
    }
  }
  return gazetteer;
}

/** The claim scorer's weights (data/claim-weights.json, written by npm run train:claims). */
export function loadClaimModel(): { bias: number; weights: number[] } {
  return JSON.parse(readFileSync(new URL('claim-weights.json', dataDir), 'utf8')) as { bias: number; weights: number[] };
}

let valences: Map<string, number> | null = null;
/** AFINN-165: lower-cased word → valence from -5 to +5. */
export function valenceMap(): Map<string, number> {
  if (!valences) valences = new Map(dataLines('afinn-165.tsv').map(([w, v]) => [w!, Number(v)]));
  return valences;
}

let demonyms: Set<string> | null = null;
/** Nationality adjectives ("Australian", "Texan"), lower-cased. */
export function demonymSet(): Set<string> {
  if (!demonyms) {
    demonyms = new Set();
    for (const line of dataLines('demonyms.txt'))
      for (const w of line.join(' ').split(/\s+/)) {
        if (!w) continue;
        demonyms.add(w.toLowerCase());
        // Peoples: "Australians", "Kurds" — the plural of an adjective-noun.
        if (/[nh]$/i.test(w)) demonyms.add(`${w.toLowerCase()}s`);
      }
  }
  return demonyms;
}

let countries: Set<string> | null = null;
/** Countries (lower-cased), from the "[countries]" section of data/places.txt: national teams keep them places. */
export function countryNames(): Set<string> {
  if (!countries) {
    countries = new Set();
    let inSection = false;
    for (const raw of readFileSync(new URL('places.txt', dataDir), 'utf8').split('\n')) {
      if (raw.startsWith('# [')) inSection = raw.startsWith('# [countries]');
      else if (inSection && !raw.startsWith('#')) for (const n of raw.split('|')) if (n.trim()) countries.add(n.trim().toLowerCase());
    }
  }
  return countries;
}

let aliases: Map<string, string> | null = null;
/** Other names of one body ("Tories" → "Conservative Party"), keyed by the lower-cased form (data/aliases.tsv). */
export function canonicalNames(): Map<string, string> {
  if (!aliases) {
    aliases = new Map();
    for (const [form, name] of dataLines('aliases.tsv')) {
      aliases.set(form!.toLowerCase(), name!);
      aliases.set(name!.toLowerCase(), name!);
    }
  }
  return aliases;
}
