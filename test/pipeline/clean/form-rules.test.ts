/** Noise told by its form, whatever the outlet's words: each rule removes its form and leaves the prose around it. */
import { describe, expect, it } from 'vitest';
import { clean } from '../../../src/pipeline/clean/index.ts';

const P = 'Bitcoin rose 3% on Monday as traders bet on rate cuts, analysts said in notes to clients.';
const TITLE = 'Bitcoin climbs on rate cut bets';

/** Cleans `P + noise + P` (or the given text) and returns what is left besides the prose, and the rules that fired. */
function around(noise: string, opts: { source?: string } = {}) {
  const r = clean(`${P}\n${noise}\n${P}`, { title: TITLE, source: opts.source ?? null });
  return { left: r.text.split('\n\n').filter((x) => x !== P), rules: [...new Set(r.removed.map((x) => x.rule))] };
}

describe('glued-run', () => {
  it('removes a menu flattened without spaces, and a tag list glued at the end of the text', () => {
    expect(around('Stocks MenuStocksMarket PulseStock Market OverviewMarket MomentumMarket Performance').left).toEqual([]);
    expect(clean(`${P}\nNorth KoreaLazarus groupChainalysis`).text).toBe(P);
  });

  it("keeps a compound name inside a sentence and brand names listed with commas, where the story's words stand on both sides", () => {
    const code = 'The developers then ran the RescueUnbondLegacyState routine to clear the stuck entries of the attacker.';
    expect(clean(`${P}\n${code}\n${P}`).text).toContain(code);
    const brands = 'Watch the flows on dashboards such as CoinLedgerPro, ChartHouse, DataQuanta, and MarketLens for updated context.';
    expect(clean(`${P}\n${brands}\n${P}`).text).toContain(brands);
  });

  it('keeps brand names and a flattened table of mostly lower-case words', () => {
    const prose = 'CoinDesk reported that BlackRock and MicroStrategy bought more bitcoin, according to TradingView data.';
    expect(clean(prose).text).toBe(prose);
    const table = 'Funding modelSource of cashFlow profileProsTrade-offsEmissionsNew token supply is continuous or capped.';
    expect(clean(table).text).toBe(table);
  });

  it("stops at the glued break where the run meets the story's sentence", () => {
    const text = 'The firm plans to build a BNB treasuryByJamie CrawleyEdited byParikshit MishraJul 17, 2025, 8:52 a.m. The plan was approved.';
    const out = clean(text).text;
    expect(out).toContain('build a BNB treasury');
    expect(out).not.toContain('Jamie Crawley');
  });
});

describe('caption-unit', () => {
  it('removes a credit glued to its maker, and a chart caption ending in its source', () => {
    expect(around('Image byTradingView').left).toEqual([]);
    expect(around('SHIBs daily chart with the 14-day RSI. (TradingView)').left).toEqual([]);
  });

  it('keeps the sentence glued after a credit, and a long sentence about a chart', () => {
    const glued = clean('SHIB chart byCoinStatsSHIBUSDThe price of SHIB has risen by 1.24% since yesterday.').text;
    expect(glued).toContain('The price of SHIB has risen by 1.24% since yesterday.');
    expect(glued).not.toContain('CoinStats');
    const prose = 'The weekly chart by Glassnode shows long-term holders adding to their positions for the third month running, a pattern last seen before the 2020 rally.';
    expect(clean(prose).text).toBe(prose);
  });
});

describe('caption-unit: a caption in a sentence of its own', () => {
  it('removes a bare media noun with a participle and no verb, and keeps a sentence that says something about a chart', () => {
    expect(around('Chart showing the jump in the price of GLINT after the listing.').left).toEqual([]);
    expect(around('Screenshot showing the wallet balance.').left).toEqual([]);
    for (const s of ['Charts showing rising open interest have circulated on X this week.', 'The chart showing funding rates was posted by the exchange.']) {
      expect(around(s).left).toEqual([s]);
    }
  });
});

describe('captions and credits on a line of their own', () => {
  it('removes a credit line however its name is written, a labelled caption and a numbered figure caption', () => {
    for (const line of ['Photo by Jane Roe / Solvane Press', 'Photograph: Alex Roe/Reuters', 'Caption: Traders at the Solvane office in Lisbon.', 'Figure 1: Bitcoin exchange reserves, 2020-2025']) {
      expect(around(line).left).toEqual([]);
    }
  });

  it('keeps a longer line that opens the same way and says what happened', () => {
    const s = 'Photo by Jane Roe shows the moment the vault doors opened, the police said on Monday.';
    expect(around(s).left).toEqual([s]);
  });
});

describe('self-promotion', () => {
  it("removes an outlet's promotion of its own channels, worded afresh", () => {
    expect(around('Follow our live coverage of the ETF decision for every update as it happens.').left).toEqual([]);
    expect(around('For more crypto market analysis, check out our weekly outlook and subscribe to our daily briefing.').left).toEqual([]);
    expect(around("You're reading State of Crypto, a CoinDesk newsletter looking at crypto and government.").left).toEqual([]);
    expect(around('To learn more about HTX, please visit https://www.htx.com/ or HTX Square.').left).toEqual([]);
  });

  it('keeps advice in the story and quoted speech that point at no channel of the outlet', () => {
    for (const s of [
      'Follow official OCC updates and Coinbase disclosures for final determinations and timelines.',
      "Watch afternoon flows, as recently we've seen huge movements around the 14:30 mark.",
      '"Follow our newsletter for the details," the company said in a statement.',
    ]) {
      expect(around(s).left).toEqual([s]);
    }
  });
});

describe('affiliate-offer', () => {
  it('removes a sign-up offer that names its reward, and keeps a promo headline with only a sum', () => {
    expect(around('Sign up to Bybit and start trading with $30,050 in welcome gifts').left).toEqual([]);
    const headline = 'Join the $2.5 Million LivLive Presale Giveaway The presale packs offer entry into the giveaway.';
    expect(around(headline).left).toEqual([headline]);
  });
});

describe('timecoded-list', () => {
  it('removes a chapter list and keeps prose that names times of day', () => {
    expect(around('00:00 Intro 01:12 Bitcoin ETF flows 03:40 Solana outage 05:10 What to watch').left).toEqual([]);
    const prose = 'Prices peaked between 06:00 and 05:00, with an intraday high at 15:00 before retracing.';
    expect(around(prose).left).toEqual([prose]);
  });

  it('ends the last chapter title where a flattened page glues the story on, not 80 characters on', () => {
    const list = '00:00 Intro 01:12 Bitcoin ETF flows 03:40 Solana outage 05:10 Outlook';
    const story = 'The foundation said the cut takes effect next week and will be reviewed in three months.';
    const r = clean(`${P} ${list} ${story}`, { title: TITLE });
    expect(r.text).toContain(story);
    expect(r.text).not.toContain('Solana outage');
    const long = clean(`${P} ${list}s for traders everywhere who follow the market closely each day ${story}`, { title: TITLE });
    expect(long.text).toContain('who follow the market closely each day');
  });
});

describe('label link-outs and credit lines', () => {
  it('removes link-outs under any label at a sentence start, in any case', () => {
    for (const s of ['MUST READ: XRP Price Prediction For October', 'Trending: Why Solana Could Outperform Ether This Quarter', "Don't Miss: Three Charts Every Trader Should Watch"]) {
      expect(around(s).left).toEqual([]);
    }
  });

  it('keeps a label inside a sentence', () => {
    const s = 'Here is what traders watch: rates, the dollar and ETF flows.';
    expect(around(s).left).toEqual([s]);
  });

  it("removes an agency's reporting credit whatever its case, and a copyright line without its sign", () => {
    expect(around('(Reporting By Jane Roe in Bengaluru; Editing by John Doe)').left).toEqual([]);
    expect(clean(`${P}\n2025 Bloomberg L.P.`).text).toBe(P);
  });
});

describe('own-post', () => {
  it("removes the outlet's own embedded post and keeps someone else's", () => {
    const own = 'UK regulator speeds up crypto approvals for firms #Crypto https://t.co/85h74ZZ7LS — Cryptonews.com (@cryptonews) October 3, 2025';
    expect(around(own, { source: 'cryptonews' }).left).toEqual([]);
    const quoted = 'ETF flows hit a record today https://t.co/85h74ZZ7LS — Eric Balchunas (@EricBalchunas) September 30, 2025';
    expect(around(quoted, { source: 'cryptonews' }).left).toEqual([quoted]);
  });

  it("keeps the story's sentence that runs straight into the outlet's post, whether the post opens with a handle or its hashtags follow a full stop", () => {
    const quote = '“Our users wanted one wallet for everything,” said Mara Quell, product lead at Galaxo.';
    const post = '@Galaxo is racing to add payments before rivals do. #Galaxo #Crypto https://t.co/Ab12Cd34Ef — Coin Ledger (@coinledger) May 4, 2026';
    const r = clean(`${P}\n${quote} ${post} The rollout starts in June.\n${P}`, { title: TITLE, source: 'Coin Ledger' });
    expect(r.text).toContain(quote);
    expect(r.text).toContain('The rollout starts in June.');
    expect(r.removed.filter((x) => x.rule === 'own-post').map((x) => x.text)).toEqual([post]);
  });
});

describe('glued-headlines', () => {
  it('removes other stories\' headlines glued together without blanks and keeps the sentence glued after them', () => {
    const list = 'Miners Sell Reserves as Fees Hit Lows?Solana (SOL) Tops 200 as Wallet Count Breaks Records512 Million in ETH Leaves Exchanges, What Comes Next?';
    const r = clean(`${P}\n${list}The outflow continued into the evening session.\n${P}`, { title: TITLE });
    expect(r.text).not.toContain('Miners Sell Reserves');
    expect(r.text).not.toContain('What Comes Next');
    expect(r.text).toContain('The outflow continued into the evening session.');
    expect(r.removed.map((x) => x.rule)).toContain('glued-headlines');
  });

  it('needs three headlines where only brand-like joins glue them, and leaves a heading glued to its first sentence', () => {
    const brand = 'Asset Manager Says Bitcoin Could Reach New Highs by 2030, VanEck Says VanEck analysts wrote in a note on Monday.';
    expect(clean(brand).text).toBe(brand);
    const heading = 'Why Traders Are Watching the Fed Chair Closely?Rates matter more than ever for risk assets, and everyone knows it.';
    expect(clean(`${P}\n${heading}`).text).toContain('Rates matter more than ever');
    const three = 'Harbor Towns Rethink Their Ferry SchedulesCity Council Approves New Budget for ParksLocal Bakery Wins Regional Award';
    expect(around(three).left).toEqual([]);
  });

  it('keeps links and handles whole: capitals glued inside them are not headline breaks', () => {
    const quoted = 'Approval could come any day. https://t.co/5AbcDe82Xy — Jane Analyst (@JaneAnalyst) September 29, 2025 Solana Price Outlook: Could TradFi Demand Push SOL Higher';
    expect(clean(quoted).text).toBe(quoted);
  });
});

describe('numbered-headlines', () => {
  it('removes a glued "most read" list and keeps a numbered list of prose steps', () => {
    expect(around('News1Insider Trading Alert: Who Bought Nvidia2Is Kratos Defense Stock a Buy?3As Palantir Bets on AI, Is PLTR a Buy?4Is SoFi Stock a Buy?').left).toEqual([]);
    const steps = 'Three steps matter. 1) Keep a stop. 2) Take profits. 3) Size positions.';
    expect(around(steps).left).toEqual([steps]);
  });
});

describe('bylines and back-links in other forms', () => {
  it('removes an author line that opens the text before the first sentence, or names who it writes for', () => {
    expect(clean(`By Ashutosh Sureka ${P}`).text).toBe(P);
    expect(around('By Jane Doe, Bloomberg').left).toEqual([]);
    expect(around('Written by Jane Doe for Reuters').left).toEqual([]);
    expect(clean(`By Jane DoeOct 3, 2025 at 10:00 am${P}`).text).toBe(P);
  });

  it('removes a wire byline glued after a flattened ticker strip and keeps the wire dateline opening the story', () => {
    const story = '(Reuters) -Bitcoin hit a record high on Monday as funds kept buying, traders said.';
    expect(clean(`In This Article:BTC-USDUSDXBy Jane Doe${story}`).text).toBe(story);
  });

  it('keeps a sentence that opens with "By" and a date word', () => {
    const s = 'By Monday Traders were nervous and sold.';
    expect(clean(s).text).toBe(s);
  });

  it('removes "originally published on" back-links', () => {
    expect(around('Originally published on Bitcoinist').left).toEqual([]);
    expect(clean(`${P} This article was originally published on Crypto Daily.`).text).toBe(P);
  });
});

describe('read-on-summary', () => {
  it("removes a search summary that restates the headline and sends the reader on, with the outlet's name after it", () => {
    expect(around('Bitcoin rate cut bets: Bitcoin climbs 3% as traders price in cuts — read the analysis and key levels.').left).toEqual([]);
    expect(around('Bitcoin climbs on rate cut bets; read the full analysis. (HARBOR NEWS)').left).toEqual([]);
    expect(around('Bitcoin rate cut bets: traders weigh the Fed — participate now.').rules).toContain('read-on-summary');
  });

  it("keeps the story's sentences that restate the headline without a call, and advice that is not a call to read", () => {
    const lead = 'Bitcoin climbs on rate cut bets as traders price in two cuts this year, analysts said.';
    expect(around(lead).left).toEqual([lead]);
    const advice = 'Bitcoin climbs on rate cut bets; watch $70,000 for a confirmed breakout.';
    expect(around(advice).left).toEqual([advice]);
  });

  it('removes a summary whose call is a sentence of its own, where the FAQ follows it', () => {
    const faq = 'What is driving the rate cut bets? Traders expect two cuts this year after weak jobs data.';
    const summary = 'Bitcoin climbs on rate cut bets—$71,200 peak—driven by ETF demand. Read the analysis and what to watch next.';
    const r = clean(`${P}\n${summary} ${faq}`, { title: TITLE });
    expect(r.text).not.toContain('Read the analysis');
    expect(r.text).not.toContain('$71,200 peak');
    expect(r.text).toContain(faq);
  });

  it("keeps a conclusion before the FAQ that ends in advice, and one with a pointer to read that is followed by more story", () => {
    const faq = 'What is driving the rate cut bets? Traders expect two cuts this year after weak jobs data.';
    const conclusion = 'Bitcoin climbs on rate cut bets as traders reprice the year. Monitor the Fed minutes for updates.';
    expect(clean(`${P}\n${conclusion} ${faq}`, { title: TITLE }).text).toContain(conclusion);
    const pointer = 'Bitcoin climbs on rate cut bets, the bank said on Monday. Read the full note on its website.';
    expect(clean(`${P}\n${pointer} ${P}`, { title: TITLE }).text).toContain(pointer);
  });

  it("keeps a call to read on that does not restate the headline (the story's own pointer to a document)", () => {
    const pointer = 'The SEC published its order on Friday — read the filing on its website.';
    expect(around(pointer).left).toEqual([pointer]);
  });
});
