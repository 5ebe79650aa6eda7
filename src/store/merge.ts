// `newsclaims import`: the articles of one store merged into another, SQLite or PostgreSQL either
// way. An article goes across as the contract `show` gives (with how it was fetched), so the target
// makes its own rows and entity identities; one the target holds already (same SHA-256) is left as
// it is, so a merge can be run again, or resumed, at no cost.
import type { ArticleResult, FetchValidators } from '../types.js';
import type { Store } from './store.js';

export interface MergeCounts {
  imported: number;
  present: number;
}

/** Articles read from the source per round. */
const PAGE = 32;

export async function mergeInto(target: Store, source: Store, onProgress?: (c: MergeCounts) => void): Promise<MergeCounts> {
  const counts: MergeCounts = { imported: 0, present: 0 };
  for (let after = 0; ; ) {
    const page = await source.articleShas(after, PAGE);
    if (!page.length) return counts;
    after = page[page.length - 1]!.id;
    const results: ArticleResult[] = [];
    const fetched: Array<FetchValidators | undefined> = [];
    const present = await target.storedAmong(page.map((a) => a.sha256));
    for (const { sha256 } of page) {
      if (present.has(sha256)) {
        counts.present++;
        continue;
      }
      const r = await source.show(sha256);
      if (!r) continue; // removed meanwhile
      results.push(r);
      fetched.push(await source.fetchedOf(sha256));
    }
    if (results.length) await target.saveMany(results, fetched);
    counts.imported += results.length;
    onProgress?.(counts);
  }
}
