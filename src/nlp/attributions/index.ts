// Who said what: the attribution stage, as its passes. Each pass adds drafts to the shared context
// and leaves alone what an earlier one took; the last two resolve speakers and assign kinds.
//   01-quotes          quotation spans and the quotes that run on
//   02-cues            cue words, and what stands between a cue and its content
//   03-speakers        speaker candidates beside a cue
//   04-direct-quotes   quotes with a tag: “…,” she said / She said: “…”
//   05-reported-speech X said (that) … / …, X said / according to X / Name: …
//   06-noun-cues       someone's decision to / claim that / attacks on …
//   07-speakerless     questions put to someone ("Asked whether …"), expectations ("is expected to …")
//   08-untagged-quotes fragments of a cue's clause; quotes that go on with the last speaker
//   09-resolve         speaker phrases → entities (pronouns, roles, documents' authors)
//   10-kinds           said / found / thought
import type { Attribution, Entity } from '../../types.js';
import type { Paragraph, Sentence } from '../segment.js';
import type { TermIndex } from '../terms.js';
import { directQuotes } from './04-direct-quotes.js';
import { reportedSpeech } from './05-reported-speech.js';
import { nounCues } from './06-noun-cues.js';
import { speakerlessAttributions } from './07-speakerless.js';
import { quotedFragments, quotesContinuingSpeaker } from './08-untagged-quotes.js';
import { resolveDrafts } from './09-resolve.js';
import { assignKinds } from './10-kinds.js';
import { attributionContext } from './context.js';

export function findAttributions(text: string, paras: Paragraph[], sents: Sentence[], skip: Set<number>, entities: Entity[], index: TermIndex): Attribution[] {
  const ctx = attributionContext(text, paras, sents, skip, entities, index);
  directQuotes(ctx);
  reportedSpeech(ctx);
  nounCues(ctx);
  speakerlessAttributions(ctx);
  quotedFragments(ctx);
  quotesContinuingSpeaker(ctx);
  return assignKinds(resolveDrafts(ctx));
}
