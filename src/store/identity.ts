// One row per real thing across articles. An article's entity joins an existing row when:
//  - its name is the row's name (the same key and type);
//  - one of its forms is already a form of exactly one row of its type ("Blair", known as Tony
//    Blair's surname, or "Lib Dems" seen beside "Liberal Democrats");
//  - it is a person known only by a surname, and one full name of the database owns it: the only
//    one, or one named in five times as many articles as any other (Tony Blair over Cherie Blair);
//  - it is an organisation whose name clips, or is clipped by, one row's ("Lib Dems" / "Liberal
//    Democrats") or differs only in a suffix or a plural ("Labour Party" / "Labour").
// When a fuller name arrives after its short form, the short row is folded into the full one, so
// the order articles come in does not decide the rows. Two people who share a surname stay apart
// (Gordon Brown and Nick Brown); a bare "Brown" joins one of them only where it owns the surname.
import { canonicalNames } from '../nlp/lexicon.js';
import { clips, orgBase } from '../nlp/name-forms.js';
import type { Entity } from '../types.js';
import { all, allOf, get, run, type Dialect, type Read, type Row, type Work } from './work.js';

export function entityKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/^the\s+/, '')
    .replace(/[.\s]+/g, ' ')
    .trim();
}

const lastWord = (key: string) => key.split(' ').pop()!;
/** Code-point order, as the (key, type) index's COLLATE "C" compares. */
export const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type Found = { id: number; name: string };
type Org = Found & { key: string };

/**
 * What the rows an article's names may join looked like when its writing began, read in three
 * statements instead of several per name (on PostgreSQL each statement is a round trip). It is kept
 * true as the article's own names add, rename and fold rows; once a fold has moved aliases, the
 * forms are asked of the database again.
 */
interface Known {
  exact: Map<string, number>;
  forms: Map<string, Found[]> | null;
  orgs: Org[];
  prefixes: Set<string>;
}

const typed = (type: string, key: string) => `${type}\u0000${key}`;

/** An article's entity as its row is named: a body with other names (data/aliases.tsv) goes by the list's name. */
function canonical(article: Entity): Entity {
  const name = article.type === 'organization' ? [article.name, ...article.aliases].map((f) => canonicalNames().get(f.toLowerCase())).find(Boolean) : undefined;
  return name && name !== article.name ? { ...article, name, aliases: [article.name, ...article.aliases] } : article;
}

/** The forms of a name that may find its row by alias (a bare surname alias is evidence only of the person it was used for). */
function aliasForms(e: Entity): string[] {
  return [e.name, ...e.aliases].filter((form) => !(e.type === 'person' && !/\s/.test(form.trim()) && form !== e.name));
}

/**
 * Which row an article's entity belongs to. Written once for both databases (see work.ts): each
 * method is work that yields its statements. A new row is an upsert on (key, type), so two writers
 * naming the same new entity at once get one row.
 */
export class EntityIdentity {
  private known: Known | null = null;
  /**
   * On a server, a new row waits, under a provisional (negative) id, to be inserted with the
   * article's other new rows in one statement (`settle`); a fold that involves one waits with it.
   */
  private waiting: Array<{ id: number; name: string; type: string; key: string }> = [];
  private waitingFolds: Array<[number, number]> = [];
  private nextProvisional = -1;
  /** Rows folded into others in this article, and where they went. */
  private readonly redirect = new Map<number, number>();

  constructor(private readonly d: Dialect) {}

  /**
   * Read what the names of one article may join (see Known); `forget` when the article is written.
   * Only for a server: SQLite's statements cost less one by one than the lists' varied statements.
   */
  *prepare(entities: Entity[], alongside: Array<Read | null> = []): Work<Row[][]> {
    // `alongside`: the caller's own reads, sent in the same round trip; their rows are returned.
    if (!this.d.remote) return yield* allOf(...alongside);
    const named = entities.map(canonical);
    const keys = [...new Set(named.map((e) => entityKey(e.name)))];
    const forms = [...new Set(named.flatMap(aliasForms))];
    const prefixes = new Set(named.filter((e) => e.type === 'organization').map((e) => entityKey(e.name).slice(0, 3)));
    const known: Known = { exact: new Map(), forms: new Map(), orgs: [], prefixes };
    const range = `(${this.d.binary('key')} >= ? AND ${this.d.binary('key')} < ?)`;
    // The three reads in one round trip; an empty list reads nothing. A list of names goes as one array
    // (this is a server's SQL, PostgreSQL's): a statement of the same shape for any number of names,
    // which the server parses and plans in less time than a list of N values (and the aliases' read,
    // lowering the array once, runs in 60% of the time: 1.5 s instead of 2.1 s over the BBC corpus).
    const rows = yield* allOf(
      ...alongside,
      keys.length ? { sql: 'SELECT id, key, type FROM entities WHERE key = ANY(?::text[])', params: [keys] } : null,
      forms.length
        ? { sql: 'SELECT DISTINCT a.alias, e.id, e.name, e.type FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE lower(a.alias) = ANY(ARRAY(SELECT lower(f) FROM unnest(?::text[]) f))', params: [forms] }
        : null,
      // (The prefixes stay ranges OR'd together: a join over an array of them plans faster but runs slower.)
      prefixes.size
        ? { sql: `SELECT id, name, key FROM entities WHERE type = 'organization' AND (${[...prefixes].map(() => range).join(' OR ')}) ORDER BY id`, params: [...prefixes].flatMap((p) => [p, `${p}\uffff`]) }
        : null,
    );
    const [exact, aliases, orgs] = rows.slice(alongside.length);
    for (const r of exact as Array<{ id: number; key: string; type: string }>) known.exact.set(typed(r.type, r.key), r.id);
    const byId = new Map<number, Found>();
    for (const r of aliases as Array<{ alias: string; id: number; name: string; type: string }>) {
      const k = typed(r.type, r.alias.toLowerCase());
      const found = byId.get(r.id) ?? { id: r.id, name: r.name };
      byId.set(r.id, found);
      const at = known.forms!.get(k) ?? [];
      if (!at.includes(found)) at.push(found);
      known.forms!.set(k, at);
    }
    known.orgs = orgs as Org[];
    this.known = known;
    return rows.slice(0, alongside.length);
  }

  forget(): void {
    this.known = null;
    this.redirect.clear();
  }

  /** The row this article's entity belongs to, made when there is none. */
  *idFor(article: Entity): Work<number> {
    const e = canonical(article);
    const key = entityKey(e.name);
    if (e.type === 'person' && key.includes(' ')) this.touched.add(lastWord(key));
    const exact = this.known ? this.known.exact.get(typed(e.type, key)) : (yield* get<{ id: number }>('SELECT id FROM entities WHERE key = ? AND type = ?', key, e.type))?.id;
    if (exact !== undefined) return exact;
    // A bare surname goes by who owns it, never by an alias another article gave it.
    const bareSurname = e.type === 'person' && !key.includes(' ');
    const found = bareSurname ? yield* this.byShortForm(e, key) : ((yield* this.byForms(e)) ?? (yield* this.byShortForm(e, key)));
    if (found) {
      // The fuller name names the row: "Liberal Democrats" over "Lib Dems".
      if (e.name.length > found.name.length) {
        const row = this.waiting.find((w) => w.id === found.id);
        if (row) Object.assign(row, { name: e.name, key });
        else yield* run('UPDATE entities SET name = ?, key = ?, last_word = ? WHERE id = ?', e.name, key, lastWord(key), found.id);
        this.renamed(found, e, key);
      }
      return found.id;
    }
    let id: number;
    if (this.known && this.d.remote) {
      id = this.nextProvisional--;
      this.waiting.push({ id, name: e.name, type: e.type, key });
    } else {
      id = (yield* get<{ id: number }>(
        'INSERT INTO entities (name, type, key, last_word) VALUES (?, ?, ?, ?) ON CONFLICT (key, type) DO UPDATE SET key = excluded.key RETURNING id',
        e.name,
        e.type,
        key,
        lastWord(key),
      ))!.id;
    }
    if (this.known) {
      this.known.exact.set(typed(e.type, key), id);
      if (e.type === 'organization' && this.known.prefixes.has(key.slice(0, 3))) this.known.orgs.push({ id, name: e.name, key });
    }
    yield* this.foldShortForms(id, e, key);
    return id;
  }

  /** Keep what is known true of a row renamed to `e`'s name. */
  private renamed(found: Found, e: Entity, key: string): void {
    const known = this.known;
    if (!known) return;
    for (const [k, id] of known.exact) if (id === found.id) known.exact.delete(k);
    known.exact.set(typed(e.type, key), found.id);
    found.name = e.name;
    for (const list of known.forms?.values() ?? []) for (const f of list) if (f.id === found.id) f.name = e.name;
    for (const o of known.orgs) if (o.id === found.id) Object.assign(o, { name: e.name, key });
  }

  private *byForms(e: Entity): Work<Found | null> {
    const owners = new Map<number, Found>();
    for (const form of aliasForms(e)) {
      const rows = this.known?.forms
        ? (this.known.forms.get(typed(e.type, form.toLowerCase())) ?? [])
        : yield* all<Found>(`SELECT DISTINCT e.id, e.name FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE ${this.d.eqNocase('a.alias')} AND e.type = ?`, form, e.type);
      for (const r of rows) {
        const id = this.redirect.get(r.id) ?? r.id;
        owners.set(id, id === r.id ? r : { id, name: r.name });
      }
    }
    return owners.size === 1 ? [...owners.values()][0]! : null;
  }

  /** Organisations whose key starts with these letters (a range, so the (key, type) index serves). */
  private *byPrefix(key: string): Work<Found[]> {
    const prefix = key.slice(0, 3);
    if (this.known?.prefixes.has(prefix)) return this.known.orgs.filter((o) => o.key.startsWith(prefix));
    return yield* all<Found>(`SELECT id, name FROM entities WHERE ${this.d.binary('key')} >= ? AND ${this.d.binary('key')} < ? AND type = 'organization' ORDER BY id`, prefix, `${prefix}\uffff`);
  }

  private *byShortForm(e: Entity, key: string): Work<Found | null> {
    if (e.type === 'person' && !key.includes(' ')) return yield* this.ownerOf(key);
    if (e.type === 'organization') {
      const same = (yield* this.byPrefix(key)).filter((c) => orgBase(c.name) === orgBase(e.name) || clips(e.name, c.name) || clips(c.name, e.name));
      return same.length === 1 ? same[0]! : null;
    }
    return null;
  }

  /** The full name that owns a surname: the only one, or one in five times the articles of the next. */
  private *ownerOf(surname: string): Work<Found | null> {
    const stored = yield* all<Found & { articles: number }>(
      "SELECT e.id, e.name, (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id) AS articles FROM entities e WHERE e.last_word = ? AND e.type = 'person' AND e.key <> e.last_word ORDER BY articles DESC, e.id",
      surname,
    );
    // Rows waiting to be inserted are named in no article yet, and come after the stored ones.
    const waiting = this.waiting.filter((w) => w.type === 'person' && w.key !== surname && lastWord(w.key) === surname).map((w) => ({ id: w.id, name: w.name, articles: 0 }));
    const owners = [...stored.filter((o) => !this.redirect.has(o.id)), ...waiting].sort((a, b) => b.articles - a.articles);
    if (owners.length === 1) return owners[0]!;
    if (owners.length > 1 && owners[0]!.articles >= 3 && owners[0]!.articles >= 5 * owners[1]!.articles) return owners[0]!;
    return null;
  }

  /** Surnames whose owner may have changed in this transaction: see consolidate(). */
  private readonly touched = new Set<string>();

  /**
   * A new organisation's name takes in the rows of its short forms made before it ("Lib Dems"); bare
   * surnames are settled at the end of the transaction, once every name of the batch is counted.
   */
  private *foldShortForms(id: number, e: Entity, key: string): Work<void> {
    if (e.type !== 'organization') return;
    for (const c of yield* this.byPrefix(key)) {
      if (c.id !== id && c.name.length < e.name.length && (orgBase(c.name) === orgBase(e.name) || clips(c.name, e.name))) yield* this.fold(c.id, id);
    }
  }

  /** The row an id of this article's stands for now: after folds, and with waiting rows inserted. */
  resolve(id: number): number {
    return this.redirect.get(id) ?? id;
  }

  /**
   * Insert the rows that wait, in one statement, then the folds that waited for them; afterwards
   * `resolve` gives every id of the article its row. (Nothing waits on SQLite.)
   */
  *settle(): Work<void> {
    const folded = new Set(this.waitingFolds.map(([from]) => from));
    // In key order: writers inserting the same names lock them in one order, and cannot deadlock.
    const rows = this.waiting.filter((w) => !folded.has(w.id)).sort((a, b) => compare(a.key, b.key) || compare(a.type, b.type));
    const real = new Map<number, number>();
    if (rows.length) {
      const inserted = yield* all<{ id: number; key: string; type: string }>(
        `INSERT INTO entities (name, type, key, last_word) VALUES ${rows.map(() => '(?, ?, ?, ?)').join(', ')} ON CONFLICT (key, type) DO UPDATE SET key = excluded.key RETURNING id, key, type`,
        ...rows.flatMap((w) => [w.name, w.type, w.key, lastWord(w.key)]),
      );
      const byKey = new Map(inserted.map((r) => [typed(r.type, r.key), r.id]));
      for (const w of rows) real.set(w.id, byKey.get(typed(w.type, w.key))!);
    }
    const realOf = (id: number): number => (id < 0 ? (real.get(id) ?? realOf(this.resolveWaiting(id))) : id);
    for (const [from, into] of this.waitingFolds) {
      const target = realOf(into);
      if (from < 0) {
        // Never inserted: its name becomes an alias of the row it joined, as a fold would make it.
        const w = this.waiting.find((x) => x.id === from)!;
        yield* run('INSERT INTO entity_aliases (entity_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING', target, w.name);
      } else yield* this.fold(from, target);
    }
    for (const [k, v] of this.redirect) this.redirect.set(k, realOf(v));
    for (const [tmp, id] of real) if (!this.redirect.has(tmp)) this.redirect.set(tmp, id);
    this.waiting = [];
    this.waitingFolds = [];
  }

  /** Where a folded waiting row went. */
  private resolveWaiting(id: number): number {
    const to = this.waitingFolds.find(([from]) => from === id)?.[1];
    if (to === undefined) throw new Error(`entity ${id} was never settled`);
    return to;
  }

  /** Fold each bare-surname row touched by this transaction into its surname's owner, if one owns it now. */
  *consolidate(): Work<void> {
    const surnames = [...this.touched];
    this.touched.clear();
    if (!surnames.length) return;
    const bare = yield* all<{ id: number; key: string }>(`SELECT id, key FROM entities WHERE type = 'person' AND key IN (${surnames.map(() => '?').join(', ')}) ORDER BY id`, ...surnames);
    for (const row of bare) {
      const owner = yield* this.ownerOf(row.key);
      if (owner) yield* this.fold(row.id, owner.id);
    }
  }

  /** Forget what this transaction touched (it was rolled back, and runs again). */
  reset(): void {
    this.touched.clear();
    this.redirect.clear();
    this.waiting = [];
    this.waitingFolds = [];
    this.known = null;
  }

  /** Every reference to row `from` now points at row `into`; `from` is gone. */
  private *fold(from: number, into: number): Work<void> {
    if (this.known) {
      for (const [k, id] of this.known.exact) if (id === from) this.known.exact.delete(k);
      this.known.orgs = this.known.orgs.filter((o) => o.id !== from);
      // Aliases moved: ask the database from here on.
      this.known.forms = null;
    }
    this.redirect.set(from, into);
    for (const [k, v] of this.redirect) if (v === from) this.redirect.set(k, into);
    if (from < 0 || into < 0) {
      // A row not inserted yet: its fold waits for `settle`.
      this.waitingFolds.push([from, into]);
      return;
    }
    yield* run('INSERT INTO entity_aliases (entity_id, alias) SELECT ?, alias FROM entity_aliases WHERE entity_id = ? ON CONFLICT DO NOTHING', into, from);
    yield* run('INSERT INTO entity_aliases (entity_id, alias) SELECT ?, name FROM entities WHERE id = ? ON CONFLICT DO NOTHING', into, from);
    for (const [table, column] of [
      ['mentions', 'entity_id'],
      ['article_entities', 'entity_id'],
      ['claim_entities', 'entity_id'],
      ['attributions', 'speaker_entity_id'],
      ['claims', 'speaker_entity_id'],
    ] as const) {
      yield* run(`UPDATE ${table} SET ${column} = ? WHERE ${column} = ?`, into, from);
    }
    yield* run('DELETE FROM entity_aliases WHERE entity_id = ?', from);
    yield* run('DELETE FROM entities WHERE id = ?', from);
  }
}
