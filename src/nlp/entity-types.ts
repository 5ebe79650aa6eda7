// Entity types from evidence, weighed in one place. A name's own shape gives a first guess (a
// gazetteer entry, a company suffix, a first name); the words around its mentions give evidence,
// and every mention of one entity votes, so an article keeps one sense per name unless its own
// evidence says otherwise. Each cue carries the kind of sentence it comes from.
import type { Entity, EntityType } from '../types.js';
import { countryNames } from './lexicon.js';

interface Cue {
  type: EntityType;
  weight: number;
  /** Where the cue's words hold a country's name (the group `country` of `after`), it must be one. */
  needsCountry?: boolean;
  /** Text right before the mention (matched against up to 40 characters ending at it). */
  before?: RegExp;
  /** Text right after the mention (matched against up to 40 characters starting at it). */
  after?: RegExp;
  /**
   * Evidence of a side in a match, which a country's name does not yield to: CoNLL-2003 and most
   * news keep "France beat Italy" a place, a club named after its town ("Everton") is the club.
   */
  side?: boolean;
}

const CUES: Cue[] = [
  // "Mr Blair", "Sir Clive Woodward", "Dr Ana Reyes": an honorific names a person.
  { type: 'person', weight: 3, before: /\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness|Baron|Prof|Professor)\.?\s+$/ },
  // "Wang, 45, was sentenced": an age in apposition is a person's (companies and sides have none).
  { type: 'person', weight: 2, after: /^\s*,\s*(?:aged\s+)?(?:1[4-9]|[2-9]\d)\s*,/ },
  // "Wang's arrest", "Dole's wife": kin and what befalls a body belong to a person.
  { type: 'person', weight: 2, after: /^['’]s\s+(?:wife|husband|son|sons|daughter|daughters|mother|father|brother|sister|widow|parents|children|girlfriend|boyfriend|partner|arrest|detention|death|funeral|trial|lawyer|lawyers|health|birthday)\b/i },
  // "Jansher said that he was disturbed": a speaker who is "he" or "she" is a person ("it" would be a body).
  { type: 'person', weight: 2, after: /^\s+(?:said|says|added|told\s+\p{L}+|insisted|admitted|claimed|denied|believes|thinks|felt|feels)\s+(?:that\s+)?(?:he|she)\b/iu },
  // "Wang was arrested", "Smith was sentenced": what only happens to people.
  { type: 'person', weight: 1.5, after: /^\s+(?:was|is|has been|had been|will be)\s+(?:arrested|sentenced|jailed|born|detained|imprisoned|executed|injured|wounded|knighted)\b/i },
  // "Deutsche Boerse's chief executive", "shares in Euronext", "Acme said in a statement": a company.
  { type: 'organization', weight: 2, after: /^(?:['’]s)?\s+(?:chief executive|chairman|chairwoman|board|bosses|shares|profits?|revenues?|shareholders|staff|workers|employees|executives|spokes(?:man|woman|person))\b/i },
  { type: 'organization', weight: 2, after: /^['’]s?\s+(?:chief|offer|bid|takeover|merger)\b/i },
  { type: 'organization', weight: 2, before: /\b(?:shares|stake|investors|shareholders)\s+(?:in|of)\s+$/i },
  { type: 'organization', weight: 2, after: /^\s+(?:said|says)\s+in\s+a\s+statement\b/i },
  // "Everton manager", "Leicester striker", "Ireland coach", "Rangers fans": a club or side.
  { type: 'organization', weight: 2, after: /^['’]?s?\s+(?:manager|boss|striker|midfielder|defender|goalkeeper|keeper|winger|forward|captain|skipper|coach|fans|supporters|squad|side|team-mates|teammates|chairman|academy|debut)\b/i },
  // "beat Leicester 2-1", "Everton drew 1-1 with …": a side in a match.
  { type: 'organization', weight: 2, side: true, after: /^\s+(?:beat|defeated|drew|lost|won|trailed|led)\b[^.]{0,30}\b\d+-\d+\b/i },
  { type: 'organization', weight: 2, side: true, before: /\b(?:beat|beating|defeated|against|to|with|v|vs\.?)\s+$/i, after: /^\s+\d+-\d+\b/ },
  { type: 'organization', weight: 1, before: /\b(?:join|joined|joining|sign for|signed for|move to|moved to|loan at|loan to|on loan from)\s+$/i },
  // A side's score in a cricket report: "Surrey closed on 429 for seven", "dismiss Nottinghamshire for
  // 214", "beat Somerset by an innings", "took Derbyshire to 471".
  { type: 'organization', weight: 2, side: true, after: /^\s+(?:had\s+)?(?:reached|closed on|were|made|scored|totalled|declared on|finished on|resumed on|replied with)\s+\d+(?:\s+for\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine))?\b/i },
  { type: 'organization', weight: 2, side: true, before: /\b(?:dismiss|dismissed|bowling|bowled|bundled|skittled|took|beat|defeated)\s+$/i, after: /^\s+(?:out\s+)?(?:for|to)\s+\d+|^\s+by\s+(?:an innings|\d+\s+(?:runs|wickets)|(?:one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:runs|wickets))/i },
  { type: 'organization', weight: 2, side: true, after: /^\s+(?:beat|defeated|thrashed|lost to|drew with)\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?\s+by\s+(?:an innings|\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b/iu },
  // "Leicestershire extended their first innings by 94 runs", "Essex's second innings".
  { type: 'organization', weight: 2, side: true, after: /^(?:['’]s?\s+|\s+(?:extended|began|started|ended|closed|resumed)\s+(?:their|its)\s+)(?:first|second)\s+innings\b/i },
  // "the FA Cup win over Colchester", "defeat by Leicester": the other side of a match.
  { type: 'organization', weight: 3, side: true, before: /\b(?:win|wins|victory|victories|defeat|defeats|draw|loss|triumph|clash|tie|derby)\s+(?:over|against|with|to|by|at)\s+$/i },
  // "S Byrne (Leinster), R Corrigan (Leinster)": a team sheet gives each player's club. (Results
  // lists with full names, "Michael Johnson (U.S.)", give a nationality, which is a place.)
  { type: 'organization', weight: 2.5, side: true, before: /(?:^|[\s,(])\p{Lu}\.?\s+\p{Lu}[\p{L}'’-]+,?\s*\(\s*$/u, after: /^\s*\)/ },
  // "a bond strategist at Miller Tabak", "chief technology officer at NetSurity": an employer.
  { type: 'organization', weight: 2, before: /\b(?:strategist|analyst|economist|officer|executive|director|chairman|chairwoman|head|founder|partner|researcher|professor|lecturer|fellow|editor|correspondent|consultant|engineer|spokes(?:man|woman|person)|boss|president|vice-president|trader|dealer|broker|banker|adviser|advisor)\s+(?:at|with)\s+$/i },
  // "against France", "to face Scotland", "Ireland beat …": a side, in sport; weaker than a score.
  { type: 'organization', weight: 1.5, side: true, before: /\b(?:against|face|faces|facing|play|plays|playing|host|hosts|hosting|beat|beating|defeated|thrashed|edged)\s+$/i },
  { type: 'organization', weight: 1.5, side: true, after: /^\s+(?:beat|face|faces|host|hosts|play|won|lost|drew|thrashed|edged|defeated)\s+\p{Lu}/u },
  // "the star of Rain Man", "the author of X": a work.
  { type: 'other', weight: 2, before: /\b(?:star|stars|director|writer|producer|author|creator|composer) of\s+$/i },
  // "Mikael Tillstrom (Sweden) 1-6 6-4", "Ato Boldon (Trinidad) 19.80": a player with a nationality in
  // a results line is a person, whoever they beat.
  { type: 'person', weight: 3, needsCountry: true, after: /^\s*\(\s*(?<country>\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?)\s*\)\s*(?:\d|beat\b|bt\b|,|$)/u },
  // A cricket scorecard's bowler and batsman: "Vaas 7-0-29-0", "c Tillekeratne b Dharmasena 13".
  { type: 'person', weight: 3, after: /^\s+\d+(?:\.\d)?-\d+-\d+-\d+\b/ },
  { type: 'person', weight: 3, before: /(?:^|\s)(?:c|b|st|lbw|c&b|c & b)\s+$/, after: /^\s+(?:b\s+\p{Lu}|\d+\b)/u },
  // "the film Ray", "the album X", "Million Dollar Baby, starring …", "X (2004)": a work.
  // A determiner first: "show", "play" and "report" before a name are verbs as often ("to show Sanders").
  { type: 'other', weight: 3, before: /\b(?:the|a|an|his|her|their|its|new|hit|latest|Oscar-winning)\s+(?:[\p{L}-]+\s+)?(?:film|movie|album|book|novel|programme|program|show|series|play|musical|song|single|documentary|sitcom|drama|comedy|sequel|opera|report|game)\s+$/iu },
  { type: 'other', weight: 3, after: /^,?\s+(?:starring|directed by|which (?:also )?stars)\b/i },
  { type: 'other', weight: 2, after: /^\s+\((?:19|20)\d\d\)/ },
  { type: 'other', weight: 2, before: /\b(?:directed|starred in|stars in|starring in|role in|roles in|sequel to|nominated for|won for)\s+$/i },
  // "a London-based firm", "the French government", "in Frankfurt": a place.
  { type: 'place', weight: 3, after: /^-based\b/i },
  { type: 'place', weight: 2, before: /\bthe\s+$/i, after: /^\s+government\b/i },
  { type: 'place', weight: 1, before: /\b(?:in|near|at|outside|across|throughout)\s+$/ },
  // "east of Tavildara", "the town of Tavildara", "Tavildara, 200 km east of the capital": a place.
  { type: 'place', weight: 2, before: /\b(?:(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest)(?:ern)? of|(?:town|city|village|province|region|district|port|capital|county|state|island|suburb|outskirts|streets) of)\s+$/i },
  { type: 'place', weight: 2, after: /^\s*,\s+(?:about\s+|some\s+)?\d+\s*(?:km|kilometres|kilometers|miles)\b/i },
  // A scorecard's venue line: "Hove: Sussex 363 (W. Athey 111)".
  { type: 'place', weight: 3, before: /(?:^|\n)[ \t]*$/, after: /^[ \t]*:[ \t]+\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+)?[ \t]+\d+/u },
  { type: 'place', weight: 1, after: /^['’]s\s+(?:capital|economy|population|president|prime minister|government|borders?|largest city)\b/i },
  // "the Oscars", "the RBS Six Nations", "at Christmas": events.
  { type: 'event', weight: 2, after: /^\s+(?:ceremony|tournament|championship|final|finals|semi-final|match|race|festival)\b/i },
];

/** Words before a place that say where: "in Leeds", "at Headingley", "from Moscow". */
const PLACE_BEFORE = /\b(?:in|at|near|from|outside|to|into|across|around|of|visit|visited|visiting|arrive|arrived|leave|left|via|between)\s+(?:the\s+)?$/i;

/** Words of sport: a text with several of them reports a match or a season. */
const SPORT_WORDS = /\b(?:match|matches|innings|wickets?|overs|batsman|bowler|striker|midfielder|goalkeeper|goals?|scored|penalty|halftime|half-time|league|division|season|coach|manager|tournament|cup|semi-?final|quarter-?final|championship|stumps|homered|inning|pitcher|standings|points|victory|defeat|draw|drew|beat|won|lost|title|fixture|squad|seeded|round)\b/gi;

/** Words of a sport between sides: teams, clubs, goals and innings. */
const TEAM_WORDS = /\b(?:team|teams|side|sides|club|clubs|squad|innings|wickets?|goals?|halftime|half-time|league|division|striker|midfielder|goalkeeper|homered|inning|pitcher|try|tries|scrum|captain)\b/gi;
/** Words of a sport between players: sets, rounds, seeds and strokes. */
const SOLO_WORDS = /\b(?:tennis|golf|squash|boxing|badminton|athletics|cycling|snooker|darts|wimbledon|seeded|seed|sets?|tiebreak(?:er)?|match point|break point|birdied|birdies?|bogeyed|bogeys?|par|knockout|sprint|metres)\b/gi;

const distinct = (text: string, re: RegExp) => new Set((text.slice(0, 20_000).match(re) ?? []).map((w) => w.toLowerCase())).size;

/**
 * Does this text report a sport between sides? Five or more different words of sport, and more words
 * of teams than of players' sports (in a tennis report "Washington" is a player, and "defeated
 * Jansher" beat a man).
 */
export function isSportsText(text: string): 'sides' | 'players' | false {
  const words = (re: RegExp) => (text.slice(0, 20_000).match(re) ?? []).map((w) => w.toLowerCase());
  if (new Set([...words(SPORT_WORDS), ...words(SOLO_WORDS), ...words(TEAM_WORDS)]).size < 5) return false;
  return distinct(text, SOLO_WORDS) > distinct(text, TEAM_WORDS) ? 'players' : 'sides';
}

/** The types that a mention's surroundings argue for, with their weights. */
export function contextEvidence(text: string, start: number, end: number, country = false): Map<EntityType, number> {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 40);
  const votes = new Map<EntityType, number>();
  for (const c of CUES) {
    if (country && c.side) continue;
    if (c.before && !c.before.test(before)) continue;
    if (c.after && !c.after.test(after)) continue;
    if (c.needsCountry && !countryNames().has(c.after!.exec(after)?.groups?.country?.toLowerCase() ?? '')) continue;
    votes.set(c.type, (votes.get(c.type) ?? 0) + c.weight);
  }
  return votes;
}

/**
 * The entity's type after its mentions' evidence is weighed against the name's own shape, whose
 * guess counts `shapeWeight` (strong for a gazetteer entry or a company suffix, weak for a bare
 * look at capitals). A country does not count evidence of a side in a match (see Cue.side).
 */
export function weighType(entity: Entity, text: string, shapeWeight: number, country = false, sports: 'sides' | 'players' | false = false): EntityType {
  const votes = new Map<EntityType, number>([[entity.type, shapeWeight]]);
  // A person named by a first name is no side in a match, however often they are "against" someone;
  // nor is anyone in a sport between players.
  const noSide = country || (entity.type === 'person' && shapeWeight >= 2) || sports === 'players';
  for (const m of entity.mentions) for (const [t, w] of contextEvidence(text, m.start, m.end, noSide)) votes.set(t, (votes.get(t) ?? 0) + w);
  // In a report of a match, a town or county that does something is its side ("Kent made up for lost
  // time", "homered for Cleveland"); where things happen ("in Leeds", a dateline) it stays a place.
  if (sports === 'sides' && entity.type === 'place' && !country) {
    for (const m of entity.mentions) {
      const before = text.slice(Math.max(0, m.start - 30), m.start);
      const after = text.slice(m.end, m.end + 30);
      // (A dateline, "LONDON 1996-08-31" or "BIRMINGHAM , England", says where the report was filed.)
      const located = PLACE_BEFORE.test(before) || /^\s*(?:-based|,\s*\p{Lu}|\s+\d{4}-\d\d-\d\d|\s*\))/u.test(after) || /\(\s*$/.test(before);
      if (!located) votes.set('organization', (votes.get('organization') ?? 0) + 1.5);
    }
  }
  let best = entity.type;
  for (const [t, w] of votes) if (w > votes.get(best)!) best = t;
  return best;
}
