import { describe, expect, it } from 'vitest';
import { analyze } from '../src/nlp/index.js';
import type { Attribution } from '../src/types.js';

function attributions(text: string): Attribution[] {
  const r = analyze(text);
  for (const a of r.attributions) for (const p of a.contentSpans) expect(text.slice(p.start, p.end)).toBe(p.text);
  return r.attributions;
}
const brief = (a: Attribution) => ({ speaker: a.speaker?.name ?? null, content: a.content, direct: a.direct });

describe('direct quotes', () => {
  it('joins a quote split by its tag into one attribution, the comma inside the marks or after them', () => {
    for (const text of ['“My hope,” she said, “is that the council listens this time.”', '"My hope", she said, "is that the council listens this time."']) {
      expect(attributions(text).map(brief)).toEqual([{ speaker: 'she', content: 'My hope … is that the council listens this time.', direct: true }]);
    }
    // A tag holding a second cue starts a second statement.
    expect(attributions('“We cannot afford this,” Ana Reyes said, adding later, “The budget is already spent.”').map((a) => a.content)).toEqual(['We cannot afford this', 'The budget is already spent.']);
    // A tag that says more, then a quote with a tag of its own: two attributions.
    expect(attributions('“We will win,” she said, pointing at the crowd. “Nobody can stop us,” her husband added.').map(brief)).toEqual([
      { speaker: 'she', content: 'We will win', direct: true },
      { speaker: 'her husband', content: 'Nobody can stop us', direct: true },
    ]);
  });

  it('finds a quote with the speech tag after it, in curly and straight marks', () => {
    expect(attributions('“The plan is dead,” said Maria Lopez, the mayor.').map(brief)).toEqual([{ speaker: 'Maria Lopez', content: 'The plan is dead', direct: true }]);
    expect(attributions('"The plan is dead," Maria Lopez said on Monday.').map(brief)).toEqual([{ speaker: 'Maria Lopez', content: 'The plan is dead', direct: true }]);
  });

  it('joins a quote split by its attribution into one', () => {
    const [a, ...rest] = attributions('“We cannot wait for the next flood,” said Margaret Ellison. “Every year we delay, the bill grows.”');
    expect(rest).toHaveLength(0);
    expect(a!.speaker?.name).toBe('Margaret Ellison');
    expect(a!.contentSpans.map((p) => p.text)).toEqual(['We cannot wait for the next flood', 'Every year we delay, the bill grows.']);
  });

  it('takes a quote introduced with a colon', () => {
    expect(attributions('Senator Alan Brooks said: "The bill will pass next week."').map(brief)).toEqual([
      { speaker: 'Alan Brooks', content: 'The bill will pass next week.', direct: true },
    ]);
  });

  it('keeps a quote that runs over a paragraph break as one', () => {
    const text = 'Dr Ana Reyes told reporters: “The trial worked in every group we tested.\n\n“We now need a larger study before anyone can say it is safe.”';
    const list = attributions(text);
    expect(list).toHaveLength(1);
    expect(list[0]!.contentSpans).toHaveLength(2);
    expect(list[0]!.speaker?.name).toBe('Ana Reyes');
  });

  it('keeps a quote that re-opens its mark at each sentence without closing it (BBC style) as one', () => {
    const text = 'Tom Hale spoke to reporters on Monday. "The team is ready. "We have trained for a year and nobody is injured," he said. "We fly out on Friday."';
    const list = attributions(text);
    expect(list.map(brief)).toEqual([{ speaker: 'Tom Hale', content: 'The team is ready. … We have trained for a year and nobody is injured … We fly out on Friday.', direct: true }]);
    expect(list[0]!.contentSpans).toHaveLength(3);
    // The same marks closed normally are still two quotes of one speaker.
    expect(attributions('"Yes." "No," said Tom Hale.').flatMap((a) => a.contentSpans.map((p) => p.text))).toEqual(['No']);
  });

  it('attributes a quoted fragment to the subject of its cue', () => {
    const text = 'Acme Corp opened a lab to foster what it describes as “transparency, innovation and collaboration” among researchers.';
    expect(attributions(text).map(brief)).toEqual([{ speaker: 'Acme Corp', content: 'transparency, innovation and collaboration', direct: true }]);
  });

  it('ignores scare quotes and titles nobody is said to have spoken', () => {
    expect(attributions('The so-called “smart” meters were installed after the film “Blue Skies” was released.')).toEqual([]);
  });

  it('keeps the apposition as the role and the listener as the channel', () => {
    const [a] = attributions('“Meta has a long history of investing in academia,” Joelle Pineau, VP of AI research at Meta, told TechCrunch via email.');
    expect(a).toMatchObject({ speaker: { name: 'Joelle Pineau' }, role: 'VP of AI research at Meta', channel: 'TechCrunch', cue: 'told' });
  });
});

describe('reported speech', () => {
  it('finds "X said (that) …" without the cue and speaker in the content', () => {
    expect(attributions('Apple said that it would open three new stores in India next year.').map(brief)).toEqual([
      { speaker: 'Apple', content: 'it would open three new stores in India next year', direct: false },
    ]);
  });

  it('finds "…, X said." with the content before the tag', () => {
    expect(attributions('The factory will close in March, the company said.').map((a) => a.content)).toEqual(['The factory will close in March']);
  });

  it('ends what was said before a second clause with its own subject and speech verb', () => {
    const text = 'Headline\n\nMost voters said the mayor was honest, and three-quarters said the same of her rival.';
    expect(attributions(text).map((a) => [a.speakerText, a.content])).toEqual([
      ['Most voters', 'the mayor was honest'],
      ['three-quarters', 'the same of her rival'],
    ]);
  });

  it('finds "…, said X, <a long apposition>" and "…, X said Friday, as …" with the content before the tag', () => {
    expect(attributions('Its first national television ad could start this week, said Tom Hale, a longtime adviser to the family who oversees the campaign to stop the bill.').map(brief)).toEqual([
      { speaker: 'Tom Hale', content: 'Its first national television ad could start this week', direct: false },
    ]);
    expect(attributions('The long obsession with the mayor’s birth is an insult to all residents, local lawmakers said Friday afternoon, as they bristled at the questions.').map((a) => a.content)).toEqual([
      'The long obsession with the mayor’s birth is an insult to all residents',
    ]);
  });

  it('finds "according to X, …" and "X told Y …"', () => {
    const list = attributions('According to the World Bank, growth will slow to 2.4% this year. Janet Yellen told reporters that inflation was easing.');
    expect(list.map(brief)).toEqual([
      { speaker: 'World Bank', content: 'growth will slow to 2.4% this year', direct: false },
      { speaker: 'Janet Yellen', content: 'inflation was easing', direct: false },
    ]);
  });

  it('covers reporting verbs in other tenses with auxiliaries', () => {
    const list = attributions('The regulator has warned that prices could double. Critics had argued the scheme was unfair. Shell denied that it had misled investors.');
    expect(list.map((a) => a.cue)).toEqual(['has warned', 'had argued', 'denied']);
    expect(list.map((a) => a.speaker?.name)).toEqual(['The regulator', 'Critics', 'Shell']);
  });

  it('does not take negated or passive verbs as speech', () => {
    expect(attributions('Meta didn’t indicate that it would fund the group. The changes were welcomed by users across the country.')).toEqual([]);
  });
});

describe('more constructions', () => {
  it('takes "X writes in a blog post" with the post as the channel', () => {
    const [a] = attributions('Acme Corp writes in a blog post that the new model will ship in June.');
    expect(a).toMatchObject({ speaker: { name: 'Acme Corp' }, cue: 'writes', channel: 'blog post', content: 'the new model will ship in June' });
  });

  it('reads NYT-style double-apostrophe quotes', () => {
    expect(attributions("''I love depreciation,'' Mr. Rosenthal said.").map(brief)).toEqual([{ speaker: 'Rosenthal', content: 'I love depreciation', direct: true }]);
  });

  it('gives a coordinated or participle cue the subject of its sentence', () => {
    const list = attributions('Obama blasted Trump for his remarks and said the behavior would continue. Trump aimed his criticism at Obama, saying the president wanted to play golf.');
    expect(list.map((a) => [a.speaker?.name, a.content])).toEqual([
      ['Obama', 'Trump for his remarks'],
      ['Obama', 'the behavior would continue'],
      ['Trump', 'the president wanted to play golf'],
    ]);
  });

  it('resolves a spokesperson to the organisation they speak for', () => {
    const [a] = attributions('Acme Corp cut prices on Monday. A spokesperson said the cuts were temporary.');
    expect(a!.speaker).toEqual({ name: 'Acme Corp', entityId: expect.any(String) });
  });
});

describe('speakers', () => {
  it('resolves a pronoun to the nearest earlier compatible entity', () => {
    const list = attributions('Sarah Connolly joined Acme Corp in 2019. She said the company had doubled its revenue since then.');
    expect(list[0]!.speaker?.name).toBe('Sarah Connolly');
  });

  it('resolves "it" to the subject organisation and "the company" to an organisation', () => {
    const list = attributions('Acme Corp launched a new phone in Berlin. It said sales had exceeded forecasts. The company added that prices would not rise.');
    expect(list.map((a) => a.speaker?.name)).toEqual(['Acme Corp', 'Acme Corp']);
  });

  it('keeps the article words for unnamed speakers', () => {
    const [a] = attributions('People familiar with the matter said the merger would be announced on Friday.');
    expect(a!.speaker).toEqual({ name: 'People familiar with the matter', entityId: null });
  });
});

describe('bad input does not break attribution', () => {
  it('survives an unclosed quotation mark at the end of an article', () => {
    expect(() => attributions('The minister said: “We will never give up on this project and we')).not.toThrow();
  });

  it('survives a quote of 10,000 words', () => {
    const quote = Array.from({ length: 10_000 }, (_, i) => (i % 12 === 11 ? 'word.' : 'word')).join(' ');
    const list = attributions(`“${quote}” said Maria Lopez.`);
    expect(list).toHaveLength(1);
    expect(list[0]!.content.split(' ').length).toBeGreaterThan(9_000);
  });

  it('survives nested quotes and text made only of quotation marks', () => {
    const nested = attributions('“He told me ‘never again’ and left,” said Tom Hale.');
    expect(nested.map(brief)).toEqual([{ speaker: 'Tom Hale', content: 'He told me ‘never again’ and left', direct: true }]);
    expect(() => attributions('“”‘’"" “ ” « » "')).not.toThrow();
  });

  it('survives a sentence made only of names, and keeps every span inside the text', () => {
    const text = 'Tony Blair Gordon Brown Michael Howard Charles Kennedy Jack Straw David Blunkett said.';
    const list = attributions(text);
    for (const a of list) for (const p of a.contentSpans) expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(list.every((a) => a.start >= 0 && a.end <= text.length)).toBe(true);
  });
});

describe('speaker resolution', () => {
  const speakers = (text: string) => attributions(text).map((a) => [a.speaker?.name ?? null, a.speakerText]);

  it('resolves a pronoun past the names inside the quote it tags', () => {
    const text = 'Tom Hale follows the awards closely. "Voters love Clint Eastwood and the film is a hit," he said.';
    expect(speakers(text)).toEqual([['Tom Hale', 'he']]);
  });

  it('resolves "she" and "he" to a person of that gender where the first name tells', () => {
    const text = 'Anne Thompson met Robert Miles in Paris on Monday. She said the deal would be signed in March. He said the price was fair.';
    expect(speakers(text)).toEqual([
      ['Anne Thompson', 'She'],
      ['Robert Miles', 'He'],
    ]);
  });

  it('gives "X of the Y said" to the person X, with the affiliation as the role', () => {
    const [a] = attributions('Anne Thompson of the Riverside Gazette said that the film was a hit with every audience.');
    expect([a?.speaker?.name, a?.role]).toEqual(['Anne Thompson', 'of the Riverside Gazette']);
  });

  it('resolves a relative pronoun to the name it follows', () => {
    const text = 'Ana Reyes spoke after Marc Morial, the head of the league, who said that the vote would be close.';
    expect(speakers(text)[0]).toEqual(['Marc Morial', 'who']);
  });

  it('resolves a role to the person the article named with it, and keeps an unnamed role as written', () => {
    const named = 'Home Secretary Alan Brooks met the victims on Monday. The home secretary said the review would start in May.';
    expect(speakers(named)).toEqual([['Alan Brooks', 'The home secretary']]);
    const unnamed = 'Alan Brooks met the victims on Monday. The minister said the review would start in May.';
    expect(speakers(unnamed)).toEqual([['The minister', 'The minister']]);
  });

  it('resolves an age or a part played to the person in focus, not to a title inside the phrase', () => {
    const age = 'Dustin Hoffman is in London this week. The 67-year-old said he had stopped acting for two years.';
    expect(speakers(age)).toEqual([['Dustin Hoffman', 'The 67-year-old']]);
    const part = 'Dustin Hoffman is in London this week. The star of Rain Man said the film industry was in trouble.';
    expect(speakers(part)[0]?.[0]).toBe('Dustin Hoffman');
  });

  it('gives a document the author the article names for it', () => {
    const before = 'A report by the think-tank Demos was published on Monday. The report says that 25% of users have their own website.';
    expect(speakers(before).at(-1)?.[0]).toBe('Demos');
    const owner = 'A survey of wireless networks in four cities by RSA Security found that a third had no security at all.';
    expect(speakers(owner)[0]?.[0]).toBe('RSA Security');
    const none = 'The report says that 25% of users have their own website.';
    expect(speakers(none)).toEqual([['The report', 'The report']]);
  });

  it('gives a joint document both its authors, whichever of them is found first', () => {
    const text = 'Growth shows no sign of slowing, reveals the annual RSA Security and NetSurity survey. Phil Cracknell is an officer at NetSurity. The survey found that 26% of networks used default settings.';
    expect(speakers(text).at(-1)?.[0]).toBe('RSA Security and NetSurity');
  });
});

describe('quotes that go on with the last speaker', () => {
  it('carries a speaker over one narrative sentence about someone the quote then names', () => {
    const text =
      'Woodward said he had hope for the Scots. "Scotland\'s recent results have not been impressive." And Scotland forward Simon Taylor looks certain to get the call. "I took lessons from 2001. Simon Taylor is an outstanding player and he will be on the trip."';
    const last = attributions(text).at(-1)!;
    expect(last).toMatchObject({ speaker: { name: 'Woodward' }, direct: true });
    expect(last.content).toContain('I took lessons from 2001');
  });

  it('gives a mixed sentence with no cue of its own to the speaker of the sentence before', () => {
    const text = '"It seems the key worry still remains," said Anthony Crescenzi, a bond strategist. The trade deficit and the shortfall with China "are big issues going forward".';
    const last = attributions(text).at(-1)!;
    expect(last).toMatchObject({ speaker: { name: 'Anthony Crescenzi' }, direct: false });
    expect(last.content).toBe('The trade deficit and the shortfall with China "are big issues going forward"');
  });

  it('does not carry it over a sentence about someone the quote does not name, who may be speaking', () => {
    const text =
      'Woodward said he had hope for the Scots. "Scotland\'s recent results have not been impressive." Simon Taylor was at the training ground on Monday. "I just want to play and I am fit again."';
    expect(attributions(text).some((a) => a.content.includes('I just want to play'))).toBe(false);
  });
});

describe('what is not reported speech', () => {
  it('reads no attribution in a headline whose verb reports an event', () => {
    expect(attributions('Rovers reject third Ferguson bid\n\nBlackburn have turned down an offer from Rangers.')).toEqual([]);
  });

  it('takes no plural noun for a cue', () => {
    const text = 'Many firms were simply turning on their wireless access points and using default settings that anyone could find.';
    expect(attributions(text)).toEqual([]);
  });
});

describe('quote tags', () => {
  const brief2 = (text: string) => attributions(text).map(brief);

  it('reads a tag that the splitter left as a sentence of its own after the quote', () => {
    expect(brief2('“We will find the missing files before the vote.” Maria Lopez said.')).toEqual([
      { speaker: 'Maria Lopez', content: 'We will find the missing files before the vote.', direct: true },
    ]);
  });

  it('reads a tag whose speaker has a description before the name', () => {
    const [a] = attributions('“The evidence is clear,” Republican National Committee chairman Alan Brooks said.');
    expect(a?.speaker?.name).toBe('Alan Brooks');
    expect(a?.content).toBe('The evidence is clear');
  });

  it('reads "said the 46-year-old" as a speaker', () => {
    expect(attributions('“He has always been a leader,” said the 46-year-old.').map((a) => a.speakerText)).toEqual(['the 46-year-old']);
  });
});

describe('colon introductions', () => {
  it('takes no title-case heading before a colon for a speaker', () => {
    const text = 'The Gap Goes On: It was under her watch that the agency was set up. And in recent months, she said she backed the idea of a woman succeeding her.';
    expect(attributions(text).map((a) => a.content)).toEqual(['she backed the idea of a woman succeeding her']);
  });

  it('takes a sentence ending in a colon as the lead-in of the quote that opens the next paragraph', () => {
    const text = 'Ana Reyes visited the flooded street on Monday. She said:\n\n“The river rose faster than anyone had expected this year.”';
    expect(attributions(text).map((a) => [a.cue, a.content, a.direct])).toEqual([['said', 'The river rose faster than anyone had expected this year.', true]]);
  });

  it('reads a headline label with a title or an audience, and takes the whole line when it says more than its quotes', () => {
    const got = (headline: string) => attributions(`${headline}\n\nThe speech was given on Monday.`).map((a) => [a.speakerText, a.content, a.direct]);
    expect(got('Dr. Ana Reyes: The Mayor ‘Not Fit To Serve’ On The Council')).toEqual([['Dr. Ana Reyes', 'The Mayor ‘Not Fit To Serve’ On The Council', false]]);
    expect(got('Reyes to Teachers: The budget will rise next year')).toEqual([['Reyes', 'The budget will rise next year', false]]);
    expect(got('Limited Tools: The United Nations was set up for wars between nations')).toEqual([]);
  });

  it('reads a headline or transcript turn that opens with a name and a colon', () => {
    expect(attributions('Maria Lopez: We will not raise taxes this year').map(brief)).toEqual([
      { speaker: 'Maria Lopez', content: 'We will not raise taxes this year', direct: false },
    ]);
    expect(attributions('Hale: Well, the bridge is safe and it will open.').map((a) => a.speakerText)).toEqual(['Hale']);
  });

  it('reads the turns of a transcript whose speakers are in capitals, quoted or not, but no lone capital label', () => {
    const text = 'The interview went as follows.\n\n"WALLACE: Will Gennifer Flowers be at the debate tomorrow night?\n\n"PENCE: Gennifer Flowers will not be attending the debate tomorrow night.\n\nWALLACE: Then let us turn to the economy and the jobs report.\n\nPENCE: Donald Trump will cut taxes for every working family.';
    expect(attributions(text).map((a) => [a.speakerText, a.content])).toEqual([
      ['PENCE', 'Gennifer Flowers will not be attending the debate tomorrow night'],
      ['WALLACE', 'Then let us turn to the economy and the jobs report'],
      ['PENCE', 'Donald Trump will cut taxes for every working family'],
    ]);
    expect(attributions('BREAKING: The vote was moved to Monday after a long delay.')).toEqual([]);
    expect(attributions('LONDON: The vote was moved to Monday after a long delay.')).toEqual([]);
  });

  it('takes no label that names no one ("Update:", "Photo:") and no label in mid-paragraph', () => {
    expect(attributions('Update: The vote was moved to Monday after a delay.')).toEqual([]);
    expect(attributions('The plan has one aim: Cheaper homes for everyone in the city.')).toEqual([]);
  });
});

describe('headlines', () => {
  it('reads a title-case headline printed with a full stop as a headline, its speaker without "Says"', () => {
    expect(attributions('Maria Lopez Says The Bridge Will Open In May.\n\nThe council met on Monday.').map(brief)).toEqual([
      { speaker: 'Maria Lopez', content: 'The Bridge Will Open In May', direct: false },
    ]);
    expect(attributions('New Bridge Will Open In May, Maria Lopez Says.\n\nThe council met on Monday.').map(brief)).toEqual([
      { speaker: 'Maria Lopez', content: 'New Bridge Will Open In May', direct: false },
    ]);
    // A sentence of prose keeps its capitals as they are.
    expect(attributions('Maria Lopez says the bridge will open in May.').map(brief)).toEqual([{ speaker: 'Maria Lopez', content: 'the bridge will open in May', direct: false }]);
  });

  it('reads "X Says …" in a title-case headline, and no other capitalised cue', () => {
    expect(attributions('Maria Lopez Says The Bridge Will Open In May\n\nThe council met on Monday.').map(brief)).toEqual([
      { speaker: 'Maria Lopez', content: 'The Bridge Will Open In May', direct: false },
    ]);
    expect(attributions('Washington Post Reports Record Sales\n\nThe paper sold more copies.')).toEqual([]);
  });
});

describe("readers' comments, letters and columns", () => {
  it('gives "I think" outside quotation marks to the name it is signed with, or to no one, never the last politician', () => {
    const text =
      'Tony Blair has promised to cut taxes if Labour wins.\n\nI think the government should spend more money on schools and hospitals.\nJohn Smith, London\n\nWe believe the Tories will win the next election easily.\n\nTony Blair said: "I think we will win the election in May."';
    expect(attributions(text).map((a) => [a.speaker?.name ?? null, a.content])).toEqual([
      ['Tony Blair', 'to cut taxes if Labour wins'],
      ['John Smith', 'the government should spend more money on schools and hospitals'],
      [null, 'the Tories will win the next election easily'],
      ['Tony Blair', 'I think we will win the election in May.'],
    ]);
  });
});

describe('speaker phrases that took in too much', () => {
  it('keep the noun phrase after "after", a wh-word or words before a determiner', () => {
    expect(attributions('There was uncertainty after a review said the school would close in May.').map((a) => a.speakerText)).toEqual(['a review']);
  });
});

describe('verbs the tagger reads as nouns', () => {
  it('finds the verb of reported content after a company\'s name ("Acme Corp cut 500 jobs")', () => {
    expect(attributions('Acme Corp cut 500 jobs in Ohio in 2023, the company said on Monday.').map((a) => a.content)).toEqual(['Acme Corp cut 500 jobs in Ohio in 2023']);
  });

  it('reads "rose" after a noun as the verb, not the flower', () => {
    expect(attributions('Headline\n\nSales rose sharply in the first quarter, Tom Hale said.').map((a) => a.content)).toEqual(['Sales rose sharply in the first quarter']);
  });
});

describe('short objects', () => {
  it('takes a one- or two-word object of a cue that needs no clause, but never of "said"', () => {
    expect(attributions('The company has denied wrongdoing.').map((a) => [a.speaker?.name, a.content])).toEqual([['The company', 'wrongdoing']]);
    expect(attributions('The senator praised the deal.').map((a) => a.content)).toEqual(['the deal']);
    expect(attributions('The senator said goodbye.')).toEqual([]);
  });
});

describe('mixed statements', () => {
  it('keeps the whole sentence when the writer\'s words lead into the quote, with its marks, as reported speech', () => {
    const [a] = attributions('Mrs. Clinton\'s proposals send a clear message that a top priority "is increasing the tax liability at the top," Mr. Kamin said.');
    expect(a).toMatchObject({ speaker: { name: 'Kamin' }, direct: false });
    expect(a!.content).toBe('Mrs. Clinton\'s proposals send a clear message that a top priority "is increasing the tax liability at the top,"');
  });

  it('keeps a quote that opens its sentence, or follows a cue, direct', () => {
    expect(attributions('"Taxes will rise by 2% next year," Mr. Kamin said.')[0]).toMatchObject({ direct: true, content: 'Taxes will rise by 2% next year' });
    expect(attributions('Ana Reyes told reporters on Tuesday that “the bridge will open in May.”').map(brief)).toEqual([{ speaker: 'Ana Reyes', content: 'the bridge will open in May.', direct: true }]);
  });

  it('reads a quote inside the clause a cue reports as a piece of that clause', () => {
    // Words with a verb between the cue and the quote begin the clause.
    expect(attributions('Mayor Ana Reyes says her plan is the only one that “can pay for itself” within ten years.').map(brief)[0]).toEqual({
      speaker: 'Ana Reyes',
      content: 'her plan is the only one that “can pay for itself” within ten years',
      direct: false,
    });
  });

  it('never takes a cue the sentence reads on to after a quote as its tag', () => {
    // "who … wanted" relates a clause to the quote; "every time he thinks" is part of the statement.
    expect(attributions('Tom Hale says he is “a builder” who soon wanted to move past old quarrels in the party.').map(brief)).toEqual([
      { speaker: 'Tom Hale', content: 'he is “a builder” who soon wanted to move past old quarrels in the party', direct: false },
    ]);
    expect(attributions('Tom Hale said “it still makes me angry” every time he thinks about the closure of the mill.').map(brief)).toEqual([
      { speaker: 'Tom Hale', content: '“it still makes me angry” every time he thinks about the closure of the mill', direct: false },
    ]);
  });
});

describe('tags after and inside reported speech', () => {
  const got = (text: string) => attributions(text).map((a) => [a.speaker?.name ?? null, a.content]);

  it('reads "…, said X, <who X is>." with the content before the tag, however long the description', () => {
    expect(got('Officials felt comfortable with this arrangement because they could pressure the lenders, said Mr. Barrett, the lawyer for the agency.')).toEqual([
      ['Barrett', 'Officials felt comfortable with this arrangement because they could pressure the lenders'],
    ]);
  });

  it('joins both sides of a tag set off by commas', () => {
    expect(got('He has come up with a model, he said, for how the industry can keep producing coal.')).toEqual([['he', 'He has come up with a model … for how the industry can keep producing coal']]);
    const [a] = attributions('The museum, Mr. Obama said, would make visitors face uncomfortable truths.');
    expect(a!.contentSpans.map((x) => x.text)).toEqual(['The museum', 'would make visitors face uncomfortable truths']);
  });
});

describe('perceptions, intentions and stances', () => {
  it('reads "questioned whether …" as a question put, and "wondered why …" as a thought; "questioned the man" is neither', () => {
    expect(attributions('Ana Reyes questioned whether the council could pay for the bridge.').map((a) => [a.kind, a.content])).toEqual([['said', 'whether the council could pay for the bridge']]);
    expect(attributions('Tom Hale wondered why the council had waited so long.').map((a) => [a.kind, a.content])).toEqual([['thought', 'why the council had waited so long']]);
    expect(attributions('Police questioned the man for three hours.')).toEqual([]);
  });

  it('reads "see/view/regard X as Y" as a perception, and "see" alone as sight', () => {
    expect(attributions('Most voters in the county see the new bypass as a waste of money.').map((a) => [a.kind, a.content])).toEqual([['thought', 'the new bypass as a waste of money']]);
    expect(attributions('Police saw the man leave the house before midnight.')).toEqual([]);
  });

  it('reads "seems to", "sought to" and "supports" as thought, with their content', () => {
    const got = (text: string) => attributions(text).map((a) => [a.speaker?.name ?? null, a.kind, a.content]);
    expect(got('Mr. Smith seems to have changed his mind on the tax plan.')).toEqual([['Smith', 'thought', 'to have changed his mind on the tax plan']]);
    expect(got('The company sought to reassure investors on Monday.')).toEqual([['The company', 'thought', 'to reassure investors on Monday']]);
    expect(got('Senator Jane Reyes supports the bill to raise the minimum wage.')).toEqual([['Jane Reyes', 'thought', 'the bill to raise the minimum wage']]);
  });

  it('reads what someone knows, backs or attacks', () => {
    const got = (text: string) => attributions(text).map((a) => [a.speaker?.name ?? null, a.cue, a.kind]);
    expect(got('Mr. Reyes knew that the plant would close by the end of the year.')).toEqual([['Reyes', 'knew', 'thought']]);
    expect(got('The union backed the plan to cut the working week to four days.')).toEqual([['The union', 'backed', 'thought']]);
    expect(got('Senator Jane Reyes attacked the plan to cut the working week to four days.')).toEqual([['Jane Reyes', 'attacked', 'said']]);
  });

  it('knows a cue in every form, "planned" and "slammed" included, and a cue\'s own preposition', () => {
    const got = (text: string) => attributions(text).map((a) => [a.cue, a.kind, a.content]);
    expect(got('The company planned to close the plant in Leeds by the end of the year.')).toEqual([['planned', 'thought', 'to close the plant in Leeds by the end of the year']]);
    expect(got('Mr. Reyes talked about the need for new jobs in the north of England.')).toEqual([['talked about', 'said', 'the need for new jobs in the north of England']]);
  });

  it('takes the phrase after a cue\'s own preposition as what was said: "called for", "warned of", "referring to"', () => {
    const got = (text: string) => attributions(text).map((a) => [a.speaker?.name ?? null, a.cue, a.content]);
    expect(got('The mayor of Leeds called for a public inquiry into the flooding.')).toEqual([['The mayor of Leeds', 'called for', 'a public inquiry into the flooding']]);
    // A listener after "warned" or "told" is a listed group or a name, never the content's own subject.
    expect(got('The minister warned the economy would shrink next year.')).toEqual([['The minister', 'warned', 'the economy would shrink next year']]);
    expect(got('Two economists warned of a sharp slowdown in house building.')).toEqual([['Two economists', 'warned of', 'a sharp slowdown in house building']]);
    expect(got('Jane Reyes was referring to the budget passed by the council in March.')).toEqual([['Jane Reyes', 'was referring to', 'the budget passed by the council in March']]);
  });

  it('takes "spoke" only with its own preposition, an adverb allowed before it, and no other preposition for a cue\'s own', () => {
    const got = (text: string) => attributions(`Headline\n\n${text}`).map((a) => [a.cue, a.content]);
    expect(got('Senator Jane Reyes spoke favorably of the plan to rebuild the bridge.')).toEqual([['spoke favorably of', 'the plan to rebuild the bridge']]);
    expect(got('Senator Jane Reyes spoke against the backdrop of the old bridge.')).toEqual([]);
    // Criticism with no stated content is no statement; "out" is no adverb before a listener.
    expect(got('Residents have also spoken out against the move.')).toEqual([]);
    expect(got('One insider pointed out to the website that nobody was denying it.').map(([cue]) => cue)).not.toContain('pointed out to');
    expect(got('Senator Jane Reyes called into a radio show on Monday.')).toEqual([]);
    // After "that" a preposition opens the clause: it is what was said.
    expect(got('Jane Reyes said that over the last five days the river had risen.')).toEqual([['said', 'over the last five days the river had risen']]);
    expect(got('The mayor has 85 percent support among older voters.')).toEqual([]);
  });

  it('takes "focused on" and "railed against" as cues only with their preposition', () => {
    const got = (text: string) => attributions(text).map((a) => [a.cue, a.content]);
    expect(got('Senator Jane Reyes railed against the new tax on second homes.')).toEqual([['railed against', 'the new tax on second homes']]);
    expect(got('The campaign focused on jobs and the cost of housing.')).toEqual([['focused on', 'jobs and the cost of housing']]);
    // Without the preposition the verb is an act, and the noun is no cue at all.
    expect(got('Senator Jane Reyes focused her attention elsewhere for most of the year.')).toEqual([]);
    expect(got('The Reyes campaign said the new tax on second homes would be repealed.')).toEqual([['said', 'the new tax on second homes would be repealed']]);
  });

  it('ends a noun-phrase object before a time, an occasion or a second clause the writer adds', () => {
    const got = (text: string) => attributions(text).map((a) => a.content);
    expect(got('A union of flight attendants endorsed Jane Reyes for mayor on Thursday, another sign of labour backing her.')).toEqual(['Jane Reyes for mayor']);
    expect(got('Senator Jane Reyes praised the plan during a visit to Leeds last week.')).toEqual(['the plan']);
    // A clause after the cue keeps its verb and runs on: it is what was confirmed.
    expect(got('The council confirmed the road would reopen on Monday after repairs.')).toEqual(['the road would reopen on Monday after repairs']);
  });

  it('takes no "appearance" on stage for a perception', () => {
    expect(attributions('The band appeared at the festival in Leeds on Saturday.')).toEqual([]);
  });
});

describe('kinds', () => {
  const kinds = (text: string) => attributions(text).map((a) => [a.kind, a.content]);

  it('marks speech and writing as said', () => {
    expect(kinds('Maria Lopez said that the bridge would open in May.')).toEqual([['said', 'the bridge would open in May']]);
  });

  it('marks what documents, figures and polls show as found', () => {
    expect(kinds('Official figures showed that unemployment rose by 40,000 in March.')).toEqual([['found', 'unemployment rose by 40,000 in March']]);
    expect(kinds('The report suggests that 69% of firms now use broadband.')[0]?.[0]).toBe('found');
  });

  it('takes a share of those polled as the speaker, and their answers as opinions (thought)', () => {
    const text = 'Headline\n\nAnother 19 percent said they would not pick either candidate. Six in 10 voters say the mayor is decisive. A majority of Democrats say the party should move left.';
    expect(attributions(text).map((a) => [a.speakerText, a.kind])).toEqual([
      ['Another 19 percent', 'thought'],
      ['Six in 10 voters', 'thought'],
      ['A majority of Democrats', 'thought'],
    ]);
    // A figure inside what was said is no share of anyone.
    expect(kinds('Headline\n\nSales rose 5 percent, the company said.')).toEqual([['said', 'Sales rose 5 percent']]);
  });

  it('reads "be afraid/worried/confident that …" as a belief, and the adjective alone as nothing', () => {
    const text = 'Headline\n\nMany residents are afraid that the library will close. The mayor was worried that the bridge would fail. The minister is confident that the bill will pass. He was sure of it.';
    expect(kinds(text)).toEqual([
      ['thought', 'the library will close'],
      ['thought', 'the bridge would fail'],
      ['thought', 'the bill will pass'],
    ]);
  });

  it('marks beliefs, intentions and desires as thought, with an infinitive as content', () => {
    expect(kinds('Tom Hale wants to open a training centre in Leeds this year.')).toEqual([['thought', 'to open a training centre in Leeds this year']]);
    expect(kinds('Ana Reyes believes the vote will be close.')).toEqual([['thought', 'the vote will be close']]);
  });
});

describe('reported speech: content boundaries', () => {
  it('leaves an adverbial between the cue and "that" out of the content', () => {
    expect(attributions('Blackburn have said all along that they want £6m for the midfielder.').map((a) => a.content)).toEqual(['they want £6m for the midfielder']);
    expect(attributions('The council said on Monday that the bridge would open in May.').map((a) => a.content)).toEqual(['the bridge would open in May']);
    // A noun phrase before "that" is part of what was said.
    expect(attributions('Ana Reyes said the rumours that she had quit were false.').map((a) => a.content)).toEqual(['the rumours that she had quit were false']);
  });

  it('ends at a second speech verb joined by "and" or "but", which is a statement of its own', () => {
    expect(attributions('The minister said the plan was sound and warned that cuts would follow.').map(brief)).toEqual([
      { speaker: 'The minister', content: 'the plan was sound', direct: false },
      { speaker: 'The minister', content: 'cuts would follow', direct: false },
    ]);
    // A denied second verb ends the first statement too; "and reports of …" is a noun, and does not.
    expect(attributions('Ana Reyes said she would back the nominee but did not say who it would be.').map((a) => a.content)).toEqual(['she would back the nominee']);
    expect(attributions('Ana Reyes said the delays and reports of fraud had hurt the campaign.').map((a) => a.content)).toEqual(['the delays and reports of fraud had hurt the campaign']);
  });

  it('leaves several adverbials in a row before "that" out, and takes the clause before "X said <where>"', () => {
    const contents = (text: string) => attributions(text).map((a) => a.content);
    expect(contents('Tom Hale said earlier on Friday during a press conference that he would stand again.')).toEqual(['he would stand again']);
    expect(contents('Ana Reyes said in an interview with the Evening Courier last week that she would not resign.')).toEqual(['she would not resign']);
    expect(contents('The plan would cut costs by a third, the minister said in a video message to the conference.')).toEqual(['The plan would cut costs by a third']);
    expect(contents('Ana Reyes says at a campaign stop in Leeds, Yorkshire, that the plan means higher bills for every family.')).toEqual(['the plan means higher bills for every family']);
    // A subject among the words before "that" starts a clause, which is what was said.
    expect(contents('Tom Hale said on Friday he was sure that the vote would pass.')).toEqual(['he was sure that the vote would pass']);
  });

  it('takes a slide, a clip or a leaflet as a speaker, as it does a report', () => {
    expect(attributions('Most of the new jobs are part-time, one slide says.').map(brief)).toEqual([{ speaker: 'one slide', content: 'Most of the new jobs are part-time', direct: false }]);
  });

  it('ends before any participle clause set off by a comma, but not at "including"', () => {
    expect(attributions('Tom Hale is stressing his strong finish in the first round, asserting that he can win the next one too.').map((a) => a.content)[0]).toBe('his strong finish in the first round');
    expect(attributions('Ana Reyes said the cuts would hurt every school, including the two in her own ward.').map((a) => a.content)).toEqual(['the cuts would hurt every school, including the two in her own ward']);
  });

  it('leaves the listener, the addressee and a time before "that" out, and the particle of "pointed out"', () => {
    const contents = (text: string) => attributions(text).map((a) => a.content);
    expect(contents('Tom Hale told the Evening Courier newspaper of Leeds on Friday that he would stand again.')).toEqual(['he would stand again']);
    expect(contents('The residents wrote to the city council that the bridge was unsafe.')).toEqual(['the bridge was unsafe']);
    expect(contents('Ana Reyes pointed out that the budget had doubled since 2010.')).toEqual(['the budget had doubled since 2010']);
    // "at least" opens a number, not a prepositional phrase; a time takes no determiner after it.
    expect(contents('Police reported at least six arrests were made outside the stadium.')).toEqual(['at least six arrests were made outside the stadium']);
    expect(contents('Several newspapers reported on Monday the mayor had resigned.')).toEqual(['the mayor had resigned']);
  });

  it('takes the clause before ", <description> <name> says."', () => {
    expect(attributions('British firms are trading online as never before, e-commerce minister Alan Brooks says.').map(brief)).toEqual([
      { speaker: 'Alan Brooks', content: 'British firms are trading online as never before', direct: false },
    ]);
  });
});

describe('speaker resolution: roles and appositions', () => {
  const speakers = (text: string) => attributions(text).map((a) => a.speaker?.name ?? null);

  it('does not give a role to the holder of another office ("shadow home secretary")', () => {
    const text = 'Home Secretary Alan Brooks apologised. Shadow home secretary Tom Hale welcomed the apology. The home secretary said the review would start in May.';
    expect(speakers(text).at(-1)).toBe('Alan Brooks');
  });

  it('finds the person named with a role a word before the name, and a name before a role word describes', () => {
    const text = 'Rovers chief executive Alan Brooks met the bidders. Talks went well, its chief has said.';
    expect(speakers(text)).toEqual(['Alan Brooks']);
    const coach = 'Lions coach Tom Hale named his squad. "The players were simply awesome," said the Lions coach.';
    expect(speakers(coach)).toEqual(['Tom Hale']);
  });

  it('takes the name of "Name, role, added" as the speaker', () => {
    const text = '"We want the offices to stay here," Alois Rhiel, its minister for economic affairs, added.';
    expect(speakers(text)).toEqual(['Alois Rhiel']);
  });

  it('takes a titled name with an apposition after a quote, and reads past a plural noun that looks like a cue', () => {
    // A title before the name and a short apposition after it: both describe the speaker.
    expect(speakers('“Our assumption is that the veto will be overridden,” Senate Majority Leader Alan Brooks, R-Ky., said on Tuesday.')).toEqual(['Alan Brooks']);
    // "states" in the apposition is a noun, not the tag's cue.
    expect(speakers('“It is an invasion of the state regulatory domain,” Tom Hale, the attorney general of Oklahoma, one of the states suing the agency, said at an event.')).toEqual(['Tom Hale']);
  });

  it('keeps a fronted phrase out of the speaker', () => {
    const [a] = attributions('Ahead of talks with the exchange on Friday, the pan-European bourse said it may pay in cash.');
    expect(a?.speakerText).toBe('the pan-European bourse');
  });
});

describe('quotes without a tag', () => {
  it('give a quote that opens the sentence after a statement to that statement\'s speaker', () => {
    const text = 'Tom Hale said the squad was nearly settled. "Scotland have not been impressive but there have been some excellent performances."';
    expect(attributions(text).map(brief)).toEqual([
      { speaker: 'Tom Hale', content: 'the squad was nearly settled', direct: false },
      { speaker: 'Tom Hale', content: 'Scotland have not been impressive but there have been some excellent performances.', direct: true },
    ]);
  });

  it('leave a quote after narrative, or inside a sentence, unattributed', () => {
    expect(attributions('Tom Hale said the squad was nearly settled. The squad is named on Monday. "Nobody is safe."')).toHaveLength(1);
    expect(attributions('Tom Hale said the squad was nearly settled. The stadium is known as "the fortress" these days.')).toHaveLength(1);
  });
});

describe('participle clauses', () => {
  it('speak for the subject after "by", "while" and "after"', () => {
    expect(attributions('Tom Hale ended the feud by saying he would back the new leader at the conference.').map(brief)).toEqual([
      { speaker: 'Tom Hale', content: 'he would back the new leader at the conference', direct: false },
    ]);
    expect(attributions('Ana Reyes toured the plant while insisting that no jobs would be lost.').map(brief)).toEqual([{ speaker: 'Ana Reyes', content: 'no jobs would be lost', direct: false }]);
  });

  it('speak for the tag of the quote before them, with more quotes later in the article', () => {
    const text = '"We see no link to terrorism," the mayor said, adding that it would take "more hours" before details emerge. Later the police chief spoke. "It was a gas leak," he said.';
    expect(attributions(text).map((a) => [a.speakerText, a.content])).toEqual([
      ['the mayor', 'We see no link to terrorism'],
      ['the mayor', 'it would take "more hours" before details emerge'],
      ['he', 'It was a gas leak'],
    ]);
  });

  it('end the reported content before them and speak for the sentence subject, not the listener', () => {
    const text = 'Ben Hale said he saw no need to change his campaign, telling Tom Reyes that “we tell the truth, we deal with the issues”.';
    expect(attributions(text).map(brief)).toEqual([
      { speaker: 'Ben Hale', content: 'he saw no need to change his campaign', direct: false },
      { speaker: 'Ben Hale', content: 'we tell the truth, we deal with the issues', direct: true },
    ]);
  });
});

describe('speakers with more around the name', () => {
  const speakers = (text: string) => attributions(text).map((a) => a.speaker?.name ?? null);

  it('takes the person of "Name of Place, role," and "Name (party), role,"', () => {
    expect(speakers('Senator Alan Brooks of Ohio, the second Republican in the Senate, said the chamber will vote on Monday.')).toEqual(['Alan Brooks']);
    expect(speakers('Rep. Ana Reyes (D-Md.), chair of the committee, said that the process would be open.')).toEqual(['Ana Reyes']);
  });

  it('skips an aside between dashes after the cue, and keeps unnamed relations as speakers', () => {
    expect(attributions('Tom Hale said — on Twitter, as it happens — that the campaign raised $4m that day.').map((a) => [a.content, a.channel])).toEqual([
      ['the campaign raised $4m that day', 'Twitter'],
    ]);
    expect(speakers('Hamdy was also headed to Cairo, her friend said.')).toEqual(['her friend']);
  });
});

describe('a speaker is someone, or nothing', () => {
  it('keeps a group named by where it sits as the speaker, not the place or the body', () => {
    const speakers = (text: string) => attributions(text).map((a) => a.speaker?.name ?? null);
    expect(speakers('Officials in Leeds said the bridge would reopen in May.')).toEqual(['Officials in Leeds']);
    expect(speakers('Those close to him say that he will stand again.')).toEqual(['Those close to him']);
    // A person in a place is still the person.
    expect(speakers('Ana Reyes in Leeds said the bridge would reopen in May.')).toEqual(['Ana Reyes']);
  });

  it('gives a passive to its agent, past a name inside the agent\'s title', () => {
    const text = 'Maternity pay for new mothers is to rise by £1,400 as part of new proposals announced by the Trade and Industry Secretary Ana Reyes.';
    expect(attributions(text).map((a) => [a.speaker?.name, a.content])).toEqual([
      ['Ana Reyes', 'Maternity pay for new mothers is to rise by £1,400 as part of new proposals'],
    ]);
  });

  it('never resolves a pronoun to a name inside the statement itself', () => {
    const text = 'Ben Hale said the campaign would be hard. Tom Reyes would be in the very front line of that campaign, he said.';
    expect(attributions(text).map((a) => a.speaker?.name ?? null)).toEqual(['Ben Hale', 'Ben Hale']);
  });

  it('leaves the speaker empty for a clause, a prepositional phrase or a stray title word', () => {
    const clause = attributions('Readers may not let editorials tell them how to vote, the paper argued on Sunday.');
    expect(clause.every((a) => a.speaker?.name !== 'Readers may not let editorials')).toBe(true);
    const [a] = attributions('After campaign aides said the candidate would not be pigeonholed, the polls moved.');
    expect(a?.speakerText).toBe('campaign aides');
  });
});

describe('quotes signed with a dash', () => {
  it('reads a closing mark that opens its paragraph as an opening mark typed the wrong way round', () => {
    expect(attributions('Readers wrote in.\n\n”I am truly afraid that the bridge will close.” ― Karen Lowe').map(brief)).toEqual([
      { speaker: 'Karen Lowe', content: 'I am truly afraid that the bridge will close.', direct: true },
    ]);
  });

  it('give a quote followed by "― Name" to that name, and a dash inside a sentence to no one', () => {
    const text = '“The council has ignored us for ten years.” ― Ana Reyes\n“We will keep protesting until it listens.”— Tom Hale.\nThe march ended at noon.';
    expect(attributions(text).map((a) => [a.speaker?.name, a.cue, a.direct])).toEqual([
      ['Ana Reyes', '―', true],
      ['Tom Hale', '—', true],
    ]);
    expect(attributions('The stadium is known as “the fortress” — a nickname that stuck.')).toEqual([]);
  });
});

describe('more reported speech', () => {
  it('takes no title in quotes for a quote, and reads the statement after it', () => {
    const text = 'On “Fox News Sunday,” Governor Mike Pence said his running mate had only wanted to mock the other side.';
    expect(attributions(text).map(brief)).toEqual([{ speaker: 'Mike Pence', content: 'his running mate had only wanted to mock the other side', direct: false }]);
  });

  it('reads a verb the tagger takes for a plural ("Trump favors …")', () => {
    expect(attributions('Ana Reyes spoke in Ohio. She said Tom Hale favors a “strongman approach.”').map((a) => a.content)).toEqual(['Tom Hale favors a “strongman approach.”']);
  });

  it('leaves a dateline out of the content', () => {
    expect(attributions('WASHINGTON ― The new rules are an insult to every small business, top black lawmakers said.').map((a) => a.content)).toEqual([
      'The new rules are an insult to every small business',
    ]);
  });
});

describe('speaker resolution: owners, parties, authors', () => {
  const speakers = (text: string) => attributions(text).map((a) => a.speaker?.name ?? null);

  it('gives "its chief" to the chief of the organisation "its" stands for', () => {
    const text = 'Acme Holdings bosses held talks with the Riverside Exchange, its chief has said. Riverside Exchange chief executive Clara Furse and Acme Holdings chief executive Werner Seifert met on Friday.';
    expect(speakers(text)[0]).toBe('Werner Seifert');
  });

  it('gives "the party" to a party the article named', () => {
    const text = 'Students met the Liberal Democrats in Leeds. The party says the votes of students can win it 27 seats.';
    expect(speakers(text)).toEqual(['Liberal Democrats']);
  });

  it('gives an unnamed document to the one author the article names, and joint authors together', () => {
    const sole = 'Fast web access is changing how people use the net, research suggests. A report by think-tank Demos looked at 1,000 users.';
    expect(speakers(sole)).toEqual(['Demos']);
    const joint = 'The report, carried out by consultants Booz Allen Hamilton and HI Europe, was published on Monday. The report suggests that 69% of firms use broadband.';
    expect(speakers(joint).at(-1)).toBe('Booz Allen Hamilton and HI Europe');
  });
});

describe('cues that are not speech', () => {
  it('takes no passive with "has been" and no base form read as a noun', () => {
    expect(attributions('China has been accused of keeping its currency weak to boost exports.')).toEqual([]);
    expect(attributions('Many users never change the password of the access point helping them go online.')).toEqual([]);
  });

  it('takes no noun for a cue: "percentage points", "talk had been mounting", a share that "declined slightly"', () => {
    expect(attributions('Headline\n\nThe mayor led the race by 5 percentage points among likely voters.')).toEqual([]);
    expect(attributions('Headline\n\nTalk had been mounting about a challenger to the mayor in the primary.')).toEqual([]);
    expect(attributions('Headline\n\nSupport for the Green Party has declined slightly from 58 percent to 55 percent.')).toEqual([]);
    // The verbs themselves still attribute.
    expect(attributions('Headline\n\nThe mayor declined to comment on the race.').map((a) => a.content)).toEqual(['to comment on the race']);
  });
});

describe('a tag that says more', () => {
  it('gives ", adding that …" after a quote tag its own attribution, by the same speaker', () => {
    const list = attributions('“We do not see a link,” Mayor Ana Reyes said, adding that it would take more hours before details emerge.');
    expect(list.map((a) => [a.speaker?.name, a.cue, a.content])).toEqual([
      ['Ana Reyes', 'said', 'We do not see a link'],
      ['Ana Reyes', 'adding', 'it would take more hours before details emerge'],
    ]);
  });

  it('reads a cue in -ing right after a common noun as a clause cut short ("a group backing X"), and after a name as nobody\'s', () => {
    const text = 'Headline\n\nWealthy donors gave $25 million to a group backing Ana Reyes. Tom Hale has written to Ana Reyes demanding an explanation of the new rules.';
    expect(attributions(text).map((a) => [a.speakerText, a.cue, a.content])).toEqual([
      ['a group', 'backing', 'Ana Reyes'],
    ]);
    // Ana Reyes is written to; whatever is demanded, it is not hers.
    expect(attributions(text).some((a) => a.speaker?.name === 'Ana Reyes')).toBe(false);
    // An -ing word after a noun that is no cue of this kind stays a noun phrase's part.
    expect(attributions('Headline\n\nThe council is hiring staff working on the budget.')).toEqual([]);
  });

  it('gives any cue in -ing after a quote tag its own attribution: ", referring to …"', () => {
    const list = attributions('“The key to the success of these ventures was timing,” Tom Hale said, referring to the two golf resorts.');
    expect(list.map((a) => [a.speaker?.name, a.cue, a.content])).toEqual([
      ['Tom Hale', 'said', 'The key to the success of these ventures was timing'],
      ['Tom Hale', 'referring to', 'the two golf resorts'],
    ]);
  });
});

describe('clauses, nouns and "of"-phrases around a cue', () => {
  it('reads a cue word as a noun inside a noun phrase ("a flood defence plan"), and finds the real cue after it', () => {
    const list = attributions('Riverside Council approved a £28.7m flood defence plan on Tuesday after a report by the National Audit Office warned that 4,000 homes were at risk.');
    expect(list.map((a) => a.cue)).toEqual(['warned']);
    expect(list[0]!.speaker?.name).toBe('National Audit Office');
    expect(list[0]!.content).toBe('4,000 homes were at risk');
  });

  it('never takes a clause with its own verb and object as the speaker, but the subject after its subordinator', () => {
    const [a] = attributions('The city approved a new stadium scheme on Tuesday after the auditors warned that costs would double.');
    expect(a!.speaker?.name).toBe('the auditors');
    expect(attributions('The city approved a new stadium scheme on Tuesday after a review by the auditors warned that costs would double.')[0]!.speaker?.name).toBe('a review by the auditors');
    // A relative clause belongs to its subject.
    const [b] = attributions('The company that bought the site last year said it would build 200 homes.');
    expect(b!.speaker?.name).toBe('The company that bought the site last year');
  });

  it('keeps the head before "of"/"for" as the speaker, except a spokesperson, who speaks for the body', () => {
    expect(attributions('Lawyers for the family said they would appeal against the ruling.').map(brief)).toEqual([
      { speaker: 'Lawyers for the family', content: 'they would appeal against the ruling', direct: false },
    ]);
    expect(attributions('A spokesman for the ministry said the figures were wrong.')[0]!.speaker?.name).toBe('the ministry');
  });

  it('gives a quote tagged "as X writes" its quoted words, not the writer\'s sentence around them', () => {
    const [a] = attributions('The new forum may yet deliver real change for researchers, creating “a set of positive dynamics for research,” as Acme writes.');
    expect(a!.direct).toBe(true);
    expect(a!.content).toBe('a set of positive dynamics for research');
  });
});

describe('documents speak through the owner the text gives them', () => {
  it('takes "X\'s report" as X, a named owner as the entity and a described one as written', () => {
    expect(attributions('Oxfam\'s report found that inequality had grown in every region.')[0]!.speaker?.name).toBe('Oxfam');
    const [a] = attributions('Shares fell on Monday because the regulator\'s latest review suggested profits would drop.');
    expect(a!.speaker).toEqual({ name: 'the regulator', entityId: null });
    expect(a!.speakerText).toBe("the regulator's latest review");
  });
});

describe('attributions with no named source', () => {
  it('takes the question of "Asked whether …" and "when asked about …", with the asker when the text names one', () => {
    const text = 'Headline\n\nAsked whether he would run again, Tom Hale said he had not decided. Asked by reporters how the plan would be paid for, Ana Reyes declined to answer.';
    expect(attributions(text).map((a) => [a.cue, a.speakerText, a.content])).toEqual([
      ['asked', null, 'whether he would run again'],
      ['said', 'Tom Hale', 'he had not decided'],
      ['asked', 'reporters', 'how the plan would be paid for'],
      ['declined', 'Ana Reyes', 'to answer'],
    ]);
    // A request is no question: "had been asked to consider reforms" attributes nothing.
    expect(attributions('Headline\n\nThe commission had been asked to consider reforms to the law.')).toEqual([]);
  });

  it('takes "X is expected to …" as an expectation no one is named as holding: the subject and the infinitive', () => {
    const list = attributions('Headline\n\nThe vote is expected to pass easily on Monday, though few members spoke.');
    // ("few members spoke" reports nothing: "spoke" attributes only what follows it.)
    expect(list.map((a) => [a.speaker, a.kind, a.contentSpans.map((p) => p.text)])).toEqual([[null, 'thought', ['The vote', 'to pass easily on Monday']]]);
    expect(attributions('Headline\n\nIt is expected to rain on Monday.')).toEqual([]);
  });
});

describe('nouns that attribute when they are someone\'s', () => {
  it('takes the owner as the speaker and the phrase after the noun as content', () => {
    const text = 'Headline\n\nTony Blair spoke in London on Monday. His call for a public inquiry was echoed by Ana Reyes. Ana Reyes\'s attacks on the budget have drawn criticism.';
    expect(attributions(text).map((a) => [a.speaker?.name ?? null, a.cue, a.content, a.kind])).toEqual([
      ['Tony Blair', 'call for', 'a public inquiry', 'said'],
      ['Ana Reyes', 'attacks on', 'the budget', 'said'],
    ]);
  });

  it('keeps an intention\'s infinitive and marks it thought', () => {
    const text = 'Headline\n\nThe council met on Monday. Ana Reyes\'s decision to close the library angered residents.';
    expect(attributions(text).map((a) => [a.speaker?.name ?? null, a.cue, a.kind])).toEqual([['Ana Reyes', 'decision', 'thought']]);
    expect(attributions(text)[0]!.content.startsWith('to close the library')).toBe(true);
  });

  it('takes no noun that is nobody\'s, and none whose next word is not its own', () => {
    expect(attributions('Headline\n\nThe call for an inquiry was echoed by residents.')).toEqual([]);
    expect(attributions('Headline\n\nAna Reyes\'s plan was rejected by the council.')).toEqual([]);
  });
});
