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
import { all, get, run, type Dialect, type Work } from './work.js';

export function entityKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/^the\s+/, '')
    .replace(/[.\s]+/g, ' ')
    .trim();
}

const lastWord = (key: string) => key.split(' ').pop()!;

type Found = { id: number; name: string };

/**
 * Which row an article's entity belongs to. Written once for both databases (see work.ts): each
 * method is work that yields its statements. A new row is an upsert on (key, type), so two writers
 * naming the same new entity at once get one row.
 */
export class EntityIdentity {
  constructor(private readonly d: Dialect) {}

  /** The row this article's entity belongs to, made when there is none. */
  *idFor(article: Entity): Work<number> {
    // A body with other names (data/aliases.tsv) has one row, named as the list names it.
    const canonical = article.type === 'organization' ? [article.name, ...article.aliases].map((f) => canonicalNames().get(f.toLowerCase())).find(Boolean) : undefined;
    const e = canonical && canonical !== article.name ? { ...article, name: canonical, aliases: [article.name, ...article.aliases] } : article;
    const key = entityKey(e.name);
    if (e.type === 'person' && key.includes(' ')) this.touched.add(lastWord(key));
    const exact = yield* get<{ id: number }>('SELECT id FROM entities WHERE key = ? AND type = ?', key, e.type);
    if (exact) return exact.id;
    // A bare surname goes by who owns it, never by an alias another article gave it.
    const bareSurname = e.type === 'person' && !key.includes(' ');
    const found = bareSurname ? yield* this.byShortForm(e, key) : ((yield* this.byForms(e)) ?? (yield* this.byShortForm(e, key)));
    if (found) {
      // The fuller name names the row: "Liberal Democrats" over "Lib Dems".
      if (e.name.length > found.name.length) yield* run('UPDATE entities SET name = ?, key = ?, last_word = ? WHERE id = ?', e.name, key, lastWord(key), found.id);
      return found.id;
    }
    const id = (yield* get<{ id: number }>(
      'INSERT INTO entities (name, type, key, last_word) VALUES (?, ?, ?, ?) ON CONFLICT (key, type) DO UPDATE SET key = excluded.key RETURNING id',
      e.name,
      e.type,
      key,
      lastWord(key),
    ))!.id;
    yield* this.foldShortForms(id, e, key);
    return id;
  }

  private *byForms(e: Entity): Work<Found | null> {
    const owners = new Map<number, Found>();
    for (const form of [e.name, ...e.aliases]) {
      // A bare surname alias is evidence only of the person it was used for: it is checked below.
      if (e.type === 'person' && !/\s/.test(form.trim()) && form !== e.name) continue;
      const rows = yield* all<Found>(`SELECT DISTINCT e.id, e.name FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE ${this.d.eqNocase('a.alias')} AND e.type = ?`, form, e.type);
      for (const r of rows) owners.set(r.id, r);
    }
    return owners.size === 1 ? [...owners.values()][0]! : null;
  }

  /** Organisations whose key starts with these letters (a range, so the (key, type) index serves). */
  private *byPrefix(key: string): Work<Found[]> {
    const prefix = key.slice(0, 3);
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
    const owners = yield* all<Found & { articles: number }>(
      "SELECT e.id, e.name, (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id) AS articles FROM entities e WHERE e.last_word = ? AND e.type = 'person' AND e.key <> e.last_word ORDER BY articles DESC, e.id",
      surname,
    );
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

  /** Fold each bare-surname row touched by this transaction into its surname's owner, if one owns it now. */
  *consolidate(): Work<void> {
    for (const surname of this.touched) {
      const bare = yield* get<{ id: number }>("SELECT id FROM entities WHERE key = ? AND type = 'person'", surname);
      const owner = bare ? yield* this.ownerOf(surname) : null;
      if (bare && owner) yield* this.fold(bare.id, owner.id);
    }
    this.touched.clear();
  }

  /** Forget what this transaction touched (it was rolled back, and runs again). */
  reset(): void {
    this.touched.clear();
  }

  /** Every reference to row `from` now points at row `into`; `from` is gone. */
  private *fold(from: number, into: number): Work<void> {
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
