// A bench database grown large the way an archive grows: its articles stored again under new texts
// ("[copy N]" appended, so a new SHA-256 and id), repeating the names they hold.
import { createHash } from 'node:crypto';
import type { Store } from '../store/index.js';
import type { ArticleResult } from '../types.js';

/** Store copies of the stored articles, in rounds, for as long as `more(original)` says yes before each one. */
export async function growByCopies(store: Store, more: (original: ArticleResult) => boolean): Promise<void> {
  const originals: ArticleResult[] = [];
  for (const a of await store.articles({})) originals.push((await store.show(a.id))!);
  if (!originals.length) return;
  for (let round = 1, growing = true; growing; round++) {
    const batch: ArticleResult[] = [];
    for (const r of originals) {
      if (!(growing = more(r))) break;
      const text = `${r.article.text}\n[copy ${round}]`;
      const sha256 = createHash('sha256').update(text).digest('hex');
      batch.push({ ...r, article: { ...r.article, text, sha256, id: sha256.slice(0, 12) } });
      if (batch.length === 256) await store.saveMany(batch.splice(0));
    }
    if (batch.length) await store.saveMany(batch);
  }
}
