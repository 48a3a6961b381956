/**
 * Invented crypto-news stories for the clustering tests, written for these tests (no real article text).
 * Times are minutes after a fixed morning; every story has a distinct outlet unless a test says otherwise.
 */
import type { StoryInput } from '../../../src/pipeline/cluster/place-story.ts';

const T0 = Date.parse('2026-03-10T08:00:00Z');
export const at = (minutes: number) => T0 + minutes * 60_000;

/** Unrelated stories of the same days: they give the document-frequency table something to learn from. */
export const BACKGROUND: StoryInput[] = [
  {
    id: 'bg-etf-flows',
    title: 'Spot Bitcoin ETFs log $310 million of inflows as price steadies',
    text: 'US spot bitcoin exchange-traded funds took in $310 million on Monday, the third straight day of inflows, according to data from Farside Investors. The largest fund added 2,900 BTC while two smaller issuers reported small outflows. Bitcoin traded near $88,000 through the session as traders waited for inflation data later in the week.',
    coins: ['BTC'],
    publishedAt: at(0),
    sourceId: 'ledgerwire',
  },
  {
    id: 'bg-mining',
    title: 'Miner Frostline expands Norwegian site to 1.2 exahashes',
    text: 'Bitcoin miner Frostline said it finished the second phase of its hydro-powered site near Tromsø, lifting its installed hashrate to 1.2 exahashes per second. The company mined 214 BTC in February and sold 60 to fund the build-out. Chief executive Ingrid Solberg said a third phase depends on a grid connection expected next year.',
    coins: ['BTC'],
    publishedAt: at(20),
    sourceId: 'hashdesk',
  },
  {
    id: 'bg-stablecoin-bill',
    title: 'Senate committee schedules vote on stablecoin reserve bill',
    text: 'The Senate Banking Committee will vote on Thursday on a bill that sets reserve and audit rules for dollar stablecoin issuers. The draft requires monthly attestations and caps the share of reserves held in commercial paper at 10%. Several amendments on foreign issuers are expected, committee aides said.',
    coins: [],
    publishedAt: at(45),
    sourceId: 'policyblock',
  },
  {
    id: 'bg-nft-market',
    title: 'NFT marketplace Glint cuts fees to zero to win back traders',
    text: 'NFT marketplace Glint removed its 2% trading fee on Tuesday after its monthly volume fell to $18 million, the lowest since it launched. Creators will still set royalties. Rival platforms have cut fees over the past year as collectors left the market.',
    coins: ['ETH'],
    publishedAt: at(70),
    sourceId: 'mintreport',
  },
  {
    id: 'bg-ether-staking',
    title: 'Ether staking queue hits six-week high',
    text: 'The queue of ether waiting to be staked on Ethereum climbed to 410,000 ETH, the longest in six weeks, as large holders moved coins into validators. Analysts at Kelp Research linked the rise to lower borrowing costs on lending protocols. Withdrawal requests fell to 95,000 ETH.',
    coins: ['ETH'],
    publishedAt: at(95),
    sourceId: 'chainpulse',
  },
  {
    id: 'bg-exchange-listing',
    title: 'Exchange Korvo lists three gaming tokens',
    text: 'Korvo will open trading for three gaming tokens on Wednesday, the exchange said in a notice. Deposits are already enabled. Korvo added 14 tokens in February and delisted five with low volume.',
    coins: [],
    publishedAt: at(130),
    sourceId: 'listingsdaily',
  },
];

/** One happening, two outlets, their own words: shared names and figures, few shared phrases. */
export const HACK_REPORT_A: StoryInput = {
  id: 'hack-a',
  title: 'UN panel says Pyongyang-linked hackers took $1.4 billion from crypto platforms',
  text: 'A confidential report by a United Nations panel of experts says hacking groups tied to North Korea stole about $1.4 billion from cryptocurrency exchanges and DeFi bridges over the past twelve months. The panel counted 47 attacks and said the proceeds funded the country’s missile programme. The report, seen by reporters on Monday, names the Lazarus Group as the main actor and says stolen funds were laundered through mixers and over-the-counter brokers in Cambodia.',
  coins: [],
  publishedAt: at(150),
  sourceId: 'ledgerwire',
  tier: 'original',
};

export const HACK_REPORT_B: StoryInput = {
  id: 'hack-b',
  title: 'North Korean cyber thieves funded missiles with crypto heists, UN experts find',
  text: 'Crypto heists worth roughly $1.4 billion helped finance North Korea’s weapons development, according to United Nations investigators. Their unpublished findings describe 47 separate intrusions into exchanges and cross-chain bridges, most attributed to the Lazarus Group. Investigators traced part of the loot to brokers in Cambodia who swapped it for cash. Sanctions experts said enforcement against such brokers remains weak.',
  coins: [],
  publishedAt: at(210),
  sourceId: 'coinherald',
  tier: 'aggregator',
};

/** A syndicated copy: the same body, the republisher's own boilerplate around it, a new headline. */
export const MINER_SALE_ORIGINAL: StoryInput = {
  id: 'miner-sale',
  title: 'Publicly listed miner Basalt Digital sells 1,150 BTC to repay convertible notes',
  text: 'Basalt Digital sold 1,150 bitcoin in the first week of March to repay $95 million of convertible notes due in April, the miner said in a filing on Tuesday. The sale cut its treasury to 3,420 BTC. Chief financial officer Marco Vitale said the company preferred selling coins to issuing new shares at current prices. Basalt mined 402 BTC in February, down 6% from January after the network difficulty rose.',
  coins: ['BTC'],
  publishedAt: at(240),
  sourceId: 'hashdesk',
  tier: 'original',
};

export const MINER_SALE_COPY: StoryInput = {
  id: 'miner-sale-copy',
  title: 'Basalt Digital dumps bitcoin to pay debt',
  text:
    'Share this article: X | Telegram | Facebook\n\n' +
    MINER_SALE_ORIGINAL.text +
    '\n\nThis article was originally published by HashDesk and is republished with permission. Follow us for daily crypto updates and join our Telegram channel for trading signals.',
  coins: ['BTC'],
  publishedAt: at(262),
  sourceId: 'cryptofeedhub',
  tier: 'content_farm',
};

/** Two different happenings about Solana on the same day. */
export const SOLANA_OUTAGE: StoryInput = {
  id: 'sol-outage',
  title: 'Solana block production halts for five hours after validator bug',
  text: 'The Solana network stopped producing blocks for about five hours on Tuesday after a bug in a validator client update caused nodes to crash. Core developers released a patch and validators coordinated a restart. Transactions resumed at 14:20 UTC. SOL fell 7% during the stoppage before recovering part of the loss.',
  coins: ['SOL'],
  publishedAt: at(300),
  sourceId: 'chainpulse',
};

export const SOLANA_ETF: StoryInput = {
  id: 'sol-etf',
  title: 'Asset manager Pinewood launches staked Solana fund in Europe',
  text: 'Pinewood Asset Management listed an exchange-traded product holding staked SOL on the Frankfurt and Zurich exchanges on Tuesday. The product passes staking rewards of about 6.8% a year to holders and charges a 0.65% fee. Pinewood said it had commitments of 40 million euros from wealth managers before launch. Solana has been among the best-performing large coins this quarter.',
  coins: ['SOL'],
  publishedAt: at(330),
  sourceId: 'ledgerwire',
};

/**
 * One price move written up twice, each outlet with its own explanation (so the two share little but the
 * coin, the level and the day), and look-alikes that are other events: a forecast at the same level, the
 * same level a day later, another level, another coin, the opposite direction.
 */
export const BTC_MOVE_A: StoryInput = {
  id: 'btc-move-a',
  title: 'Bitcoin climbs above $91,200 as short sellers are squeezed',
  text: 'Bitcoin rose to $91,200 on Tuesday afternoon. Derivatives desks reported that leveraged bears were forced out of positions on offshore venues, and funding on perpetual swaps flipped positive for the first time this month.',
  coins: ['BTC'],
  kind: 'news',
  publishedAt: at(300),
  sourceId: 'tapewatch',
};
export const BTC_MOVE_B: StoryInput = {
  id: 'btc-move-b',
  title: 'Bitcoin jumps to $91,600, helped by fund demand and a softer dollar',
  text: 'The largest cryptocurrency gained about 4% during the US session. Asset managers kept buying for their exchange-traded products, while the dollar index slipped after weaker retail sales figures.',
  coins: ['BTC'],
  kind: 'news',
  publishedAt: at(380),
  sourceId: 'coinledger',
};
export const BTC_FORECAST: StoryInput = {
  id: 'btc-forecast',
  title: 'Bitcoin could climb to $91,500 next, says a chart watcher',
  text: 'A pseudonymous trader expects the cryptocurrency to test $91,500 if the weekly candle closes strong, pointing to a rising wedge.',
  coins: ['BTC'],
  kind: 'price-prediction',
  publishedAt: at(400),
  sourceId: 'forecastly',
};
export const BTC_NEXT_DAY: StoryInput = {
  id: 'btc-next-day',
  title: 'Bitcoin rises to $91,300 after a quiet night',
  text: 'Bitcoin traded at $91,300 on Wednesday morning after an uneventful Asian session with thin volumes.',
  coins: ['BTC'],
  kind: 'news',
  publishedAt: at(300 + 24 * 60),
  sourceId: 'morningtape',
};
export const BTC_OTHER_LEVEL: StoryInput = {
  id: 'btc-other-level',
  title: 'Bitcoin surges to $96,000 in late trading',
  text: 'Bitcoin spiked to $96,000 late on Tuesday as a single large buy order cleared the books.',
  coins: ['BTC'],
  kind: 'news',
  publishedAt: at(540),
  sourceId: 'latebell',
};
export const BTC_DOWN: StoryInput = {
  id: 'btc-down',
  title: 'Bitcoin slips below $91,000 into the close',
  text: 'Bitcoin gave back its gains, falling to $90,900 as traders took profits before the close.',
  coins: ['BTC'],
  kind: 'news',
  publishedAt: at(560),
  sourceId: 'closingbell',
};
export const ETH_MOVE: StoryInput = {
  id: 'eth-move',
  title: 'Ether tops $3,400 on staking demand',
  text: 'Ether changed hands at $3,400 in European hours as deposits into validators picked up.',
  coins: ['ETH'],
  kind: 'news',
  publishedAt: at(320),
  sourceId: 'stakeview',
};
