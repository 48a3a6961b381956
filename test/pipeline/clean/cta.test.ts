import { describe, expect, it } from 'vitest';
import { cleanChecked, removedBy } from './helpers.ts';

describe('newsletter-cta', () => {
  it('drops a glued newsletter block and keeps the paragraphs around it', () => {
    const text =
      'The bill passed the committee on Thursday.STORY CONTINUES BELOWDon’t miss another story.Subscribe to the Policy Brief Newsletter today.See all newslettersSign me upBy signing up, you agree to get emails from us and to ourprivacy policy.A floor vote could come next week.';
    const r = cleanChecked(text);
    expect(r.text).toBe('The bill passed the committee on Thursday.\n\nA floor vote could come next week.');
    expect(removedBy(r, 'newsletter-cta')).toHaveLength(1);
  });

  it('drops the sentence that points at the outlet’s own newsletter', () => {
    const r = cleanChecked('Supply chains are under scrutiny. Get the daily brief in your inbox with our newsletter .');
    expect(r.text).toBe('Supply chains are under scrutiny.');
  });
});

describe('follow-cta', () => {
  it('drops follow, join and Google News prompts', () => {
    const r = cleanChecked(
      'Whales added 20,000 BTC. Follow us on X , Facebook , Telegram and Google News\nJoin our Signals Group on Telegram\nRead COINWIRE onGoogle News',
    );
    expect(r.text).toBe('Whales added 20,000 BTC.');
    expect(r.removed.every((s) => s.category === 'cta')).toBe(true);
  });

  it('keeps a sentence reporting that a company joined a network', () => {
    const text = 'The exchange said it would follow regulators on X and Telegram closely.';
    expect(cleanChecked(text).text).toBe(text);
  });
});

describe('link-out-cta', () => {
  it('drops "Continue Reading:" with its linked title before the feed back-link', () => {
    const r = cleanChecked('Validators approved the change. Continue Reading: Polygon validators vote on fee split The post Polygon validators vote on fee split appeared first on Coin Wire .');
    expect(removedBy(r, 'link-out-cta')).toEqual(['Continue Reading: Polygon validators vote on fee split']);
    expect(r.text).toBe('Validators approved the change.');
  });

  it('drops a promo link block of a sponsored piece', () => {
    const r = cleanChecked('The presale is in its fourth stage. For more information about Orbit Finance (ORB) visit the links below: Website: https://orbit.example Telegram: https://t.me/orbit_example');
    expect(r.text).toBe('The presale is in its fourth stage.');
  });
});

describe('link-out-cta link blocks', () => {
  it('drops two labelled links in a row, bare domains too, keeps a site named in a sentence', () => {
    const r = cleanChecked('The team said Website: traffic doubled after launch. Learn more about Orbit here: Website: orbit.example Telegram: t.me/orbit_example X: x.com/orbit_example');
    expect(r.text).toBe('The team said Website: traffic doubled after launch.');
  });
});

describe('newsletter-cta follow-ups', () => {
  it('takes the short prompts after the newsletter line with it', () => {
    const r = cleanChecked('Volumes fell 12% on the day. Smart traders already read our newsletter. Want in? Join us .');
    expect(r.text).toBe('Volumes fell 12% on the day.');
  });

  it('drops paywall and app prompts, keeps a sentence about subscriptions', () => {
    const r = cleanChecked('The port reopened on Monday.\nTo view the full story, please subscribe to The Harbour Times.\nFor breaking news download the Harbour apps for iOS and Android.');
    expect(r.text).toBe('The port reopened on Monday.');
    const text = 'Readers who subscribe now pay less, the publisher said, and the app is free on Android.';
    expect(cleanChecked(text).text).toBe(text);
  });

  it('drops a follow prompt naming the outlet and a letters prompt, keeps a sentence about following someone', () => {
    const r = cleanChecked('The port reopened on Monday.\nFollow The Harbour Times on Twitter and Instagram @harbourtimes.\nSubmit a letter to the editor or write to letters@harbour.example.');
    expect(r.text).toBe('The port reopened on Monday.');
    const text = 'Fans who follow Ada Obi on Twitter saw the post first.';
    expect(cleanChecked(text).text).toBe(text);
  });
});

describe('reader-pitch: questions to the reader without a "you"', () => {
  const A = 'Solvane shares rose 4% on Tuesday after the lender reported record deposits.';
  const B = 'The bank said inflows came mostly from asset managers in Europe.';

  it('drops "Enjoyed this article?" or "Have a tip?" answered by an order', () => {
    for (const pitch of ['Enjoyed this article? Share it with a friend.', 'Have a tip? Send it to tips@coinledger.example.']) {
      expect(cleanChecked(`${A}\n${pitch}\n${B}`).text).toBe(`${A}\n\n${B}`);
    }
  });

  it('keeps the question when the story answers it in prose', () => {
    const prose = 'Have a tip? The regulator says informants can earn up to 30% of a fine.';
    expect(cleanChecked(`${A} ${prose} ${B}`).text).toBe(`${A} ${prose} ${B}`);
  });
});
