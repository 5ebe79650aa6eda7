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
import type Database from 'better-sqlite3';
import { canonicalNames } from '../nlp/lexicon.js';
import { clips, orgBase } from '../nlp/name-forms.js';
import type { Entity } from '../types.js';

export function entityKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/^the\s+/, '')
    .replace(/[.\s]+/g, ' ')
    .trim();
}

const lastWord = (key: string) => key.split(' ').pop()!;

export class EntityIdentity {
  private readonly st: Record<string, Database.Statement>;

  constructor(private readonly db: Database.Database) {
    const sql = (text: string) => db.prepare(text);
    this.st = {
      exact: sql('SELECT id FROM entities WHERE key = ? AND type = ?'),
      insert: sql('INSERT INTO entities (name, type, key, last_word) VALUES (?, ?, ?, ?)'),
      byAlias: sql('SELECT DISTINCT e.id, e.name, e.key FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE a.alias = ? AND e.type = ?'),
      // Keys in a range use the (key, type) index: every key starting with these letters.
      byPrefix: sql('SELECT id, name, key FROM entities WHERE key >= ? AND key < ? AND type = ?'),
      // Full names (two words or more) ending in this surname.
      ownersOfSurname: sql(
        "SELECT e.id, e.name, e.key, (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id) AS articles FROM entities e WHERE e.last_word = ? AND e.type = 'person' AND e.key <> e.last_word ORDER BY articles DESC",
      ),
      rename: sql('UPDATE entities SET name = ?, key = ?, last_word = ? WHERE id = ?'),
      addAlias: sql('INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)'),
    };
  }

  /** The row this article's entity belongs to, made when there is none. */
  idFor(article: Entity): number {
    // A body with other names (data/aliases.tsv) has one row, named as the list names it.
    const canonical = article.type === 'organization' ? [article.name, ...article.aliases].map((f) => canonicalNames().get(f.toLowerCase())).find(Boolean) : undefined;
    const e = canonical && canonical !== article.name ? { ...article, name: canonical, aliases: [article.name, ...article.aliases] } : article;
    const key = entityKey(e.name);
    if (e.type === 'person' && key.includes(' ')) this.touched.add(lastWord(key));
    const exact = this.st.exact.get(key, e.type) as { id: number } | undefined;
    if (exact) return exact.id;
    // A bare surname goes by who owns it, never by an alias another article gave it.
    const bareSurname = e.type === 'person' && !key.includes(' ');
    const found = bareSurname ? this.byShortForm(e, key) : (this.byForms(e) ?? this.byShortForm(e, key));
    if (found) {
      // The fuller name names the row: "Liberal Democrats" over "Lib Dems".
      if (e.name.length > found.name.length) this.st.rename.run(e.name, key, lastWord(key), found.id);
      return found.id;
    }
    const id = Number(this.st.insert.run(e.name, e.type, key, lastWord(key)).lastInsertRowid);
    this.foldShortForms(id, e, key);
    return id;
  }

  private byForms(e: Entity): { id: number; name: string } | null {
    const owners = new Map<number, { id: number; name: string }>();
    for (const form of [e.name, ...e.aliases]) {
      // A bare surname alias is evidence only of the person it was used for: it is checked below.
      if (e.type === 'person' && !/\s/.test(form.trim()) && form !== e.name) continue;
      for (const r of this.st.byAlias.all(form, e.type) as Array<{ id: number; name: string }>) owners.set(r.id, r);
    }
    return owners.size === 1 ? [...owners.values()][0]! : null;
  }

  private byShortForm(e: Entity, key: string): { id: number; name: string } | null {
    if (e.type === 'person' && !key.includes(' ')) return this.ownerOf(key);
    if (e.type === 'organization') {
      const prefix = key.slice(0, 3);
      const candidates = this.st.byPrefix.all(prefix, `${prefix}\uffff`, 'organization') as Array<{ id: number; name: string }>;
      const same = candidates.filter((c) => orgBase(c.name) === orgBase(e.name) || clips(e.name, c.name) || clips(c.name, e.name));
      return same.length === 1 ? same[0]! : null;
    }
    return null;
  }

  /** The full name that owns a surname: the only one, or one in five times the articles of the next. */
  private ownerOf(surname: string): { id: number; name: string } | null {
    const owners = this.st.ownersOfSurname.all(surname) as Array<{ id: number; name: string; articles: number }>;
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
  private foldShortForms(id: number, e: Entity, key: string): void {
    if (e.type === 'organization') {
      const prefix = key.slice(0, 3);
      for (const c of this.st.byPrefix.all(prefix, `${prefix}\uffff`, 'organization') as Array<{ id: number; name: string }>) {
        if (c.id !== id && c.name.length < e.name.length && (orgBase(c.name) === orgBase(e.name) || clips(c.name, e.name))) this.fold(c.id, id);
      }
    }
  }

  /** Fold each bare-surname row touched by this transaction into its surname's owner, if one owns it now. */
  consolidate(): void {
    for (const surname of this.touched) {
      const bare = this.st.exact.get(surname, 'person') as { id: number } | undefined;
      const owner = bare ? this.ownerOf(surname) : null;
      if (bare && owner) this.fold(bare.id, owner.id);
    }
    this.touched.clear();
  }

  /** Every reference to row `from` now points at row `into`; `from` is gone. */
  private fold(from: number, into: number): void {
    const db = this.db;
    db.prepare('INSERT OR IGNORE INTO entity_aliases (entity_id, alias) SELECT ?, alias FROM entity_aliases WHERE entity_id = ?').run(into, from);
    db.prepare('INSERT OR IGNORE INTO entity_aliases (entity_id, alias) SELECT ?, name FROM entities WHERE id = ?').run(into, from);
    for (const [table, column] of [
      ['mentions', 'entity_id'],
      ['article_entities', 'entity_id'],
      ['claim_entities', 'entity_id'],
      ['attributions', 'speaker_entity_id'],
      ['claims', 'speaker_entity_id'],
    ] as const) {
      db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${column} = ?`).run(into, from);
    }
    db.prepare('DELETE FROM entity_aliases WHERE entity_id = ?').run(from);
    db.prepare('DELETE FROM entities WHERE id = ?').run(from);
  }
}
