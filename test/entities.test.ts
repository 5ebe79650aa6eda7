import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/nlp/index.js';
import { paragraphs, sentences } from '../src/nlp/segment.js';
import { tagText } from '../src/nlp/terms.js';
import { isSportsText } from '../src/nlp/entity-types.js';
import { ARTICLES } from './helpers.js';

const entities = (text: string) => analyze(text).entities;

describe('entities', () => {
  it('gives clean spans without punctuation, quotes or possessives, with exact offsets', () => {
    const text = '“The group” was founded by Joelle Pineau, who runs Meta’s lab with OpenAI’s help.';
    const list = entities(text);
    const names = list.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Joelle Pineau', 'Meta', 'OpenAI']));
    for (const e of list) {
      expect(e.name).not.toMatch(/^[“"'‘]|[,.”"’]$|['’]s$/);
      for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('finds CamelCase names compromise does not tag', () => {
    const names = entities('The startup told TechCrunch that OpenAI had licensed ChatGPT to it.').map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['TechCrunch', 'OpenAI', 'ChatGPT']));
  });

  it('merges surnames, titles and acronyms into one entity with aliases', () => {
    const list = entities('Mark Zuckerberg spoke on Monday. Later Mr Zuckerberg met the National Audit Office (NAO). The NAO said costs rose.');
    const zuck = list.find((e) => e.name === 'Mark Zuckerberg');
    expect(zuck).toMatchObject({ type: 'person', aliases: ['Zuckerberg'] });
    expect(zuck!.mentions).toHaveLength(2);
    const nao = list.find((e) => e.name === 'National Audit Office');
    expect(nao).toMatchObject({ type: 'organization', aliases: ['NAO'] });
    expect(nao!.mentions).toHaveLength(3);
  });

  it('keeps "Meta" and "Meta AI" apart and merges "Meta’s" into "Meta"', () => {
    const list = entities('Meta said Meta’s AI group, Meta AI, would grow. Analysts praised Meta.');
    expect(list.filter((e) => e.name === 'Meta')).toHaveLength(1);
    expect(list.find((e) => e.name === 'Meta')!.mentions).toHaveLength(3);
    expect(list.some((e) => e.name === 'Meta AI')).toBe(true);
  });

  it('does not promote capitalised headline words or sentence starts to names', () => {
    const names = entities('Council Approves New Budget For Schools\n\nMembers voted on Tuesday. However, Reports differ.').map((e) => e.name);
    expect(names).not.toContain('Approves');
    expect(names).not.toContain('Members');
    expect(names).not.toContain('However');
  });

  it('types people, organisations and places', () => {
    const list = entities('Angela Merkel met officials from Siemens AG in Paris.');
    const type = (n: string) => list.find((e) => e.name === n)?.type;
    expect(type('Angela Merkel')).toBe('person');
    expect(type('Siemens AG')).toBe('organization');
    expect(type('Paris')).toBe('place');
  });

  it('reads names in numbered lists and teams in results tables; countries stay places', () => {
    const list = entities('Hurdles results\n\n1. Ludmila Engquist ( Sweden ) 12.60\n2. Aliuska Lopez ( Cuba ) 12.73\n\nChicago 4 Houston 3\nBoston 5 Seattle 2\nSweden 2 Norway 1');
    const type = (n: string) => list.find((e) => e.name === n)?.type;
    expect(type('Ludmila Engquist')).toBe('person');
    expect(type('Aliuska Lopez')).toBe('person');
    expect(type('Chicago')).toBe('organization');
    expect(type('Seattle')).toBe('organization');
    expect(type('Sweden')).toBe('place');
  });

  it('splits roles, demonyms and "X of Y" off names, and keeps former names as aliases', () => {
    const list = entities('Australian Tom Moody met Economist Joel Naroff and Peter Nicol of Scotland. Meta, formerly known as Facebook, said so.');
    const names = list.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Tom Moody', 'Joel Naroff', 'Peter Nicol', 'Scotland']));
    expect(names).not.toContain('Australian Tom Moody');
    expect(list.find((e) => e.name === 'Meta')?.aliases).toContain('Facebook');
  });
});


describe('long documents', () => {
  it('finds in a 160 KB document, parsed in parts, what it finds in each of its articles', () => {
    const article = readFileSync(join(ARTICLES, '001_0182837d26875113.txt'), 'utf8').trim();
    const copies = Math.ceil(160_000 / article.length);
    const one = analyze(article);
    const long = Array(copies).fill(article).join('\n\n');
    const many = analyze(long);
    const mentions = (r: ReturnType<typeof analyze>) => Object.fromEntries(r.entities.map((e) => [`${e.name}/${e.type}`, e.mentions.length]));
    expect(one.entities.length).toBeGreaterThan(3);
    expect(mentions(many)).toEqual(Object.fromEntries(Object.entries(mentions(one)).map(([name, n]) => [name, n * copies])));
    expect(many.attributions.map((a) => a.speaker?.name)).toEqual(Array(copies).fill(one.attributions.map((a) => a.speaker?.name)).flat());
    for (const e of many.entities) for (const m of e.mentions) expect(long.slice(m.start, m.end)).toBe(m.text);
    // Every tagged word, in every part, stands where its offsets say.
    const paras = paragraphs(long);
    const terms = tagText(long, sentences(long, paras), new Set()).terms;
    expect(terms.at(-1)!.start).toBeGreaterThan(150_000);
    expect(terms.filter((t) => long.slice(t.start, t.end) !== t.text)).toEqual([]);
    // The same sentence again is the same claim.
    expect(many.claims.map((c) => c.text)).toEqual(one.claims.map((c) => c.text));
  });
});

describe('types from evidence', () => {
  const typeOf = (text: string, name: string) => analyze(text).entities.find((e) => e.name === name || e.aliases.includes(name))?.type;

  it('reads a company from "shares in X", "X\'s chief executive" and "X said in a statement"', () => {
    expect(typeOf('Deutsche Boerse has made an offer. Deutsche Boerse\'s chief executive met the board on Monday.', 'Deutsche Boerse')).toBe('organization');
    expect(typeOf('Investors bought shares in Miller Tabak after the results were published.', 'Miller Tabak')).toBe('organization');
  });

  it('reads a club from "X manager", "X striker" and a score', () => {
    expect(typeOf('Everton manager David Moyes said his side had played well.', 'Everton')).toBe('organization');
    expect(typeOf('Colchester beat Hull 2-1 on Saturday.', 'Colchester')).toBe('organization');
  });

  it('reads a work from "the film X" and "X, starring Y"', () => {
    expect(typeOf('He will appear in the film Rain Man again next year, a spokesman said.', 'Rain Man')).toBe('other');
    expect(typeOf('Million Dollar Baby, starring Clint Eastwood, won four awards.', 'Million Dollar Baby')).toBe('other');
  });

  it('reads a place from "X-based" and "the X government"', () => {
    expect(typeOf('The Frankfurt-based exchange said profits rose.', 'Frankfurt')).toBe('place');
  });

  it('reads a person from an honorific and from an initial before a surname', () => {
    expect(typeOf('The team is: R Corrigan, S Easterby, P Stringer.', 'R Corrigan')).toBe('person');
  });

  it('reads a person from an age in apposition, kin or an arrest, "said he" and what befalls only people', () => {
    expect(typeOf('Police in Hangzhou said Wang, 45, was held overnight without charge.', 'Wang')).toBe('person');
    expect(typeOf("Activists said Wang's arrest was part of a wider crackdown in the province.", 'Wang')).toBe('person');
    expect(typeOf('After the final, Jansher said that he was disturbed by the decision of the referee.', 'Jansher')).toBe('person');
    expect(typeOf('On Tuesday Okonjo was arrested at the border, officials said.', 'Okonjo')).toBe('person');
    // "said it": a body speaks, and the name keeps the type its shape gave it.
    expect(typeOf('On Tuesday Okonjo said it would appeal against the ruling.', 'Okonjo')).toBe('organization');
  });

  it('reads a company from a foreign legal form after its name ("SA", "AG", "SpA") against weaker evidence of a place', () => {
    // Its short form "in Ruch" alone would read as a place.
    expect(typeOf('A Polish consortium will bid for Ruch SA, the newsstand chain. The state would keep 20 percent of Ruch, and staff in Ruch would get the rest.', 'Ruch SA')).toBe('organization');
  });

  it('reads a word in capitals within prose as an acronym, though its letters written low are a first name', () => {
    expect(typeOf('A newspaper said Margaret Thatcher was shaken by an IRA attempt on her life in 1984.', 'IRA')).toBe('organization');
  });

  it('reads an employer from "a strategist at X" and the other side from "win over X"', () => {
    expect(typeOf('"Things are getting worse," said Anthony Crescenzi, a bond strategist at Miller Tabak in New York.', 'Miller Tabak')).toBe('organization');
    expect(typeOf('Ferguson did not play in the FA Cup win over Colchester on Saturday.', 'Colchester')).toBe('organization');
  });

  it('reads a club from a team sheet, but a nationality in a results list stays a place', () => {
    const sheet = 'Forwards: S Best (Ulster), S Byrne (Leinster), R Corrigan (Leinster), A Foley (Munster), G Murphy (Leicester).';
    for (const club of ['Leinster', 'Munster', 'Leicester']) expect(typeOf(sheet, club)).toBe('organization');
    expect(typeOf('1. Michael Johnson (U.S.) 19.32 2. Frankie Fredericks (Namibia) 19.68 3. Ato Boldon (Trinidad) 19.80', 'Namibia')).toBe('place');
  });

  it('reads a person from a title of rank, a body from its head before "of", a venue as a place', () => {
    expect(typeOf('The Attorney General, Baroness Scotland, will lead the review in May.', 'Baroness Scotland')).toBe('person');
    expect(typeOf('Researchers at the London School of Economics found that fees deter students.', 'London School of Economics')).toBe('organization');
    expect(typeOf('The ceremony will be held at the Kodak Theatre on Sunday, organisers said.', 'Kodak Theatre')).toBe('place');
    expect(typeOf('The England flanker Richard Hill has been ruled out of the tour with a knee injury.', 'Richard Hill')).toBe('person');
  });

  it('reads a side from a cricket score, and a venue from a scorecard line', () => {
    // A county's name is a place until its scores outweigh that: two of them here.
    expect(typeOf('Mark Butcher made 70 as Surrey closed on 429 for seven. Yesterday Surrey reached 210 for two.', 'Surrey')).toBe('organization');
    expect(typeOf('Leicestershire beat Somerset by an innings and 39 runs at Grace Road.', 'Somerset')).toBe('organization');
    expect(typeOf('Kent stepped up a gear to dismiss Nottinghamshire for 214 on Friday.', 'Nottinghamshire')).toBe('organization');
  });

  it('reads a player with a nationality in a results line, and a scorecard\'s bowler, as persons', () => {
    const tennis = "Men's singles, second round\nAlexander Volkov (Russia) beat Mikael Tillstrom (Sweden) 1-6 6-4 6-1";
    expect(typeOf(tennis, 'Mikael Tillstrom')).toBe('person');
    expect(typeOf(tennis, 'Sweden')).toBe('place');
    expect(typeOf('Bowling: Vaas 7-0-29-0, Dharmasena 9-0-49-1, Muralitharan 10-0-41-2.', 'Dharmasena')).toBe('person');
  });

  it('reads the winning side and its innings as a team', () => {
    const text = 'Phil Simmons took four for 38 as Leicestershire beat Somerset by an innings and 39 runs. At Grace Road, Leicestershire extended their first innings by 94 runs.';
    expect(typeOf(text, 'Leicestershire')).toBe('organization');
  });

  it('reads a town or county that acts in a sports report as its side, and keeps where things happen a place', () => {
    const text = 'CRICKET - TITLE RACE GOES ON .\nLONDON 1996-08-31\nKent will need to keep their nerve on the last day of the season. The match at Canterbury was halted by rain after Kent had scored 108 for three, and their coach said the title was still open.';
    expect(typeOf(text, 'Kent')).toBe('organization');
    expect(typeOf(text, 'Canterbury')).toBe('place');
    expect(typeOf(text, 'LONDON')).toBe('place');
    // Outside sport a county is a place, whatever it does.
    expect(typeOf('Kent will need more housing over the next decade, the council said in its plan for new roads.', 'Kent')).toBe('place');
  });

  it('takes a word the lexicon has never seen, opening a sentence before "said" or "will", as a name', () => {
    const text = 'The talks ended late. Nerweyi said he did not know the size of the force. Rosati will meet the president on Monday. Winter is in the air.';
    expect(typeOf(text, 'Nerweyi')).toBeDefined();
    expect(typeOf(text, 'Rosati')).toBeDefined();
    expect(typeOf(text, 'Winter')).toBeUndefined();
  });

  it('takes a people\'s member ("the Swede", "Serbs") for no name', () => {
    const found = analyze('After bogeying the second, the Swede birdied six holes. Serbs and Croats met in Geneva.').entities.map((e) => e.name);
    for (const name of ['Swede', 'Serbs', 'Croats']) expect(found).not.toContain(name);
    expect(found).toContain('Geneva');
  });

  it('takes no sport naming a wire report\'s section before its headline', () => {
    const found = analyze('GOLF - HENKE TAKES LEAD IN MILWAUKEE .\nMILWAUKEE 1996-08-30\nNolan Henke took the lead on Thursday .').entities.map((e) => e.name);
    expect(found).not.toContain('GOLF');
    expect(found).toContain('Nolan Henke');
  });

  it('takes an acronym opening a sentence as a name, and no acronym of a thing', () => {
    const text = 'The talks went on. UEFA came down heavily on the club on Friday. U.N. officials said the aid would arrive. DVD sales rose again.';
    expect(typeOf(text, 'UEFA')).toBeDefined();
    expect(typeOf(text, 'U.N.')).toBeDefined();
    expect(typeOf(text, 'DVD')).toBeUndefined();
  });

  it('finds every side in a results table under a heading, whatever the tagger makes of the word', () => {
    const results = 'Rugby union results on Saturday :\nWelsh division one\nBridgend 13 Llanelli 9\nSaracens 25 Leicester 23';
    for (const team of ['Bridgend', 'Llanelli', 'Saracens', 'Leicester']) expect(typeOf(results, team)).toBe('organization');
  });

  it('keeps a dateline\'s place a place where a team of the article bears its name', () => {
    const text = 'BASEBALL - STANDINGS .\nNEW YORK 1996-08-30\nStandings after the games of Thursday :\nNEW YORK 74 59 .556 -\nBALTIMORE 70 63 .526 4';
    const ny = analyze(text).entities.filter((e) => e.name === 'NEW YORK').map((e) => [e.type, e.mentions.map((m) => m.start)]);
    expect(ny).toContainEqual(['place', [text.indexOf('NEW YORK 1996')]]);
    expect(ny).toContainEqual(['organization', [text.indexOf('NEW YORK 74')]]);
  });

  it('tells a sport between players from one between sides, and makes no team of a player', () => {
    const tennis = 'TENNIS - WASHINGTON FALLS SHORT .\nNEW YORK 1996-08-31\nThe 11th-seeded Washington fell short in five sets at the Open . Washington , who climbed back from a 1-5 deficit in the fourth set , lost the tiebreak after saving a match point in the last round .';
    expect(isSportsText(tennis)).toBe('players');
    expect(typeOf(tennis, 'Washington')).not.toBe('organization');
    const cricket = 'CRICKET - KENT CLOSE IN .\nLONDON 1996-08-31\nKent had scored 108 for three at the close , with their captain unbeaten on 50 , as the county championship match against Essex went into its last day . The side need 148 more with five wickets in hand , the club said .';
    expect(isSportsText(cricket)).toBe('sides');
    expect(isSportsText('The council met on Monday to discuss the budget.')).toBe(false);
  });

  it('reads a league table\'s row, a name and five or more whole numbers, as a team', () => {
    const table = 'Division one\nGreenock Morton 3 2 0 1 5 2 6\nDundee 3 1 2 0 3 2 5\nStirling 3 0 1 2 1 3 1';
    for (const team of ['Greenock Morton', 'Dundee']) expect(typeOf(table, team)).toBe('organization');
  });

  it('reads a place from "east of X", "the town of X" and "X, 200 km from …"', () => {
    expect(typeOf('The rebels were about three km east of Tavildara around the village of Layron.', 'Tavildara')).toBe('place');
    expect(typeOf('Troops took Tavildara on Friday. Tavildara, 200 km east of the capital, is now quiet.', 'Tavildara')).toBe('place');
  });

  it('reads teams from a results line and a standings row, whatever their names look like', () => {
    const text = 'Results of games played on Thursday:\nLotte 6 Hyundai 2\nHaitai 2 Samsung 0\n\nStandings:\nLotte 46 6 54 .462 14';
    for (const team of ['Lotte', 'Hyundai', 'Haitai', 'Samsung']) expect(typeOf(text, team)).toBe('organization');
    // A golfer's scores are no result line.
    expect(typeOf('Leading scores after the second round:\nNolan Henke 66 65\nBob Estes 67 68', 'Nolan Henke')).toBe('person');
  });

  it('keeps a strong shape against weak evidence: a country in a sentence about it stays a place', () => {
    expect(typeOf('Unemployment in France rose to 10% in March, the government said.', 'France')).toBe('place');
  });
});

describe('words around names that are no names', () => {
  const names = (text: string) => analyze(text).entities.map((e) => [e.name, e.type]);

  it('drops an occupation opening a sentence before a name, and keeps a given name\'s hyphenated syllable', () => {
    const text = 'The market fell again. Broker Khurshid Alam said the mood would stay weak. Fullback Andre Joubert scored the other try. The Red Cross asked for the return of Kim In-so, said Li Song-ho. The Smith-led team lost in the Blair-era budget.';
    const found = analyze(text).entities.map((e) => e.name);
    for (const name of ['Khurshid Alam', 'Andre Joubert', 'Kim In-so', 'Li Song-ho', 'Smith', 'Blair']) expect(found).toContain(name);
    for (const name of ['Broker Khurshid Alam', 'Fullback Andre Joubert', 'Smith-led', 'Blair-era']) expect(found).not.toContain(name);
  });

  it('reads "General Election" as an election, not General Election the person', () => {
    expect(names('The Budget will be the last before the General Election, officials said.')).toContainEqual(['General Election', 'event']);
  });

  it('drops a word describing a party member, keeping a known place', () => {
    expect(names('Fellow Lib Dem Norman Baker said the plan would fail.')).toEqual([['Lib Dem', 'organization'], ['Norman Baker', 'person']]);
    expect(names('London Tory MPs met on Monday.')).toEqual([['London', 'place'], ['Tory', 'organization']]);
  });

  it('keeps a company named "X of Y Ltd" whole, and parts a place from the acronym after it', () => {
    expect(names('Gold Fields of South Africa Ltd said profits rose.')).toEqual([['Gold Fields of South Africa Ltd', 'organization']]);
    expect(names('"It levels the field," said John Casesa of Schroder Wertheim & Co.')).toEqual([['John Casesa', 'person'], ['Schroder Wertheim & Co.', 'organization']]);
    expect(names('The Chicago NAPM index rose to 51.2 in August.')).toEqual([['Chicago', 'place'], ['NAPM', 'organization']]);
  });

  it('reads clubs named after their town as clubs, and no entity in "Shadow", "Test" or "the Scots"', () => {
    expect(names('Glasgow Rangers have made a third bid for the Scotland captain.')).toContainEqual(['Glasgow Rangers', 'organization']);
    expect(names('Shadow education secretary Tim Collins said the plan would fail.')).toEqual([['Tim Collins', 'person']]);
    expect(names('The coach held out hope for the struggling Scots before the Test series in New Zealand.').map((n) => n[0])).toEqual(['New Zealand']);
    expect(names('He will pick players from the Six Nations for the tour.')).toEqual([['Six Nations', 'event']]);
  });

  it('reads tournaments and finals as events', () => {
    expect(names('Woods won the BellSouth Classic in Atlanta on Sunday.')).toContainEqual(['BellSouth Classic', 'event']);
    expect(names('Johnson will run in the IAAF Grand Prix Final in Milan.')).toContainEqual(['IAAF Grand Prix Final', 'event']);
    // An event's "of" keeps it whole: no "Golf" organisation.
    expect(names('Mayfair tied for second at the World Series of Golf last week.')).toEqual([['World Series of Golf', 'event']]);
  });

  it('reads plans, laws and agreements as other', () => {
    expect(names('He likened it to the Marshall Plan used by the United States.')).toContainEqual(['Marshall Plan', 'other']);
    expect(names('The Human Rights Act came into force in 2000.')).toContainEqual(['Human Rights Act', 'other']);
  });
});

describe('first names alone', () => {
  it('join the one person of the article with that first name, and no one where two share it or a title goes before', () => {
    const one = analyze('Australia coach Eddie Jones was in London. Eddie in particular told me how tough it was.').entities;
    expect(one.find((e) => e.name === 'Eddie Jones')?.aliases).toEqual(['Eddie']);
    const two = analyze('Charles Kennedy met Charles Clarke in London. Charles said the talks went well.').entities.map((e) => e.name);
    expect(two).toEqual(expect.arrayContaining(['Charles Kennedy', 'Charles Clarke', 'Charles']));
    const royal = analyze('Charles Kennedy met Prince Charles in London on Monday.').entities;
    expect(royal.find((e) => e.name === 'Charles Kennedy')?.aliases).toEqual([]);
  });
});

describe('lists of names', () => {
  const names = (text: string) => analyze(text).entities.map((e) => [e.name, e.type]);

  it('keeps "and" and "of" inside the items of a list of seats, all of them places', () => {
    const text = 'The seats the party says it can win are: Bristol West, Cardiff Central, Holborn and St Pancras, Oldham East and Saddleworth, Isle of Wight, Cities of London and Westminster, Westmorland and Lonsdale.';
    expect(names(text)).toEqual(
      ['Bristol West', 'Cardiff Central', 'Holborn and St Pancras', 'Oldham East and Saddleworth', 'Isle of Wight', 'Cities of London and Westminster', 'Westmorland and Lonsdale'].map((n) => [n, 'place']),
    );
  });

  it('reads the last "and" of a list of people or firms as the list\'s own, and keeps a firm\'s "and"', () => {
    const people = names('Tony Blair, Gordon Brown, John Prescott and Jack Straw met in Downing Street on Monday.').map((n) => n[0]);
    expect(people).toEqual(expect.arrayContaining(['Tony Blair', 'Gordon Brown', 'John Prescott', 'Jack Straw']));
    const firms = names('The defendants are Altria Group, RJ Reynolds Tobacco, Lorillard Tobacco, Liggett Group and Brown and Williamson. The trial began in May.').map((n) => n[0]);
    expect(firms).toEqual(expect.arrayContaining(['Liggett Group', 'Brown and Williamson']));
  });
});

describe('not names, and one row per person', () => {
  const names = (text: string) => analyze(text).entities.map((e) => `${e.name}/${e.type}`);

  it('keeps a surname\'s particles inside the name, and reads such a name as a person\'s', () => {
    const names = (text: string) => entities(text).map((e) => `${e.name}:${e.type}`);
    expect(names('He passed to Joost van der Westhuizen for the try.')).toEqual(['Joost van der Westhuizen:person']);
    expect(names('On Friday Ata-ur-Rehman took three wickets.')).toEqual(['Ata-ur-Rehman:person']);
    // "and" is no particle: two places stay two.
    expect(names('Talks in Bosnia and Herzegovina ended.')).toEqual(['Bosnia:place', 'Herzegovina:place']);
  });

  it('takes no number opening a sentence for a name ("Seven Iraqis were charged")', () => {
    expect(entities('Seven Iraqis who seized a Sudanese airliner were charged on Friday.').map((e) => e.name)).toEqual([]);
    expect(entities('Twenty Britons were among the passengers, the Foreign Office said.').map((e) => e.name)).toEqual(['Foreign Office']);
  });

  it('takes no plural acronym or acronym of a thing for an entity', () => {
    expect(names('Labour MPs voted against the plan. Sales of DVD players fell.')).toEqual(['Labour/organization']);
  });

  it('knows parties and awards from the gazetteer', () => {
    expect(names('The Liberal Democrats want the Oscar for best film to go to Clint Eastwood.')).toEqual(
      expect.arrayContaining(['Liberal Democrats/organization', 'Oscar/event']),
    );
  });

  it('joins an initial-and-surname form in a team list to the full name, and keeps other initials apart', () => {
    const entities = analyze('Kieran Campbell won his first cap. Team: K Campbell, R Wilson, D Hickie.').entities;
    const campbell = entities.filter((e) => /Campbell/.test(e.name));
    expect(campbell).toHaveLength(1);
    expect(campbell[0]!.aliases).toContain('K Campbell');
    expect(entities.map((e) => e.name)).toEqual(expect.arrayContaining(['R Wilson', 'D Hickie']));
  });
});

describe('party names and titles', () => {
  const names = (text: string) => analyze(text).entities.map((e) => `${e.name}/${e.type}`);

  it('splits a party and a title from the person they describe, and drops a bare title', () => {
    expect(names('Labour MP George Galloway met Tory Liam Fox. The Home Secretary was not there.')).toEqual([
      'Labour/organization',
      'George Galloway/person',
      'Tory/organization',
      'Liam Fox/person',
    ]);
  });

  it('makes one entity of the names of one party, named by the fullest form in the article', () => {
    const [party, ...rest] = analyze('The Tories said taxes would fall. The Conservatives published their plans on Monday.').entities;
    expect(rest).toEqual([]);
    expect([party!.name, party!.aliases]).toEqual(['Conservatives', ['Tories']]);
  });
});
