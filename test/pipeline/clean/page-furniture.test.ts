import { describe, expect, it } from 'vitest';
import { cleanChecked, removedBy } from './helpers.ts';

describe('advertisement', () => {
  it('drops ad slot labels glued between paragraphs, keeps the word in a sentence', () => {
    const r = cleanChecked('The token jumped 12%.AdvertisementThe exchange ran an advertisement campaign in May.SponsoredSponsored');
    expect(r.text).toBe('The token jumped 12%.\n\nThe exchange ran an advertisement campaign in May.');
    expect(removedBy(r, 'advertisement')).toEqual(['Advertisement', 'SponsoredSponsored']);
  });
});

describe('advertisement: the slot with its note', () => {
  it("drops the slot's note that the story goes on, and keeps a sentence that continues after the word", () => {
    const r = cleanChecked('The token jumped 12%.\nADVERTISEMENT - CONTINUE READING BELOW\nThe exchange listed it in May.');
    expect(r.text).toBe('The token jumped 12%.\n\nThe exchange listed it in May.');
    const prose = 'The exchange ran an advertisement campaign and will continue reading the results below.';
    expect(cleanChecked(prose).text).toBe(prose);
  });
});

describe('image-credit', () => {
  it('drops chart captions with their source, keeps a sentence citing a source', () => {
    const text =
      'Bitcoin held above $60,000, according to CoinGlass data. ETH/USDT four-hour chart. Source: TradingView The next resistance sits near $65,000.';
    const r = cleanChecked(text);
    expect(removedBy(r, 'image-credit')).toEqual(['ETH/USDT four-hour chart. Source: TradingView']);
    expect(r.text).toContain('according to CoinGlass data.');
    expect(r.text).toContain('The next resistance sits near $65,000.');
  });

  it('drops featured-image credits and glued provider captions', () => {
    const r = cleanChecked('Whales kept selling.Exchange reserves over 30 days:CryptoQuantMeanwhile, fees fell. Featured image from Pexels, chart from TradingView.com');
    expect(r.text).toBe('Whales kept selling.\n\nMeanwhile, fees fell.');
  });

  it('ends a glued credit before the disclaimer that follows it, so the disclaimer goes too', () => {
    const r = cleanChecked('Ether rallied.Cover image viaChainWireDisclaimer: Nothing here is investment advice.Funding rates rose.');
    expect(removedBy(r, 'image-credit')).toEqual(['Cover image viaChainWire']);
    expect(r.text).toBe('Ether rallied.\n\nFunding rates rose.');
  });

  it('drops a parenthesised stock credit with the caption glued before it', () => {
    const r = cleanChecked('Rates rose again.Stacks of coins on a desk. (JaneRoePixabay)What to know:Yields climbed.');
    expect(removedBy(r, 'image-credit')).toEqual(['Stacks of coins on a desk. (JaneRoePixabay)']);
  });

  it('keeps ticker symbols in parentheses and agency datelines', () => {
    const text = 'LONDON (Reuters) - Shares of Coinbase (COIN) rose while Dogecoin (DOGE) slipped.';
    expect(cleanChecked(text).text).toBe(text);
  });
});

describe('site-chrome', () => {
  it('drops page furniture: page marks, pagers, loaders, footers', () => {
    const r = cleanChecked('Skip to content\nThe vote passed 68 to 30.\nPrev. articleNext article\nLoading more articles...\n© 2026 Chain Daily. All rights reserved.');
    expect(r.text).toBe('The vote passed 68 to 30.');
    expect(r.removed.every((s) => s.category === 'site_chrome')).toBe(true);
  });

  it('drops a link\'s "external" mark set off by a blank or closing a sentence, and keeps "external" in prose', () => {
    const mark = cleanChecked('The minister wrote on X , external that the plan was unfunded.');
    expect(removedBy(mark, 'site-chrome')).toEqual([', external']);
    expect(mark.text).toContain('that the plan was unfunded.');
    expect(cleanChecked('The figures came from the regulator, external.\nTraders shrugged.').text).not.toContain('external');
    const prose = 'The memo warned of insider threats, external attacks and data misuse.';
    expect(cleanChecked(prose).text).toBe(prose);
  });

  it('drops a breadcrumb up to the headline it runs into', () => {
    const r = cleanChecked('...HomeNewsSolanaSolana Breaks $200NewsByAda ObiFri, 04072025 - 10:15Solana rose 8% on Friday.', 'Solana Breaks $200');
    expect(removedBy(r, 'breadcrumb')).toEqual(['...HomeNewsSolana']);
    expect(r.text).toBe('Solana rose 8% on Friday.');
  });

  it('drops a trail whose crumbs are any section glued together, up to the headline', () => {
    const title = 'Solana Slips Below $180';
    const r = cleanChecked(`...HomeMarket WrapSolana (SOL) OutlookOriginal Chain Daily story${title}Solana fell 6% on Monday as fees dropped.`, title);
    expect(removedBy(r, 'breadcrumb')).toEqual(['...HomeMarket WrapSolana (SOL) OutlookOriginal Chain Daily story']);
    expect(r.text).toBe('Solana fell 6% on Monday as fees dropped.');
  });

  it('ends a trail on a line of its own with its line, and keeps the sentence on the next line', () => {
    const story = 'The bank said inflows came mostly from asset managers in Europe and Asia, and it expects the trend to continue.';
    const r = cleanChecked(`Solvane shares rose 4% on Tuesday after the lender reported record deposits.\nHome > Markets > Bitcoin\n${story}`);
    expect(removedBy(r, 'breadcrumb')).toEqual(['Home > Markets > Bitcoin']);
    expect(r.text).toContain(story);
  });

  it('keeps prose that names a home-improvement chain or says "Home" before a capitalised word', () => {
    const text = 'Home Depot said it would accept stablecoins. Home Secretary Ann Lee backed the plan.';
    expect(cleanChecked(text).text).toBe(text);
  });
});

describe('stray-label', () => {
  it('drops a section label left alone before the first removed block, keeps a dek', () => {
    const r = cleanChecked(
      'PolicyShare on TwitterShare on EmailLawmakers Back Stablecoin BillSenators added a reserve rule as the bill heads to a vote.AdvertisementThe Senate voted on Tuesday.',
      'Lawmakers Back Stablecoin Bill',
    );
    expect(removedBy(r, 'stray-label')).toEqual(['Policy']);
    expect(r.text).toContain('Senators added a reserve rule as the bill heads to a vote.');
  });
});

describe('cookie-notice', () => {
  it('drops a consent wall and its consent sentences', () => {
    const r = cleanChecked('We use cookies to improve your experience. You can accept or reject them in settings at any time.\nEther fell 4% overnight.');
    expect(r.text).toBe('Ether fell 4% overnight.');
    expect(removedBy(r, 'cookie-notice')).toHaveLength(1);
  });
});

describe('affiliate-widget', () => {
  it('drops a run of exchange names glued to button labels, keeps "explore" in prose', () => {
    const r = cleanChecked('The bank will explore custody options.Top exchanges for traders in AsiaKuCoinExploreOKXExploreBybitExploreGate.ioExploreVolumes rose.');
    expect(removedBy(r, 'affiliate-widget')).toHaveLength(1);
    expect(r.text).not.toMatch(/Explore/);
    expect(r.text).toContain('The bank will explore custody options.');
    expect(r.text).toContain('Volumes rose.');
  });
});

describe('ad labels in other languages', () => {
  it('drops "Anzeige" or "Publicidad" alone on a line, keeps the word in a sentence', () => {
    const r = cleanChecked('Der Hafen öffnet wieder.\nAnzeige\nDie Anzeige erschien am Montag.\nPublicidad');
    expect(r.text).toBe('Der Hafen öffnet wieder.\n\nDie Anzeige erschien am Montag.');
  });
});

describe('blog furniture', () => {
  it('drops comment-section labels, the filing line, share labels and a contents label standing alone', () => {
    const page = 'Inhaltsverzeichnis\nThe vote passed 68 to 30.\nThis entry was posted in Politics and tagged Senate. Bookmark the permalink.\nShare this:\nLike this:\nComments are closed.\nJoin our newsletter for the latest news.';
    expect(cleanChecked(page).text).toBe('The vote passed 68 to 30.');
  });

  it('keeps the same words inside sentences', () => {
    const text = 'The contents of the report were leaked.\nComments are closed to the public until May, and readers like this: short posts.\nThis entry was posted late, the editor admitted.';
    expect(cleanChecked(text).text).toBe(text.replaceAll('\n', '\n\n'));
  });
});

describe('table-of-contents', () => {
  it('drops a glued list of the article\'s sub-headings standing between widgets, and its second copy at the foot', () => {
    const toc = 'Why the miners kept sellingWhat the hashrate says next';
    const page =
      `Follow us on X${toc}AdvertisementMiners sold 3,000 BTC in June, data showed.Why the miners kept selling` +
      `Power costs rose across Texas for a second month.What the hashrate says nextThe hashrate fell 4% in a week.${toc}Advertisement`;
    const r = cleanChecked(page);
    expect(removedBy(r, 'table-of-contents')).toEqual([toc, toc]);
    expect(r.text).toContain('Why the miners kept sellingPower costs rose');
    expect(r.text).toContain('What the hashrate says nextThe hashrate fell 4% in a week.');
  });

  it('keeps a dek that a page renders twice: its pieces stand nowhere else', () => {
    const dek = 'Beijing consults ByteDance and Huawei on export rules for AI chips';
    const page = `Share Add us on Google ${dek} Share Add us on Google Chinese regulators weigh stricter rules. POLITICS ${dek} Share Add us on Google The ministry declined to comment.`;
    expect(removedBy(cleanChecked(page), 'table-of-contents')).toEqual([]);
  });
});

describe('interface-help', () => {
  const STORY = 'Solvane shares rose 4% on Tuesday after the lender reported record deposits from its crypto custody unit.';

  it("drops the page's own instructions for its controls at the end of the text, glued or spaced", () => {
    const help = 'Prefer a darker page? Switch on dark mode in your display settings. Tap the arrows beside each column to sort the table.';
    const r = cleanChecked(`${STORY}\n${help}`);
    expect(r.text).toBe(STORY);
    expect(removedBy(r, 'interface-help')).toEqual([help]);
    const glued = 'Need more chart tools?Right-click the chart to open its menuand pick a study. Use your left/right arrows to step through the dates.';
    expect(cleanChecked(`${STORY} ${glued}`).text).toBe(STORY);
  });

  it('keeps prose that reports on software: a statement about users, steps that name the app, orders between two sentences of the story', () => {
    const users = 'Users can switch to the new menu from the settings tab. Tap the wallet icon to open it, the company said.';
    expect(cleanChecked(`${STORY} ${users}`).text).toBe(`${STORY} ${users}`);
    const steps = 'Open the app and tap Settings. Switch the toggle to turn staking on.';
    expect(cleanChecked(`${STORY} ${steps}`).text).toBe(`${STORY} ${steps}`);
    const middle = `${STORY} Open the chart menu and select the weekly view. Then use the arrows to compare periods. Analysts expect more inflows.`;
    expect(cleanChecked(middle).text).toBe(middle);
  });
});

describe('furniture-leftover', () => {
  const STORY = 'Solvane shares rose 4% on Tuesday after the lender reported record deposits from its crypto custody unit.';
  const MENU = 'Coins MenuCoinsMarket PulseCoin OverviewCoin MomentumCoin PerformanceTop 100 Coins';
  const MORE_MENU = 'Sector RankingsSector LeadersSector PerformanceSector Movers';

  it('drops a Title Case piece of a menu left between two removed runs of it', () => {
    const r = cleanChecked(`${STORY}\n${MENU}\nCoins by Sector\n${MORE_MENU}\n${STORY}`);
    expect(r.text).toBe(`${STORY}\n\n${STORY}`);
    expect(removedBy(r, 'furniture-leftover')).toEqual(['Coins by Sector']);
  });

  it('keeps a sentence of running text between two menus, and a sub-heading with furniture on one side only', () => {
    const sentence = 'The exchange said withdrawals resume on Monday.';
    expect(cleanChecked(`${STORY}\n${MENU}\n${sentence}\n${MORE_MENU}\n${STORY}`).text).toContain(sentence);
    const heading = 'What Comes Next for Ether and Its Layer Twos';
    expect(cleanChecked(`${STORY}\n${MENU}\n${heading}\n${STORY}`).text).toContain(heading);
    expect(cleanChecked(`${STORY}\nAdvertisement\n${heading}\n${STORY}`).text).toContain(heading);
  });
});

describe('site-chrome: controls of any site', () => {
  const A = 'Solvane shares rose 4% on Tuesday after the lender reported record deposits.';
  const B = 'The bank said inflows came mostly from asset managers in Europe.';

  it('drops a control or label standing as a unit of its own, on its line or glued between sentences', () => {
    for (const control of ['Continue reading below', 'Article continues below advertisement', 'Listen to this article 4 min', 'Reading time: 3 minutes', '5 min read', 'Show comments', 'Load more', 'Next Article', 'Print this page', 'Font size A A A', 'Sign in Subscribe Search Menu']) {
      expect(cleanChecked(`${A}\n${control}\n${B}`).text).toBe(`${A}\n\n${B}`);
      expect(cleanChecked(`${A}${control}${B}`).text).toBe(`${A}\n\n${B}`);
    }
  });

  it('keeps the same words running on into a sentence', () => {
    for (const prose of ['Continue reading below the fold, the memo told staff.', 'Load more trucks onto the ferry, the mayor urged.', 'Listen to the article authors explain the model.', 'Next Article 5 of the treaty covers custody.']) {
      expect(cleanChecked(`${A} ${prose} ${B}`).text).toBe(`${A} ${prose} ${B}`);
    }
  });
});
