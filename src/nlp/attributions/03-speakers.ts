// Pass 3 of the attribution stage: speaker candidates, the phrase next to a cue that names who spoke
// (09-resolve.ts turns it into an entity).
import type { Entity } from '../../types.js';
import type { TermIndex } from '../terms.js';

export interface MentionRef {
  start: number;
  end: number;
  entity: Entity;
}

export interface SpeakerPhrase {
  start: number;
  end: number;
  text: string;
  /** Words in apposition between the speaker and the cue ("VP of AI research at Meta"). */
  role: string | null;
}

/** Titles that may stand before a name without being part of it. */
const TITLES = 'Mr|Mrs|Ms|Miss|Dr|Prof|Sen|Senator|Rep|Gov|Governor|President|Vice President|Secretary|Gen|Judge|Rev|Sir|Dame';
export const TITLE_PREFIX = new RegExp(`^\\s*(?:(?:the|a|an|${TITLES}|CEO|chief executive|founder|spokesperson|spokesman|spokeswoman)\\.?\\s+)*$`, 'i');
/** Titles in front of a name, case as written ("said Rep. Jerry Nadler"). */
const TITLES_BEFORE_NAME = new RegExp(`^\\s*(?:(?:${TITLES})\\.?\\s+)*`);


const HEADS =
  'company|firm|group|giant|maker|platform|startup|start-up|organi[sz]ation|agency|government|ministry|department|' +
  'administration|campaign|team|party|committee|council|court|union|bank|regulator|watchdog|report|reports|study|studies|' +
  'survey|paper|analysis|poll|polls|statement|filing|document|letter|lawsuit|complaint|ruling|spokesperson|spokesman|' +
  'spokeswoman|representative|representatives|official|officials|analyst|analysts|expert|experts|critic|critics|source|sources|' +
  'academics|researchers|scientists|economists|observers|insiders|investors|lawmakers|legislators|regulators|activists|' +
  'campaigners|residents|witnesses|police|authorities|prosecutors|users|members|employees|executives|leaders|people|' +
  'officer|officers|doctors|voters|data|figures|statistics|research|aides|advisers|advisors|allies|supporters|opponents|' +
  'democrats|republicans|candidate|nominee|president|minister|secretary|spokesmen|staff|writer|author|authors|councillors|councilors|' +
  'senators|ministers|mps|opponents|protesters|protestors|shareholders|workers|unions|teachers|nurses|judges|diplomats|commentators|' +
  'pollsters|strategists|operatives|surrogates|backers|donors|groups|organizations|organisations|companies|firms|agencies|governments|' +
  'advocates|defenders|detractors|skeptics|sceptics|proponents|clinic|hospital|school|university|institute|foundation|center|centre|' +
  'office|department|ministry|commission|board|panel|inquiry|review|audit|investigation|memo|documents|emails|records|tweet|tweets|post|ad|ads|video|website|polling|poll|figures|' +
  'those(?=\\s+(?:close to|familiar with|briefed on))|clip|slide|slides|chart|graphic|mailer|flyer|leaflet|brochure|commercial|newspaper|newspapers|daily|magazine|magazines|editorial|network|broadcaster|broadcasters|outlets|publications|notes|memos|filings|files|transcript|transcripts|results|findings|numbers|surveys|studies|' +
  '\\d+-year-old|coach|manager|boss|captain|striker|midfielder|defender|goalkeeper|friend|friends|relative|relatives|neighbour|neighbor|neighbours|neighbors|colleague|colleagues|family|brother|sister|mother|father|wife|husband|son|daughter|campaigns|aide|adviser|advisor|strategist|pollster|lawyer|lawyers|attorney|attorneys|economist|analyst|senator|governor|mayor|official|director|chief|chairman|chairwoman|leader|leaders|host|anchor|reporter|reporters|journalist|journalists|columnist|historian|historians|professor|spokespeople';

const DETERMINERS = '(?:the|a|an|another|each|every|this|that|these|those|its|his|her|their|our|one|some|many|several|other|two|three|four|five|six|most|few|senior|top|local|federal|state|u\\.s\\.)';
// A nominal speaker at the end of a region: "the social media company", "analysts", "people familiar with the matter".
const NOMINAL_AT_END = new RegExp(
  `(?:^|[\\s,(])((?:${DETERMINERS}\\s+)?(?:[\\p{L}-]+(?:['’]s)?\\s+){0,3}(?:${HEADS})(?:\\s+(?:familiar with|close to|briefed on|with knowledge of)\\s+(?:the\\s+\\w+|him|her|them))?)$`,
  'iu',
);
/** A plural speaking head and "in/at/from" right before a name: "officials in", "Republicans in". */
const GROUP_BEFORE_NAME = /(?:^|[\s,(])((?:the\s+|some\s+|many\s+|several\s+|other\s+)?(?:[\p{L}-]+\s+)?(?:officials|republicans|democrats|lawmakers|leaders|diplomats|analysts|economists|experts|sources|residents|protesters|voters|activists|investors|executives|authorities|police|prosecutors|observers|people|those close to (?:him|her|them))\s+(?:in|at|from)\s+(?:the\s+)?)$/iu;
/** A nominal right before "of"/"for" ("Lawyers for" the family); group 2 is its head. */
const NOMINAL_BEFORE_OF = new RegExp(
  `(?:^|[\\s,(])((?:${DETERMINERS}\\s+)?(?:(?!(?:after|before|and|or|but|with|of|in|on|at|by|for|from|to|as|that|when|while|if|because)\\s)[\\p{L}-]+\\s+){0,2}?(${HEADS}))\\s+(?:of|for)\\s+$`,
  'iu',
);
const NUMBER_WORD = '(?:\\d+(?:\\.\\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\\p{L}+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\p{L}+teen)';
const SHARE = `(?:(?:another|about|only|nearly|almost|roughly|some|just|over|under|more than|less than|fewer than|fully|a further)\\s+)?(?:${NUMBER_WORD}\\s*(?:percent|per cent|%)|${NUMBER_WORD}\\s+(?:in|out of)\\s+(?:10|ten|\\d+)|(?:a|the)\\s+(?:slim\\s+|narrow\\s+|large\\s+|clear\\s+)?majority|half|a third|a quarter|two-thirds|three-quarters)`;
/** A share of those polled at the end of a region: "63 percent", "Six in 10 voters", "a majority of Democrats". */
const POLL_SHARE_AT_END = new RegExp(`(?:^|[\\s,(])(${SHARE}(?:\\s+of)?(?:\\s+(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,3}?(?:voters|respondents|americans|adults|democrats|republicans|independents|people|those|them|women|men|likely voters|supporters|members|residents|parents|students|workers|voters polled|those polled|those surveyed|the public|the country))?)$`, 'iu');
/** Is this speaker a share of those polled? Their answers are opinions (kind "thought"). */
export const isPollShare = (phrase: string) => new RegExp(`^${SHARE}\\b`, 'iu').test(phrase.trim());

/** Heads that speak for the body named after them. */
const SPEAKS_FOR = /^(?:spokesperson|spokesman|spokeswoman|spokesmen|spokespeople|representative|representatives)$/i;
const NOMINAL_AT_START = new RegExp(
  `^((?:${DETERMINERS}\\s+)?(?:[\\p{L}-]+\\s+){0,3}?(?:${HEADS})(?:\\s+(?:familiar with|close to|briefed on|with knowledge of)\\s+(?:the\\s+\\w+|him|her|them))?)\\b`,
  'iu',
);

/** Words that may describe a speaker between an inverted cue and the name: "said awards pundit". */
const DESCRIPTION_AFTER_CUE = /^(?:the\s+)?(?:(?!(?:that|and|but|or|on|in|at|to|of|for|from|with|by|as|when|while|after|before|it|he|she|they|we|this|these|there)\s)[\p{L}'’.-]+\s+){0,4}$/iu;

// "The star of Rain Man and Tootsie": the names after "of" (one or two) complete the description.
const DESCRIPTION_BEFORE_NAME = /(?:^|[\s,;:(—–])((?:[Tt]he|[Aa]n?)\s+(?:[\p{L}-]+\s+){1,3}?(?:of|for|at|from)\s+(?:the\s+)?(?:(?:\p{Lu}[\p{L}'’-]*\s+){1,4}and\s+)?)$/u;

/** The speaker phrase ending at `to` (the cue side), searching back no further than `from`. */
export function speakerBefore(text: string, from: number, to: number, mentions: MentionRef[], index: TermIndex): SpeakerPhrase | null {
  const region = text.slice(from, to);
  // A parenthesis between speaker and cue is skipped: "The National Audit Office (NAO) said".
  const trimmed = region.replace(/\s+$/, '').replace(/\s*\([^()]{1,40}\)$/, '');
  const end = from + trimmed.length;
  // 1. A named entity right before the cue.
  const named = mentions.find((m) => m.end <= end && m.start >= from && /^['’]?s?\s*$/.test(text.slice(m.end, end)) && m.end >= end - 2);
  if (named) {
    // "Officials in Washington said", "Republicans in Congress say": the name completes a group
    // that speaks; the group, not the place or the body, is the speaker.
    const group = GROUP_BEFORE_NAME.exec(text.slice(from, named.start));
    if (group && named.entity.type !== 'person') {
      const start = named.start - group[0].length + group[0].indexOf(group[1]!);
      return { start, end: named.end, text: text.slice(start, named.end), role: null };
    }
    // "Anne Thompson of the Hollywood Reporter said": a person with their affiliation speaks.
    const person = mentions.find((m) => m.start >= from && m.end < named.start && m.entity.type === 'person' && /^\s+(?:of|from|at|in)\s+(?:the\s+)?$/i.test(text.slice(m.end, named.start)));
    if (person) return { start: person.start, end: person.end, text: text.slice(person.start, person.end), role: text.slice(person.end, named.end).trim() };
    // "The star of Rain Man said": the name completes a description, which is the speaker phrase.
    const described = DESCRIPTION_BEFORE_NAME.exec(text.slice(from, named.start));
    const start = described ? named.start - described[1]!.length : named.start;
    return { start, end: named.end, text: text.slice(start, named.end), role: null };
  }
  // 2. A pronoun.
  const pron = /(?:^|[\s,(—–-])(he|she|they|it|we|I|who|which)$/i.exec(trimmed);
  if (pron) {
    const s = from + trimmed.length - pron[1]!.length;
    return { start: s, end, text: pron[1]!, role: null };
  }
  // 3. A share of those polled ("63 percent said", "Six in 10 voters say", "a majority of Democrats").
  const share = POLL_SHARE_AT_END.exec(trimmed);
  if (share) {
    const s = from + trimmed.length - share[1]!.length;
    return { start: s, end, text: share[1]!, role: null };
  }
  // 4. A nominal.
  const nom = NOMINAL_AT_END.exec(trimmed);
  if (nom) {
    // Modifiers stop at a function word: "IBM and other tech companies" → "other tech companies".
    const tailMatch = /\s+(?:familiar with|close to|briefed on|with knowledge of)\s+(?:the\s+\w+|him|her|them)$/i.exec(nom[1]!);
    const tail = tailMatch ? tailMatch[0] : '';
    const words = nom[1]!.slice(0, nom[1]!.length - tail.length).split(/\s+/);
    let k = words.length - 1;
    while (k > 0 && !/^(and|or|but|with|of|in|on|at|by|for|from|to|than|as|there|here)$/i.test(words[k - 1]!)) k--;
    const phrase = words.slice(k).join(' ') + tail;
    if (!/^(there|here)$/i.test(phrase)) {
      const s = from + trimmed.length - phrase.length;
      // "Lawyers for the family", "supporters of the plan": the phrase after "of"/"for" completes
      // the one before it, whose head is who spoke. A spokesperson is the exception: they speak for
      // the body named after them (the gold's convention), so "a spokesman for the ministry" stays "the ministry".
      const owner = NOMINAL_BEFORE_OF.exec(text.slice(from, s));
      if (owner && !SPEAKS_FOR.test(owner[2]!)) {
        const start = s - owner[0].length + owner[0].indexOf(owner[1]!);
        return { start, end, text: text.slice(start, end), role: null };
      }
      return { start: s, end, text: phrase, role: null };
    }
  }
  // 5. An apposition: "Joelle Pineau, VP of AI research at Meta, told …".
  if (trimmed.endsWith(',')) {
    const inner = trimmed.slice(0, -1);
    for (const m of mentions) {
      if (m.start < from || m.end > end) continue;
      // "John Cornyn of Texas, the No. 2 Republican, said", "Elijah Cummings (D-Md.), chair of …, said":
      // a short "of"-phrase or a parenthesis may follow the name before the apposition.
      const tail = m.entity.type === 'person' ? (/^(?:\s+(?:of|from)\s+[^,()]{1,40}?|\s*\([^()]{1,30}\))(?=\s*,)/.exec(text.slice(m.end, from + inner.length))?.[0] ?? '') : '';
      const after = text.slice(m.end + tail.length, from + inner.length);
      const lead = text.slice(from, m.start);
      if (!/^['’]?s?\s*,\s*\S/.test(after)) continue;
      // Before the name: nothing, a clause boundary, a title, or a short descriptor ("Republican pollster").
      // (A quote's tag starts after its closing mark: '“…,” Senate Majority Leader Mitch McConnell, R-Ky., said'.)
      const descriptor = from === 0 || /^[\s,;:—–”"’']*$/.test(text.slice(Math.max(0, from - 2), from));
      if (lead.trim() && !/(^|[,;:—–]|\b(and|but|while|as|when|meanwhile|however))\s*$/i.test(lead.trim()) && !TITLE_PREFIX.test(lead) && !(descriptor && /^(?:[\p{L}.'’-]+\s+){1,4}$/u.test(lead) && !/\b(said|says|told|and|but|that|who|which|the)\b/i.test(lead.replace(/^the\s+/i, '')))) continue;
      const role = after.replace(/^['’]?s?\s*,\s*/, '').trim();
      if (role.split(/\s+/).length > 30) continue;
      return { start: m.start, end: m.end, text: text.slice(m.start, m.end), role };
    }
    // "Brazile’s CNN colleague, Jake Tapper, insists": the name comes after its description.
    const last = [...mentions].reverse().find((m) => m.start >= from && m.end <= from + inner.length && /^\s*$/.test(text.slice(m.end, from + inner.length)));
    if (last && /,\s*(?:the\s+)?$/.test(text.slice(from, last.start)) && text.slice(from, last.start).split(/\s+/).length <= 10) {
      return { start: last.start, end: last.end, text: text.slice(last.start, last.end), role: text.slice(from, last.start).replace(/,\s*(?:the\s+)?$/, '').trim() };
    }
    const pre = /^(?:[^,]*?[\s,])?((?:he|she|they|it|we|I))\s*,\s*([^,]+)$/i.exec(inner);
    if (pre) {
      const s = from + inner.indexOf(pre[1]!, inner.length - pre[0].length);
      return { start: s, end: s + pre[1]!.length, text: pre[1]!, role: pre[2]!.trim() };
    }
    return null;
  }
  // Capitalised words right before the cue name a speaker even when they are no known entity.
  const caps = /(?:^|[\s,;:(])((?:\p{Lu}[\p{L}&.'’-]*\s+){0,3}\p{Lu}[\p{L}&.'’-]*)$/u.exec(trimmed);
  if (caps && !/^(The|A|An|This|That|These|Those|It|He|She|They|We|I|But|And)$/.test(caps[1]!)) {
    const s = from + trimmed.length - caps[1]!.length;
    const before = text.slice(from, s).trimEnd();
    if (!before || /[,;:—–]$|\b(and|but|while|as|when|that)$/i.test(before)) return { start: s, end, text: caps[1]!, role: null };
  }
  return nounPhraseAtEnd(text, from, end, index) ?? clauseSubject(text, from, end, index);
}

/**
 * The whole stretch from the clause start to the cue as the speaker, when it reads as a subject:
 * "Interviews conducted by The Washington Post with construction workers found …".
 */
function clauseSubject(text: string, from: number, end: number, index: TermIndex, afterSubordinator = false): SpeakerPhrase | null {
  // A fronted phrase is no part of the subject: "Ahead of talks on Friday, the bourse said" (but
  // "Alois Rhiel, its minister for economic affairs, added" is one subject).
  const comma = text.slice(from, end).lastIndexOf(', ');
  const opener = index.within(from, end)[0];
  if (comma >= 0 && opener && !['Noun', 'ProperNoun', 'Determiner', 'Pronoun', 'Possessive'].some((t) => opener.tags.has(t))) from += comma + 2;
  let phrase = text.slice(from, end);
  const lead = phrase.length - phrase.trimStart().length;
  phrase = phrase.trim().replace(/(?:\s+\p{L}+ly)+$/u, '');
  if (!phrase || phrase.split(/\s+/).length > 25 || !/^(\p{Lu}|the\s|a\s|an\s)/u.test(phrase)) return null;
  if (/[;:“”"]/.test(phrase)) return null;
  const start = from + lead;
  const terms = index.within(start, start + phrase.length);
  const last = terms[terms.length - 1];
  const first = terms[0];
  if (!last || !first || !last.tags.has('Noun') || last.tags.has('Pronoun') || first.tags.has('Preposition') || first.tags.has('Conjunction') || first.tags.has('Adverb')) return null;
  // A short subject must be someone who can speak ("The initiative" cannot); after a subordinator
  // ("after the auditors warned") a plural may: it is plainly the clause's subject.
  if (terms.length <= 3 && !SPEAKER_TAGS.some((x) => last.tags.has(x)) && !(afterSubordinator && last.tags.has('Plural'))) return null;
  // A clause is no subject: "Riverside Council approved a £28.7m flood defence (plan …)" has a verb
  // with its object. A relative clause may hold one ("People who attended the meeting said").
  for (let i = 1; i + 1 < terms.length; i++) {
    const t = terms[i]!;
    const objectNext = ['Determiner', 'Value', 'Money', 'Possessive'].some((x) => terms[i + 1]!.tags.has(x));
    if (t.tags.has('Verb') && !t.tags.has('Gerund') && !t.tags.has('Participle') && objectNext && !terms.slice(0, i).some((x) => /^(who|that|which|whose)$/i.test(x.text))) {
      // The subject may follow a subordinator after that clause: "… on Tuesday after a review by the auditors warned".
      const rest = text.slice(t.end, end);
      let sub: RegExpExecArray | null = null;
      for (const m of rest.matchAll(SUBORDINATOR)) sub = m;
      return sub ? clauseSubject(text, t.end + sub.index! + sub[0].length, end, index, true) : null;
    }
  }
  return { start, end: start + phrase.length, text: phrase, role: null };
}

const SUBORDINATOR = /\b(?:after|before|because|since|when|while|although|though|if|until|once|as|whereas)\s+/gi;
const SPEAKER_TAGS = ['Actor', 'Person', 'Organization', 'ProperNoun', 'Acronym'];
const NP_TAGS = ['Noun', 'Adjective', 'Determiner', 'Possessive', 'ProperNoun', 'Value', 'Acronym'];

/** A plain noun phrase ending at `end` ("Opposition councillors", "the Clinton campaign"). */
function nounPhraseAtEnd(text: string, from: number, end: number, index: TermIndex): SpeakerPhrase | null {
  const terms = index.within(from, end);
  let i = terms.length - 1;
  const last = terms[i];
  if (!last || last.end < end - 1 || !last.tags.has('Noun') || last.tags.has('Pronoun') || last.tags.has('Date') || last.tags.has('Gerund')) return null;
  // Only people and bodies speak: "Opposition councillors", not "The initiative".
  if (!SPEAKER_TAGS.some((x) => last.tags.has(x))) return null;
  while (i > 0 && terms.length - i < 5) {
    const t = terms[i - 1]!;
    if (/[,;:.!?()"“”]/.test(index.gapAfter(t, terms[i])) || !NP_TAGS.some((x) => t.tags.has(x)) || t.tags.has('Pronoun') || t.tags.has('Preposition')) break;
    i--;
  }
  // The phrase must start its clause: nothing but a boundary may stand before it.
  const start = terms[i]!.start;
  const before = text.slice(from, start).trimEnd();
  if (before && !/(^|[,;:—–]|\b(and|but|while|as|when|meanwhile|however|that|because|after|before|since|though|although|so))$/i.test(before)) return null;
  const phrase = text.slice(start, end);
  if (phrase.split(/\s+/).length > 5) return null;
  return { start, end, text: phrase, role: null };
}

/** The speaker phrase starting at `from` (after an inverted cue: "said John Smith"). */
export function speakerAfter(text: string, from: number, to: number, mentions: MentionRef[]): SpeakerPhrase | null {
  const region = text.slice(from, to);
  // Titles before the name are skipped: "said Rep. Jerry Nadler".
  const title = TITLES_BEFORE_NAME.exec(region)![0];
  const named0 = mentions.find((m) => m.start === from + title.length);
  const lead = named0 ? title.length : region.length - region.trimStart().length;
  const s = from + lead;
  // "said awards pundit Tom O'Neil": a short description may stand before the name.
  const first = mentions.find((m) => m.start === s || (m.start > s && m.start - s < 60 && DESCRIPTION_AFTER_CUE.test(text.slice(s, m.start))));
  // "by the Trade and Industry Secretary Patricia Hewitt": a name inside a title is not the speaker;
  // the person the title runs into is.
  const titled = first && first.entity.type !== 'person' ? mentions.find((m) => m.start > first.end && m.start - first.end < 60 && m.entity.type === 'person' && /^(?:\s+(?:and|of|&)?\s*\p{Lu}[\p{L}-]*)+\s+$/u.test(text.slice(first.end, m.start))) : undefined;
  const named = titled ?? first;
  if (named && named.end <= to) {
    // "said the Lions coach": a name before a role word describes; the phrase runs to the role.
    const roleWord = /^\s+((?:[\p{Ll}-]+\s+)?(?:coach|manager|boss|captain|chief|chairman|chairwoman|leader|president|director|executive|secretary|minister|spokesman|spokeswoman|spokesperson|official|striker|midfielder|defender|goalkeeper|player|star|founder|owner|editor|analyst|economist))\b(?=\s*(?:[,.;]|$))/u.exec(text.slice(named.end, to));
    if (roleWord) return { start: s, end: named.end + roleWord[0].length, text: text.slice(s, named.end + roleWord[0].length), role: null };
    const rest = text.slice(named.end, to);
    const role = /^\s*,\s*([^,.;]+?)\s*(?:,|\.?$)/.exec(rest);
    return { start: named.start, end: named.end, text: text.slice(named.start, named.end), role: role ? role[1]!.trim() : null };
  }
  const pron = /^(he|she|they|it|we|I)\b/i.exec(region.trimStart());
  if (pron) return { start: s, end: s + pron[1]!.length, text: pron[1]!, role: null };
  const nom = NOMINAL_AT_START.exec(region.trimStart());
  if (nom) return { start: s, end: s + nom[1]!.length, text: nom[1]!, role: null };
  return null;
}

/** The subject noun phrase at the start of a sentence ("The influential daily endorsed …"). */
export function nounPhraseAtStart(text: string, from: number, to: number, index: TermIndex): SpeakerPhrase | null {
  const terms = index.within(from, Math.min(to, from + 80));
  let i = 0;
  while (i < terms.length && NP_TAGS.some((x) => terms[i]!.tags.has(x)) && !terms[i]!.tags.has('Pronoun') && !terms[i]!.tags.has('Preposition')) {
    i++;
    if (/[,;:.!?()"“”]/.test(index.gapAfter(terms[i - 1]!, terms[i]))) break;
  }
  if (i === 0) return null;
  const last = terms[i - 1]!;
  if (!last.tags.has('Noun') || !SPEAKER_TAGS.some((x) => last.tags.has(x))) return null;
  const start = terms[0]!.start;
  return { start, end: last.end, text: text.slice(start, last.end), role: null };
}
