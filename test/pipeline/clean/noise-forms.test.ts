/**
 * Noise told by its form (issue 8): each form is removed in invented texts, and a sentence of the story with a
 * similar shape stays. Outlets, coins and wording here are made up.
 */
import { describe, expect, it } from 'vitest';
import { clean } from '../../../src/pipeline/clean/index.ts';
import { removedBy } from './helpers.ts';

const P = 'Lumenchain rose 4% on Tuesday after its validators approved a fee cut, traders said in notes to clients.';
const TITLE = 'Lumenchain climbs after fee cut vote';

/** Cleans `P + noise + P` and returns what is left besides the prose, and the rules that fired. */
function around(noise: string, opts: { source?: string } = {}) {
  const r = clean(`${P} ${noise} ${P}`, { title: TITLE, source: opts.source ?? null });
  return { text: r.text, rules: [...new Set(r.removed.map((x) => x.rule))] };
}

describe('disclaimer without a label', () => {
  it('removes a sentence denying that the page is advice, and the short advice sentence after it', () => {
    const noise = 'This report may quote outside views; nothing on this site amounts to investment advice under our terms. Always consult a licensed professional.';
    const r = around(noise);
    expect(r.text).not.toContain('nothing on this site');
    expect(r.text).not.toContain('licensed professional');
    expect(r.text).toContain('fee cut, traders said');
  });

  it('stops at a parenthesis that closes the denial, keeping the heading after it', () => {
    const r = clean(`${P} (Mind you, this is not financial advice.) Can Lumenchain keep its lead? ${P}`, { title: TITLE });
    expect(r.text).not.toContain('not financial advice');
    expect(r.text).toContain('Can Lumenchain keep its lead?');
  });

  it('keeps a regulator reported denying that its guidance is advice', () => {
    const prose = 'The agency said its new guidance is not investment advice and does not bind any exchange.';
    expect(clean(`${P} ${prose} ${P}`, { title: TITLE }).text).toContain(prose);
    const story = 'None of the funds in the new basket offer investment advice to their holders, a filing shows.';
    expect(clean(`${P} ${story} ${P}`, { title: TITLE }).text).toContain(story);
  });
});

describe('stray label at the end', () => {
  it('removes a link label left alone after the closing disclaimer', () => {
    const r = clean(`${P} Disclaimer: This article is for informational purposes only. Source Page`, { title: TITLE });
    expect(r.text.trim()).toBe(P);
  });

  it('keeps a short closing line of the story that ends in punctuation', () => {
    const r = clean(`${P} Disclaimer: This article is for informational purposes only.\n${P}\nStay safe!`, { title: TITLE });
    expect(r.text).toContain('Stay safe!');
  });
});

describe('sentence end after a closing quote', () => {
  it('ends the quoted sentence at its closing quote, so an offer line after it is read on its own', () => {
    const r = clean(`${P} The founder wrote, “We will not sell a single coin.” Join Quarkex today and claim a $40 bonus in minutes`, { title: TITLE });
    expect(r.text).toContain('“We will not sell a single coin.”');
    expect(r.text).not.toContain('Quarkex');
  });

  it('keeps a quote that runs on inside its sentence', () => {
    const prose = 'He called the vote “a first step.” and left the stage before questions.';
    expect(clean(`${P} ${prose}`, { title: TITLE }).text).toContain(prose);
  });
});

describe("editor's note on how the piece was made", () => {
  it('removes a labelled note saying who chose or wrote parts of this article', () => {
    const r = around("Editor's note: The key points of this article were chosen by Ledgerwire's desk editors.");
    expect(r.text).not.toContain('key points');
    expect(r.rules).toContain('credit-line');
  });

  it('keeps a sentence of the story about a report being written by someone', () => {
    const prose = 'The report was written by two former regulators and was chosen by the committee as its reference text.';
    expect(around(prose).text).toContain(prose);
  });
});

describe('publication-line', () => {
  it('removes a run of labelled publishing fields with a date, whatever separates them', () => {
    for (const line of [
      'Publication: LEDGERWIRE — 4 May 2026 | 10:15 (UTC) Reporter: Jane Roe, Reporter at Ledgerwire',
      'Published: 2026-05-04 · Updated: 2026-05-05 · Author: LEDGERWIRE',
      'Author: Ledgerwire Desk | Published: May 4, 2026',
    ]) {
      const r = around(line);
      expect(r.text, line).not.toContain('2026');
      expect(r.text, line).toContain('fee cut, traders said');
    }
  });

  it("keeps an event's date and time fields, and prose that mentions a publication date", () => {
    const event = 'Date: 12 June 2026 • Time: 14:00 • Venue: Harbour Hall, Lisbon';
    expect(around(event).text).toContain('Venue: Harbour Hall');
    const prose = 'The report was published on May 4, 2026 and updated a day later after readers found an error.';
    expect(around(prose).text).toContain(prose);
  });

  it('removes a publication line worded as a clause, "Published by NAME; updated DATE.", with its full stop', () => {
    const r = around('Published by LEDGERWIRE; updated 2026-05-04.');
    expect(r.text).not.toContain('LEDGERWIRE');
    expect(r.text).not.toMatch(/^\s*\.\s*$/m);
  });

  it('keeps a sentence of the story saying who published a report, with a date later in it', () => {
    const prose = 'The audit was published by Ledgerwire; updated figures on May 4, 2026 showed a gap in reserves.';
    expect(around(prose).text).toContain(prose);
  });

  it('stops before the sentence that follows the last name', () => {
    const r = clean(`${P} Published: 2026-05-04 | Author: LEDGERWIRE What is a fee vote? A fee vote lets validators set fees.`, { title: TITLE });
    expect(r.text).toContain('What is a fee vote?');
    expect(r.text).not.toContain('LEDGERWIRE');
  });
});

describe('chart captions told by their credit', () => {
  it('removes a dated chart title with a dash before its source, even right under a sub-heading', () => {
    const r = clean(`${P} Supply check – Still climbing Total Stablecoin Supply, May 4, 2026 – Source: Chartdeck ${P}`, { title: TITLE });
    expect(r.text).not.toContain('Chartdeck');
    expect(r.text).toContain('Supply check – Still climbing');
  });

  it('removes a caption sentence set off from its source by a bar', () => {
    const r = around('Lumenchain jumped after the listing, reaching $0.42 within hours | Source: Chartdeck');
    expect(r.text).not.toContain('within hours');
    expect(r.text).toContain('fee cut, traders said');
  });

  it('keeps prose that names a source with a date, and a sentence with a bar in it', () => {
    const prose = 'Supply rose to $310 billion on May 4, 2026 – the data source, Chartdeck, said the pace was steady.';
    expect(around(prose).text).toContain(prose);
    const table = 'Fees fell from 0.3% | 0.2% across the two pools, the team said.';
    expect(around(table).text).toContain(table);
  });
});

describe('reader-pitch', () => {
  it('removes a question to the reader answered by imperatives, up to the addressee of a glued call', () => {
    const r = clean(`${P} Want your token seen by serious funds? List it in our quarterly market map, where builders meet capital. ${P}`, { title: TITLE });
    expect(r.text).not.toContain('quarterly market map');
    const glued = clean(`${P} Ready to make your launch louder? See how focused campaigns pay off. 👉 Reach out to Brightwire PR Outlook Prices may stay range-bound this week.`, { title: TITLE });
    expect(glued.text).not.toContain('Brightwire');
    expect(glued.text).toContain('Outlook Prices may stay range-bound this week.');
  });

  it('keeps a question the story asks and answers in prose', () => {
    const prose = 'Need to know why fees fell? The validators voted to halve them after a month of debate.';
    expect(around(prose).text).toContain(prose);
    const asked = 'Want proof that demand is back? Look at the order books: bids doubled in a week.';
    expect(around(asked).text).toContain('Want proof that demand is back?');
  });
});

describe('promo labels and contact lines', () => {
  it("removes a promo's button label between two blocks and a press release's contact line", () => {
    const r = clean(`${P} Quarkex lets traders hedge in one click. Learn more about Quarkex Why Hedging Matters Now Volatility has doubled since March, the team said. Press Contact press@quarkex.io`, { title: TITLE });
    expect(r.text).not.toContain('Learn more about Quarkex');
    expect(r.text).toContain('Why Hedging Matters Now');
    expect(r.text).not.toContain('press@quarkex.io');
  });

  it('keeps a guide heading on buying a coin, prose pointing to more reading, and an address inside a sentence', () => {
    const guide = 'How to buy Lumen The easiest route is a regulated exchange that lists it.';
    expect(around(guide).text).toContain(guide);
    const prose = 'Learn more about Lumenchain in the project’s own documentation before you stake.';
    expect(around(prose).text).toContain(prose);
    const quote = 'The team asked users to report bugs to security@lumen.example within a day.';
    expect(around(quote).text).toContain(quote);
  });
});

describe('related-links header named by its topic', () => {
  it('removes a "More on <topic>" header and the run of headlines after it', () => {
    const r = clean(`${P}\nMore on markets Why Fee Cuts Rarely Last The Week Ahead In Five Charts Validators Push Back On Lumen Vote`, { title: TITLE });
    expect(r.text.trim()).toBe(P);
  });

  it('keeps prose that says more on something', () => {
    const prose = 'More on the Fed chair’s remarks came later in the day, when she took questions.';
    expect(around(prose).text).toContain(prose);
  });
});

describe('self-promotion worded afresh', () => {
  it("removes an offer in the outlet's voice, and a conditional pointer to the outlet by name", () => {
    const offer = clean(`${P} Sharpen your entries with live mentors - 14 days free access to our signals desk`, { title: TITLE });
    expect(offer.text.trim()).toBe(P);
    const r = around('If you want more calm coverage of fee markets, you can always find more at Ledgerwire .', { source: 'Ledgerwire' });
    expect(r.text).not.toContain('find more at Ledgerwire');
  });

  it("keeps a story's sentence about a free offer, and a conditional sentence of advice", () => {
    const prose = 'Users who bridge before June get free access to the exchange’s premium tier, which costs $5 a month.';
    expect(around(prose).text).toContain(prose);
    const advice = 'If you want exposure without custody risk, a spot fund is the simpler route, one adviser noted.';
    expect(around(advice, { source: 'Ledgerwire' }).text).toContain(advice);
  });
});

describe('presale-promo closes', () => {
  const story = 'Lumenchain validators voted to halve fees on Tuesday. Fees had doubled since March, squeezing small traders. The cut takes effect next week, the foundation said. Analysts expect volumes to recover within a month.';
  it('removes an inserted promo closed by "Buy X Here." or by a how-to-buy sentence naming the official website', () => {
    const promo = 'Meanwhile, some traders look at presales. One is VOLTIX ($VOLTIX), a mining token with staking. VOLTIX rewards holders daily. To buy $VOLTIX at its presale price, head to the VOLTIX official website and connect a wallet (e.g. any browser wallet ). You can pay by card to get $VOLTIX tokens.';
    const r = clean(`${story} ${promo}`, { title: TITLE });
    expect(r.text).not.toContain('VOLTIX');
    const plain = clean(`${story} Newer coins may suit some traders. GRIDNODE is one such coin, now in presale. Buy GRIDNODE Here.`, { title: TITLE });
    expect(plain.text).not.toContain('GRIDNODE');
    expect(plain.text).toContain('Analysts expect volumes to recover within a month.');
  });

  it('removes an inserted promo closed by its button, "Visit the Official Website Here", from the heading of its cash tag', () => {
    const promo = 'Orbit Frog ($ORBF): A Staking Game in Presale Away from the fee vote, Orbit Frog ($ORBF) offers a staking game with a burn on every spin. The presale has passed $2 million. You can buy $ORBF on the official website with a card.';
    const r = clean(`${story} ${promo} Visit the Official Orbit Frog Website Here`, { title: TITLE });
    expect(r.text).not.toContain('Orbit Frog');
    expect(r.text).not.toContain('Visit the Official');
    expect(r.text).toContain('Analysts expect volumes to recover within a month.');
  });

  it("keeps a sponsored piece's body when the headline names the token by name, and its contact list", () => {
    const own = `${story} Orbit Frog ($ORBF) opened its presale on Monday. Buyers paid $0.01 a token. Visit the Official Orbit Frog Website Here`;
    expect(clean(own, { title: 'Orbit Frog opens presale as fee votes spread' }).text).toContain('Buyers paid $0.01 a token.');
    const contacts = `${story} Orbit Frog ($ORBF) opened its presale on Monday. Buyers paid $0.01 a token. For More Information: Website: Visit the Official ORBF Website Telegram: Join the channel`;
    expect(clean(contacts, { title: TITLE }).text).toContain('Buyers paid $0.01 a token.');
  });

  it('keeps a story about a token when the headline names it', () => {
    const own = 'GRIDNODE opened its presale on Monday. Buyers paid $0.01 a token. Buy GRIDNODE Here.';
    expect(clean(own, { title: 'GRIDNODE opens presale' }).text).toContain('Buyers paid $0.01 a token.');
  });
});

describe('self-promotion naming the outlet in any case', () => {
  it("removes an imperative that points at the outlet by name, even when the outlet writes its name in capitals", () => {
    const r = around('Read key signals and trade guidance — LEDGERWIRE.', { source: 'LedgerWire' });
    expect(r.text).not.toContain('LEDGERWIRE');
    expect(around('Stay informed with LEDGERWIRE reporting.', { source: 'LedgerWire' }).text).not.toContain('LEDGERWIRE');
  });

  it("keeps the outlet's own statement about its coverage and a story's sentence quoting the outlet", () => {
    const own = 'LEDGERWIRE will keep tracking the vote as validators report results.';
    expect(around(own, { source: 'LedgerWire' }).text).toContain(own);
    const cited = 'Data compiled by LedgerWire show fees fell 40% after the vote.';
    expect(around(cited, { source: 'LedgerWire' }).text).toContain(cited);
  });
});

describe('a call to action that names the outlet, in verbs no list holds', () => {
  it('removes an imperative or an address to the reader whose object is the outlet, with its short slogan before it, and says which rule', () => {
    const r = clean(`${P} Be seen by the right crowd. Advertise in Ledger Wire Research and meet the builders who read it.`, { title: TITLE, source: 'LedgerWire' });
    expect(r.text.trim()).toBe(P);
    expect(r.removed.map((x) => x.rule)).toEqual(['self-promotion']);
    expect(r.removed[0].category).toBe('cta');
    const reader = around('Whenever you need the long view on validator politics, you will find it at LEDGERWIRE .', { source: 'LedgerWire' });
    expect(reader.text).not.toContain('long view');
  });

  it("keeps a closing sentence of the story of the same shape: the outlet as subject, a figure, or a lower-case phrase that only looks like the name", () => {
    const own = 'Ledger Wire will continue to track the vote and what you can expect from the validators next.';
    expect(around(own, { source: 'LedgerWire' }).text).toContain(own);
    const figure = 'Watch the 40% level, which Ledger Wire data show has held since March.';
    expect(around(figure, { source: 'LedgerWire' }).text).toContain(figure);
    const lower = 'Watch the bitcoin world react to the fee cut over the coming weeks.';
    expect(around(lower, { source: 'Bitcoin World' }).text).toContain(lower);
    const slogan = 'Keep an eye on volumes.';
    expect(around(`${slogan} Lumenchain fees fell after the vote.`, { source: 'LedgerWire' }).text).toContain(slogan);
  });
});

describe('attribution-note: a sourcing note in the attribution block', () => {
  const story = `${P} Validators will vote again in June, the foundation said.`;
  it('removes a labelled note on what the reporting rests on, right after the publication line, as a byline', () => {
    const r = clean(`${story} Publication: LEDGERWIRE — 4 May 2026 | 10:15 Sourcing notes: Based on the foundation's vote records and two validator posts. Sources cited: Ana Mora (validator), the fee tracker.`, { title: TITLE });
    expect(r.text).not.toContain('Sourcing notes');
    expect(r.text).not.toContain('Sources cited');
    expect(r.removed.find((x) => x.rule === 'attribution-note')?.category).toBe('byline');
    expect(r.text).toContain('the foundation said.');
  });

  it("keeps a story's sentence on its sources with no byline before it, and an editor's note after a byline", () => {
    const sources = 'Sources close to the foundation: the vote may slip to July.';
    expect(clean(`${story} ${sources} ${P}`, { title: TITLE }).text).toContain(sources);
    const update = "Editor's note: This story was updated with the final vote count.";
    expect(clean(`${story} Publication: LEDGERWIRE — 4 May 2026 | 10:15 ${update}`, { title: TITLE }).text).toContain(update);
  });
});

describe("contact-invitation: the writer's sign-off asking the reader to write back", () => {
  it('removes the invitation with its address and the short closing lines after it, as a call to action', () => {
    const signOff = 'Got a question for next week? Feel free to email me at ana@ledgerwire.example or find me on Bluesky @anamora . You can also join our reader chat on Telegram . Until next time!';
    const r = clean(`${P} ${signOff}`, { title: TITLE });
    expect(r.text).not.toContain('email me');
    expect(r.text).not.toContain('reader chat');
    expect(r.text).not.toContain('Until next time');
    expect(r.removed.find((x) => x.rule === 'contact-invitation')?.category).toBe('cta');
  });

  it("keeps an embedded post that asks its own readers to follow its author, and a story's line citing a press e-mail", () => {
    const post = 'Follow me for the fee tracker, DMs open @feewatch — Fee Watch (@feewatch) May 4, 2026';
    expect(around(post).text).toContain('Follow me for the fee tracker');
    const press = 'The foundation asked validators to contact its office at votes@lumenchain.example before Friday.';
    expect(around(press).text).toContain(press);
  });
});

describe('search summary before the FAQ', () => {
  it('removes a summary whose call asks the reader to track something when the FAQ or JSON-LD follows it', () => {
    const r = clean(`${P} Fee share climbs as validators back the cut; track the weekly fee index for timing. What is a fee vote? A fee vote lets validators set fees.`, { title: TITLE });
    expect(r.text).not.toContain('track the weekly fee index');
    expect(r.text).toContain('What is a fee vote?');
  });

  it('keeps advice in the story that no FAQ follows', () => {
    const prose = 'Fee share climbs as validators back the cut; track the weekly fee index for timing.';
    const r = clean(`${P} ${prose} Volumes rose 12% on the day, exchange data show.`, { title: TITLE });
    expect(r.text).toContain(prose);
  });
});

describe('link-block', () => {
  it('removes a run of labelled links, addresses or link texts, with the sentence and question that introduce it', () => {
    const block =
      'Curious about Orbit Frog (ORBF)? Explore the following resources: Website: Orbit Frog Official Site Whitepaper: View the Whitepaper Telegram: Open the Chat X (Twitter): https://x.com/orbitfrog-example';
    const r = around(block);
    expect(r.text).not.toContain('Orbit Frog');
    expect(r.text).not.toContain('x.com');
    expect(r.rules).toContain('link-block');
  });

  it("keeps a story's sentence that names a project's channels, and a single labelled link in it", () => {
    const prose = 'The team posted the notice on its website, Telegram and X accounts: all three showed the same warning to users.';
    expect(around(prose).text).toContain(prose);
    const one = 'Its only official channel was listed as Telegram: the team said other groups were fakes run by scammers.';
    expect(around(one).text).toContain(one);
  });
});

describe('chart caption with its source in parentheses', () => {
  it('takes the closing parenthesis with the source, and leaves the sub-heading above a ticker-named chart', () => {
    const r = clean(`${P} LUMEN/USD daily chart (Source: Chartdeck) ${P}`, { title: TITLE });
    expect(r.text).not.toContain('Chartdeck');
    expect(r.text).not.toMatch(/(^|\s)\)(\s|$)/);
    const next = 'The wedge broke on volume twice the daily average, and buyers held the retest on Wednesday.';
    const heading = clean(`${P} Lumen Price Breaks Out Of Falling Wedge LUMEN Price Dynamics (Source: TradingView) ${next}`, { title: TITLE });
    expect(heading.text).toContain('Lumen Price Breaks Out Of Falling Wedge');
    expect(heading.text).not.toContain('LUMEN Price Dynamics');
  });

  it('takes the whole run when a word of it is not in Title Case (no sub-heading to keep)', () => {
    const r = clean(`${P} Lumen price action this week LUMEN Price Dynamics (Source: TradingView) ${P}`, { title: TITLE });
    expect(r.text).not.toContain('LUMEN Price Dynamics');
  });
});

describe('dated-byline', () => {
  const story = 'Lumenchain rose 4% on Tuesday after its validators approved a fee cut, traders said in notes to clients.';
  it('removes a byline set off from its date, one naming its agency, one glued to its date, and an unbracketed agency credit', () => {
    for (const line of ['By Jane Roe, Ledgerwire | May 4, 2026', 'By Jane Roe (Ledgerwire)', 'Jane RoeMay 4, 2026 at 10:15 am']) {
      const r = clean(`${line} ${story}`, { title: TITLE });
      expect(r.text, line).toBe(story);
    }
    expect(clean(`${story} Reporting by Jane Roe; Editing by John Poe`, { title: TITLE }).text).toBe(story);
  });

  it("keeps a story's sentence about who reported something, and the story's first words after a name", () => {
    const prose = 'Reporting by Ledgerwire showed the fee cut was drafted in March, before the vote was called.';
    expect(clean(`${story} ${prose}`, { title: TITLE }).text).toContain(prose);
    const r = clean('By Jane Roe Lumenchain (LUMEN-USD) is trading higher after the fee vote on Tuesday.', { title: TITLE });
    expect(r.text).toContain('Lumenchain (LUMEN-USD) is trading higher');
  });
  it('removes a byline glued into a flattened page between two blocks: names glued to the date or set off by a comma or a dot', () => {
    for (const line of ['Jane RoeMay 4, 2026 10:15 AM', 'ByJane Roe, May 4, 2026 10:15 am', 'Jane Roe,Tom Poe LeeMay 4 2026, 10:15 a.m.', 'ByRiver Desk•4 May 2026']) {
      const r = clean(`Council shuts the old bridge over the river${line}${story}`, { title: null });
      expect(removedBy(r, 'dated-byline'), line).toEqual([line]);
    }
  });

  it('keeps a name and a date that run on into a sentence', () => {
    const prose = `${story}The deal was signed by Jane Roe, May 4, 2026, in the city hall.`;
    expect(removedBy(clean(prose, { title: null }), 'dated-byline')).toEqual([]);
    const spaced = `${story} Jane Roe, May 4, 2026 was the day the vote was held.`;
    expect(removedBy(clean(spaced, { title: null }), 'dated-byline')).toEqual([]);
  });
});
