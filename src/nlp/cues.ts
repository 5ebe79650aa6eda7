// The lexicon of the attribution stage: speech and reporting verbs ("cues") in every tense we meet in
// news text, and the heads of documents that speak through their author.

const REGULAR = (
  'add admit allege announce argue assert believe boast brag caution characterize characterise charge ' +
  'claim comment complain concede conclude confirm contend declare deny describe disclose emphasise emphasize ' +
  'encourage estimate explain express forecast indicate insist joke claim maintain mention note observe ' +
  'point predict promise recall remark repeat reply report respond reveal signal state stress ' +
  'suggest testify tweet post urge vow warn accuse acknowledge announce argue assure blame cite ' +
  'criticize criticise decline dismiss doubt echo fear hint lament list mock object pledge praise ' +
  'recommend reiterate reject reckon recount remind worry caution counter demand agree disagree ' +
  'propose threaten welcome estimate calculate project posit speculate surmise ask answer ' +
  'confide quip retort whisper shout yell scream cry sigh call decline endorse slam blast tout decry denounce condemn ' +
  'lambaste hail applaud laud ridicule rebut refute dispute assail clarify ' +
  // Beliefs, intentions and desires: attributions of kind "thought" (see attributions/10-kinds.ts).
  'hope want plan expect intend wish suspect assume ' +
  // Found among PolNeAR train's gold cues that the list above lacked (counted, not copied).
  'highlight email chant ' +
  // Also counted among PolNeAR train's cues: perceptions and intentions with an infinitive ("seems to
  // be", "appeared to suggest", "sought to", "refused to", "decided to") and stances ("supports the
  // bill", "opposed the war", "defended the decision").
  'seem appear seek refuse decide support oppose defend ' +
  'attack discuss consider learn prefer thank refer talk compare portray favor favour request continue ' +
  // Perceptions with "as": "sees Cruz as a uniter", "view the deal as a betrayal" (only with "as", see AS_CUES).
  'view regard ' +
  // Only with a preposition of their own (PREPOSITION_CUES): "focused on", "railed against".
  'focus rail advocate lash allude push press campaign care ' +
  // Questions put as reported speech: "questioned whether …", "wondered how …".
  'question wonder'
).split(/\s+/);

/**
 * Adjectives that attribute a belief after "be" with a "that" clause: "Many Democrats are afraid that
 * …", "she is confident that …" (kind thought). They are their own base form.
 */
export const ADJECTIVE_CUES = new Set(['afraid', 'worried', 'concerned', 'confident', 'convinced', 'sure', 'certain', 'hopeful', 'optimistic', 'pessimistic', 'adamant', 'aware', 'skeptical', 'sceptical', 'fearful']);

// Verb forms that do not follow the regular rules.
const IRREGULAR: Record<string, string[]> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  write: ['write', 'writes', 'wrote', 'written', 'writing'],
  think: ['think', 'thinks', 'thought', 'thinking'],
  find: ['find', 'finds', 'found', 'finding'],
  seek: ['seek', 'seeks', 'sought', 'seeking'],
  know: ['know', 'knows', 'knew', 'known', 'knowing'],
  // ("back" alone is an adverb or a noun as often; its verb forms are not.)
  back: ['backs', 'backed', 'backing'],
  show: ['show', 'shows', 'showed', 'shown', 'showing'],
  speak: ['speak', 'speaks', 'spoke', 'spoken', 'speaking'],
  insist: ['insist', 'insists', 'insisted', 'insisting'],
  feel: ['feel', 'feels', 'felt', 'feeling'],
  see: ['see', 'sees', 'saw', 'seen', 'seeing'],
  hear: ['hear', 'hears', 'heard', 'hearing'],
};

/** Cues that attribute only as "<verb> X as Y" ("voters see the campaign as unfair"): else "see" is sight. */
export const AS_CUES = new Set(['see', 'view', 'regard']);

/**
 * Cues whose content follows a preposition of their own: "talked about the economy", "called for a
 * ban", "referring to Mr. Trump", "warned of a crisis", "pointed out that …". What was said is the
 * phrase after the preposition. (Which verbs take which preposition was counted among PolNeAR
 * train's cues; the list is ours.)
 */
export const PREPOSITION_CUES: Record<string, readonly string[]> = {
  talk: ['about'],
  speak: ['about', 'of', 'out about'],
  ask: ['about'],
  write: ['about', 'of'],
  tweet: ['about'],
  complain: ['about', 'of'],
  worry: ['about'],
  joke: ['about'],
  boast: ['about', 'of'],
  brag: ['about'],
  warn: ['about', 'of', 'against'],
  caution: ['about', 'against'],
  think: ['about', 'of'],
  testify: ['about'],
  comment: ['on', 'about'],
  argue: ['for', 'against', 'about'],
  call: ['for', 'on'],
  refer: ['to'],
  point: ['to', 'out'],
  respond: ['to'],
  reply: ['to'],
  focus: ['on'],
  rail: ['against'],
  advocate: ['for'],
  lash: ['out at'],
  hint: ['at'],
  allude: ['to'],
  push: ['for'],
  press: ['for'],
  campaign: ['for', 'against'],
  express: ['concern about', 'concerns about', 'concern over', 'support for', 'opposition to'],
  know: ['about'],
  learn: ['about', 'of'],
  hear: ['about', 'of'],
  care: ['about'],
  question: ['about'],
};

/** Cues that attribute only with their preposition ("focused on the economy"); alone they are acts. */
export const ONLY_WITH_PREPOSITION = new Set(['focus', 'rail', 'advocate', 'lash', 'allude', 'push', 'press', 'campaign', 'hear', 'care', 'speak']);

const prepositionPatterns = new Map<string, RegExp | null>();
/** The cue's own preposition opening `after` ("about " in "talked| about the economy"), or null. */
export function prepositionOfCue(base: string, after: string): string | null {
  let re = prepositionPatterns.get(base);
  if (re === undefined) {
    const preps = PREPOSITION_CUES[base];
    // (An adverb or a particle may come first: "spoke favorably of", "speak up about".)
    re = preps ? new RegExp(`^\\s*(?:(?:\\p{Ll}+ly|up|again|publicly|openly|often)\\s+)?(?:${preps.join('|')})\\s+(?:that\\s+)?`, 'iu') : null;
    prepositionPatterns.set(base, re);
  }
  return re?.exec(after)?.[0] ?? null;
}

/**
 * Nouns that attribute when someone's ("Trump's decision to …", "her claim that …", "their attacks on
 * …"): the phrase after the listed word is what was said, decided or held. Which nouns do this was
 * counted among PolNeAR train's possessive sources; the list and the words after them are ours.
 * `thought` marks intentions and beliefs.
 */
export const NOUN_CUES: Record<string, { after: readonly string[]; thought?: true }> = {
  decision: { after: ['to', 'that'], thought: true },
  refusal: { after: ['to'], thought: true },
  plan: { after: ['to', 'for'], thought: true },
  plans: { after: ['to', 'for'], thought: true },
  intention: { after: ['to'], thought: true },
  desire: { after: ['to', 'for'], thought: true },
  wish: { after: ['to', 'for'], thought: true },
  hope: { after: ['that', 'of', 'for'], thought: true },
  hopes: { after: ['that', 'of', 'for'], thought: true },
  view: { after: ['that', 'of', 'on'], thought: true },
  views: { after: ['on', 'of', 'about'], thought: true },
  belief: { after: ['that', 'in'], thought: true },
  preference: { after: ['for'], thought: true },
  commitment: { after: ['to'], thought: true },
  support: { after: ['for', 'of'], thought: true },
  opposition: { after: ['to'], thought: true },
  claim: { after: ['that', 'of'] },
  claims: { after: ['that', 'of'] },
  suggestion: { after: ['that'] },
  argument: { after: ['that', 'for', 'against'] },
  assertion: { after: ['that'] },
  insistence: { after: ['that', 'on'] },
  promise: { after: ['to', 'that', 'of'] },
  promises: { after: ['to', 'that', 'of'] },
  pledge: { after: ['to', 'that'] },
  vow: { after: ['to', 'that'] },
  call: { after: ['for', 'to'] },
  calls: { after: ['for', 'to'] },
  demand: { after: ['for', 'that'] },
  demands: { after: ['for', 'that'] },
  request: { after: ['for', 'that', 'to'] },
  proposal: { after: ['to', 'for'] },
  push: { after: ['for', 'to'] },
  attack: { after: ['on', 'against'] },
  attacks: { after: ['on', 'against'] },
  criticism: { after: ['of'] },
  criticisms: { after: ['of'] },
  critique: { after: ['of'] },
  praise: { after: ['for', 'of'] },
  defense: { after: ['of'] },
  defence: { after: ['of'] },
  endorsement: { after: ['of'] },
  embrace: { after: ['of'] },
  denial: { after: ['of', 'that'] },
  admission: { after: ['that', 'of'] },
  accusation: { after: ['that', 'of'] },
  accusations: { after: ['that', 'of'] },
  allegation: { after: ['that', 'of'] },
  allegations: { after: ['that', 'of'] },
  warning: { after: ['that', 'about', 'of', 'against'] },
  warnings: { after: ['that', 'about', 'of', 'against'] },
  comment: { after: ['that', 'on', 'about'] },
  comments: { after: ['that', 'on', 'about'] },
  remark: { after: ['that', 'on', 'about'] },
  remarks: { after: ['that', 'on', 'about'] },
  response: { after: ['to'] },
  reply: { after: ['to'] },
  answer: { after: ['to'] },
  announcement: { after: ['of', 'that'] },
  assessment: { after: ['of', 'that'] },
  prediction: { after: ['that', 'of'] },
};

/** Cues whose -ing form right after a common noun attributes ("a group backing X", "calls saying …"). */
export const REDUCED_RELATIVE = new Set(['back', 'support', 'oppose', 'say', 'call', 'urge', 'demand', 'accuse', 'criticize', 'criticise', 'praise', 'talk', 'ask', 'claim', 'warn', 'predict', 'promise', 'vow', 'endorse', 'argue', 'suggest', 'show']);

/** Cues that attribute only a question ("questioned whether …"): else "questioned the man" is an act. */
export const QUESTION_CUES = new Set(['question', 'wonder']);

function inflect(base: string): string[] {
  const forms = [base];
  const e = base.endsWith('e');
  const y = /[^aeiou]y$/.test(base);
  const sibilant = /(s|sh|ch|x|z)$/.test(base);
  forms.push(y ? base.slice(0, -1) + 'ies' : sibilant ? base + 'es' : base + 's');
  // A final consonant doubles after one short vowel in a stressed last syllable: "planned", "slammed",
  // "admitted", "referred".
  const doubled = /^(admit|commit|regret|omit|refer|prefer|confer|rebut|submit|permit|control|deter|occur)$/.test(base) || /^[^aeiou]*[aeiou][bdgklmnprt]$/.test(base) ? base + base.slice(-1) : base;
  forms.push(e ? base + 'd' : y ? base.slice(0, -1) + 'ied' : doubled + 'ed');
  forms.push(e && !base.endsWith('ee') ? base.slice(0, -1) + 'ing' : doubled + 'ing');
  return forms;
}

const FORMS = new Map<string, string>();
for (const base of REGULAR) for (const f of inflect(base)) FORMS.set(f, base);
for (const [base, forms] of Object.entries(IRREGULAR)) for (const f of forms) FORMS.set(f, base);
for (const adjective of ADJECTIVE_CUES) if (!FORMS.has(adjective)) FORMS.set(adjective, adjective);

/** The base verb of a cue word ("warned" → "warn"), or undefined. */
export function cueBase(word: string): string | undefined {
  return FORMS.get(word.toLowerCase());
}

/** Cues that need their object before the content: "told reporters (that) …", "warned investors …". */
export const TAKES_LISTENER = new Set(['tell', 'warn', 'assure', 'remind', 'promise', 'inform']);

/** Cues that are only speech when something follows them as content. */
export const WEAK_CUES = new Set([
  'show', 'find', 'continue', 'post', 'call', 'list', 'question', 'point', 'charge', 'object', 'project',
  'signal', 'cite', 'welcome', 'answer', 'cry', 'hold', 'put', 'feel', 'think', 'believe', 'express', 'describe',
  'characterize', 'characterise', 'encourage', 'accuse', 'blame', 'praise', 'criticize', 'criticise', 'mock',
  'dismiss', 'reject', 'recommend', 'demand', 'propose', 'threaten', 'pledge', 'promise', 'ask', 'urge',
  'hope', 'want', 'plan', 'expect', 'intend', 'wish', 'suspect', 'assume', 'highlight',
  'seem', 'appear', 'seek', 'refuse', 'decide', 'support', 'oppose', 'defend',
  'know', 'back', 'attack', 'discuss', 'consider', 'learn', 'prefer', 'thank', 'refer', 'talk', 'compare', 'portray',
  'favor', 'favour', 'request', 'see', 'view', 'regard', 'speak',
]);

/** Cues whose content may be an infinitive: "wants to run", "plans to sell", "hopes to win". */
export const TAKES_INFINITIVE = new Set(['hope', 'want', 'plan', 'expect', 'intend', 'wish', 'decline', 'vow', 'pledge', 'promise', 'threaten', 'refuse', 'seem', 'appear', 'seek', 'decide']);

/**
 * Finite-looking cue forms that after "and"/"but" are nouns more often than verbs ("and reports of
 * fraud", "and calls for"): they end no statement there (see contentEnd). Narrower than the list
 * below, which also holds verbs ("denies", "replies") that do end one.
 */
export const NOUNS_AFTER_AND = new Set([
  'reports', 'calls', 'states', 'posts', 'lists', 'notes', 'questions', 'charges', 'projects', 'signals', 'answers', 'fears',
  'doubts', 'claims', 'plans', 'hopes', 'wishes', 'demands', 'promises', 'threats', 'pledges', 'requests', 'proposals', 'backs',
  'attacks', 'supports', 'thanks', 'talks', 'refers', 'comments', 'concerns', 'findings', 'shows', 'statements', 'tweets',
  'writes', 'needs',
]);

/** Forms that are nouns at least as often as verbs ("other states", "the reports"). */
export const NOUN_LIKE_FORMS = new Set([
  'states', 'state', 'posts', 'post', 'lists', 'list', 'reports', 'report', 'echoes', 'echo', 'fears', 'fear', 'doubts', 'doubt',
  'answers', 'answer', 'questions', 'charges', 'charge', 'projects', 'project', 'signals', 'signal', 'notes', 'note', 'calls',
  'demands', 'demand', 'promises', 'promise', 'pledges', 'pledge', 'worries', 'cries', 'jokes', 'joke', 'comments', 'comment',
  'remarks', 'remark', 'estimates', 'estimate', 'forecasts', 'forecast', 'claims', 'claim', 'denies', 'reply', 'replies', 'responds',
]);

/** Documents, data and polls: they speak through their author ("the Demos report", "a survey by RSA"). */
export const DOCUMENT_HEADS = new Set(
  ('report reports survey surveys study studies research poll polls figures data statistics statement analysis paper review ' +
    'findings results audit inquiry investigation index census forecast estimates release').split(' '),
);

/** Does this phrase name a document or data ("the report", "Commerce Department figures", "a new poll")? */
export function isDocumentPhrase(phrase: string): boolean {
  const core = phrase.toLowerCase().split(/\s+(?:of|for|at|in|from|with|on|to|by)\s+/)[0]!;
  return DOCUMENT_HEADS.has(core.split(/\s+/).pop()!.replace(/['’]s$/, ''));
}
