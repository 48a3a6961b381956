import { describe, expect, it } from 'vitest';
import { cleanChecked, removedBy } from './helpers.ts';

describe('read-also', () => {
  const STORY = 'The bank said inflows came mostly from asset managers in Europe and Asia, and it expects the trend to continue.';

  it('takes the whole headline when the next sentence is glued on, in Title Case or sentence case, and keeps that sentence whole', () => {
    for (const insert of ['Also read: Why Ether Fees Fell to a Five-Year Low', 'See also: Bitcoin miners sell reserves as hashprice slides']) {
      const r = cleanChecked(`Solvane shares rose 4% on Tuesday.${insert}${STORY}`);
      expect(removedBy(r, 'read-also')).toEqual([insert]);
      expect(r.text).toContain(STORY);
    }
  });

  it('takes an insert under any link label at a sentence start, and one set in brackets with its brackets', () => {
    for (const insert of ['RELATED: Kraxon Exchange Halts Withdrawals After Hack', 'You may also like: Solana ETF Filing Gets Second Look', 'Keep reading: Polygon Upgrade Goes Live', '[Read More: Ether ETFs Log Record Inflows]']) {
      const r = cleanChecked(`Solvane shares rose 4% on Tuesday.\n${insert}\n${STORY}`);
      expect(removedBy(r, 'read-also')).toEqual([insert]);
      expect(r.text).toContain(STORY);
    }
  });

  it('keeps the same words inside a sentence, and does not cut a headline at a brand name glued together', () => {
    const prose = 'Analysts said related: flows matter more, and you may also like the new fee schedule.';
    expect(cleanChecked(prose).text).toBe(prose);
    const brand = cleanChecked(`Solvane shares rose 4% on Tuesday.\nRead more: Kraxon Lists CoinLedger Token After Thin Trading\n${STORY}`);
    expect(removedBy(brand, 'read-also')).toEqual(['Read more: Kraxon Lists CoinLedger Token After Thin Trading']);
    expect(brand.text).toContain(STORY);
  });

  it('drops a Title Case "Related Reading:" headline and keeps the next sentence', () => {
    const r = cleanChecked('The analyst expects a final shakeout. Related Reading: Litecoin Miners Return As Hashrate Climbs, Here Is The Outlook To back his call, he shared a chart.');
    expect(removedBy(r, 'read-also')).toEqual(['Related Reading: Litecoin Miners Return As Hashrate Climbs, Here Is The Outlook']);
    expect(r.text).toContain('To back his call, he shared a chart.');
  });

  it('leaves the next sentence its opener: a word with its comma, or a capitalised preposition before a lower-case article', () => {
    const comma = cleanChecked('Fees kept rising. Related Reading: Solana Traders Eye Record Fees As Activity Jumps However, Vela Research found that demand is cooling.');
    expect(removedBy(comma, 'read-also')).toEqual(['Related Reading: Solana Traders Eye Record Fees As Activity Jumps']);
    expect(comma.text).toContain('However, Vela Research found that demand is cooling.');
    const preposition = cleanChecked('Fees kept rising. Related Reading: Miners Brace For Lower Rewards After The Halving In an X post on Monday, the pool said output fell.');
    expect(removedBy(preposition, 'read-also')).toEqual(['Related Reading: Miners Brace For Lower Rewards After The Halving']);
    expect(preposition.text).toContain('In an X post on Monday, the pool said output fell.');
  });

  it('reads a headline on past a dash standing as a word, and ends it at the question after that dash', () => {
    const dash = cleanChecked('Fees kept rising. Related News: New Twist in the Vela Fee Dispute - Next Vote Date Set Orbit and Vela are already working together on a fix.');
    expect(removedBy(dash, 'read-also')).toEqual(['Related News: New Twist in the Vela Fee Dispute - Next Vote Date Set']);
    expect(dash.text).toContain('Orbit and Vela are already working together on a fix.');
    const question = cleanChecked('Fees kept rising. Related Reading: Vela Retests $2 – Is It Ready For A Second Leg? Orbit Eyes Third Breakout On Friday, Orbit rose 3% to a two-month high.');
    expect(removedBy(question, 'read-also')).toEqual(['Related Reading: Vela Retests $2 – Is It Ready For A Second Leg?']);
    expect(question.text).toContain('Orbit Eyes Third Breakout On Friday, Orbit rose 3%');
  });

  it('drops a sentence-case "Related:" headline up to the next sentence opener', () => {
    const r = cleanChecked('Traders eye the Fed. Related: Ether traders brace for a volatile options expiry on Friday Here, the desk said funding stayed flat.');
    expect(r.text).toContain('Here, the desk said funding stayed flat.');
    expect(r.text).not.toContain('options expiry');
  });

  it('drops a teaser card with its date and author', () => {
    const r = cleanChecked('Volume rose.You Might Also LikeTue, 07082025 - 15:22Shiba Inu Burn Rate Soars: What Next?ByJohn AdeyemiThe rally continued into Asia.');
    expect(r.text).toBe('Volume rose.\n\nThe rally continued into Asia.');
  });
});

describe('related-links', () => {
  it('drops a link list with time stamps to the end of the text', () => {
    const r = cleanChecked('The fund closed higher.Latest Crypto NewsMiners Rally as Hashprice Jumps2 hours agoETF Flows Turn Positive for the Week. Analysts Cheer the Shift5 hours ago');
    expect(r.text).toBe('The fund closed higher.');
    expect(removedBy(r, 'related-links')).toHaveLength(1);
  });

  it('stops a list in the middle of a page where prose resumes', () => {
    const r = cleanChecked('Whales sold.HOT StoriesCardano Whales Go Quiet, What Now?Solana Eyes New HighsThe fund moved 41,500 ETH to exchanges across three sessions.');
    expect(r.text).toContain('The fund moved 41,500 ETH to exchanges across three sessions.');
    expect(r.text).not.toContain('Solana Eyes New Highs');
  });
});

describe('link lists glued to prose', () => {
  it('ends a list at the prose glued after a title that opens with a ticker in parentheses', () => {
    const r = cleanChecked('Whales sold.HOT StoriesSolana Eyes New HighsDogecoin (DOGE) Nears Breakout of the YearThey sold 98,610 ETH over the past eight days.');
    expect(r.text).toBe('Whales sold.\n\nThey sold 98,610 ETH over the past eight days.');
  });

  it('takes the whole author name of a teaser card when the next sentence opens with "A"', () => {
    const r = cleanChecked('Whales sold.You Might Also LikeThu, 07172025 - 05:49Miners Rally AgainByAda ObiA recent spike in volume confirms it.');
    expect(r.text).toBe('Whales sold.\n\nA recent spike in volume confirms it.');
  });
});

describe('related-links headers on a line of their own', () => {
  it('drops "Related" and "Ähnliche Beiträge" standing alone with the link titles under them, up to the prose', () => {
    const r = cleanChecked('Fees fell 4% in June.\nRelated\nMiners Rally as Hashprice Jumps\nETF Flows Turn Positive\nThe report covers 40 exchanges in all.');
    expect(r.text).toBe('Fees fell 4% in June.\n\nThe report covers 40 exchanges in all.');
    expect(cleanChecked('Die Gebühren sanken.\nÄhnliche Beiträge').text).toBe('Die Gebühren sanken.');
  });

  it('keeps the same words inside a sentence', () => {
    const text = 'Related coverage of the vote was thin.\nAuch interessant ist der Blick auf die Gebühren.';
    expect(cleanChecked(text).text).toBe(text.replace('\n', '\n\n'));
  });
});

describe('related-links past other noise', () => {
  it('runs past a headline copy inside the list and stops at a long question that opens the prose', () => {
    const title = 'Dogecoin Whales Wake Up';
    const r = cleanChecked(
      `Prices firmed.HOT StoriesDogecoin Whales Wake UpMiners Sell Into StrengthIs the Top In?Whether this is a new accumulation phase or simply a reshuffle between wallets remains an open question for traders this week?Volumes rose.`,
      title,
    );
    expect(r.text).not.toContain('Miners Sell Into Strength');
    expect(r.text).toContain('Whether this is a new accumulation phase');
  });
});

describe('all-caps-link', () => {
  it('drops a capital-letter link line between paragraphs, keeps acronyms in a sentence', () => {
    const r = cleanChecked('The SEC and CFTC issued joint guidance on Monday.YEN WEAKENS AS TOKYO WEIGHS NEW STIMULUS PACKAGEThe euro rose.');
    expect(r.text).toBe('The SEC and CFTC issued joint guidance on Monday.\n\nThe euro rose.');
  });

  it('keeps rows of numbers, codes spread over lines and an account number', () => {
    const text = 'Monthly yields in percent:\n4,35 4,58 4,86 4,58 4,60 4,96\nMember schools:\nUFRA\nUFPX\nUEMB\nUFTQ\nUCPZ\nDonations: IBAN: DE12 3456 7890 1234 5678 90';
    expect(removedBy(cleanChecked(text), 'all-caps-link')).toEqual([]);
  });
});
