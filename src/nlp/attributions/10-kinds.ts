// Pass 10 of the attribution stage, kinds: what kind of attribution each one is: something `said` (speech and writing), something `found`
// (a document, figures or a poll), or something `thought` (a belief, intention, desire or perception).
// Users ask for statements only with `--kind said`; the gold sets say which kinds they annotate.
import type { Attribution, AttributionKind } from '../../types.js';
import { ADJECTIVE_CUES, cueBase, isDocumentPhrase, NOUN_CUES } from '../cues.js';
import { isPollShare } from './03-speakers.js';

/** Cues of beliefs, intentions, desires and perceptions: "believes", "plans to", "wants", "fears". */
export const THOUGHT_CUES = new Set([
  'think', 'believe', 'feel', 'fear', 'worry', 'hope', 'want', 'expect', 'plan', 'intend', 'wish', 'suspect', 'assume',
  'doubt', 'reckon', 'know', 'consider', 'regard', 'see', 'view', 'seem', 'appear', 'prefer', 'trust', 'imagine',
  'seek', 'refuse', 'decide', 'support', 'oppose', 'defend', 'back', 'learn', 'favor', 'favour', 'wonder', 'care', 'hear',
]);

/** Cues that report what a document or data showed: "figures showed", "the study found". */
export const FOUND_CUES = new Set(['find', 'show', 'indicate', 'reveal', 'suggest', 'conclude', 'estimate', 'confirm', 'report', 'according to']);

/** The base verb of a cue as written ("has now expressed" → "express"); ":" and "according to" stay. */
export function cueBaseOf(cue: string): string {
  if (/^according to$/i.test(cue)) return 'according to';
  // ("talked about": the verb, not its preposition, is the cue's base.)
  const words = cue.trim().split(/\s+/);
  const verb = words.findLast((w) => cueBase(w));
  const last = words[words.length - 1] ?? '';
  return verb ? cueBase(verb)! : last.toLowerCase();
}

export function attributionKind(cue: string, speakerText: string | null): AttributionKind {
  // A noun's kind is the table's ("her decision to" is an intention, "his claim that" speech).
  const noun = NOUN_CUES[cue.trim().split(/\s+/)[0]!.toLowerCase()];
  if (noun && !cueBase(cue.trim().split(/\s+/)[0]!)) return noun.thought ? 'thought' : 'said';
  const base = cueBaseOf(cue);
  if (THOUGHT_CUES.has(base) || ADJECTIVE_CUES.has(base)) return 'thought';
  // What "63 percent said" in a poll is an answer to it, an opinion counted, not a statement.
  if (speakerText && isPollShare(speakerText)) return 'thought';
  // Documents and data "find" and "show"; so do they "suggest", "reveal" or speak "according to".
  if (base === 'find' || base === 'show') return 'found';
  if (FOUND_CUES.has(base) && speakerText && isDocumentPhrase(speakerText)) return 'found';
  return 'said';
}

/** Every attribution with its kind. */
export function assignKinds(attributions: Array<Omit<Attribution, 'kind'>>): Attribution[] {
  return attributions.map((a) => ({ ...a, kind: attributionKind(a.cue, a.speakerText) }));
}
