/** Page furniture told by its form on flattened pages (invented text): glued credit blocks, screen-reader share bars. */
import { describe, expect, it } from 'vitest';
import { cleanChecked, removedBy } from './helpers.ts';

describe('dated-byline: a credit block with its publication fields glued on', () => {
  it('drops "By" and co-authors with a station name glued to the date', () => {
    const r = cleanChecked('Two hurt in a crash on the causewayByAnna Reyes,Tom Bell,9 News KXYZMarch 4, 2026A crash on the causeway left two people hurt on Tuesday, police said in a statement.');
    expect(removedBy(r, 'dated-byline')).toEqual(['ByAnna Reyes,Tom Bell,9 News KXYZMarch 4, 2026']);
    expect(r.text).toContain('A crash on the causeway left two people hurt on Tuesday, police said in a statement.');
  });

  it('drops a desk credit with labelled published and updated fields, an e-mail after a bar', () => {
    const a = cleanChecked('The vote was close.ByStaff and wire reportsPUBLISHED:March 4, 2026 at 9:30 p.m.| UPDATED:March 5, 2026 at 1:05 a.m.The city council voted on Tuesday to keep the library open for another year.');
    expect(removedBy(a, 'dated-byline')).toEqual(['ByStaff and wire reportsPUBLISHED:March 4, 2026 at 9:30 p.m.| UPDATED:March 5, 2026 at 1:05 a.m.']);
    const b = cleanChecked('A view of the harbour. (Photo/Desk)ByMara Olsen|molsen@harbourpost.comPUBLISHED:March 4, 2026 at 4:56 p.m.The harbour board met on Monday and approved the new ferry timetable for the spring.');
    expect(removedBy(b, 'dated-byline')).toEqual(['ByMara Olsen|molsen@harbourpost.comPUBLISHED:March 4, 2026 at 4:56 p.m.']);
  });

  it('drops two authors and an outlet with a clock before the date', () => {
    const r = cleanChecked('Chefs back food standards billBy Ria Moss And Dev Patel For The Ledger On SundayPublished:22:00 GMT, 4 May 2026|Updated:08:39 GMT, 5 May 2026A group of chefs urged ministers on Sunday to back the new food standards bill in full.');
    expect(removedBy(r, 'dated-byline')).toEqual(['By Ria Moss And Dev Patel For The Ledger On SundayPublished:22:00 GMT, 4 May 2026|Updated:08:39 GMT, 5 May 2026']);
  });

  it('keeps prose that opens with "By", even where a dated block is glued after it', () => {
    for (const prose of [
      'By Tuesday the council had votedMarch 3, 2026 was the day the library reopened to the public.',
      'The plan stalled for months. By Friday the mayor and the board had agreed on the budget. March 3, 2026 was set as the vote.',
      'By the end of the year the town had a new bridgeMay 4, 2026 and the ribbon was cut by the mayor.',
    ]) {
      const r = cleanChecked(prose);
      expect(removedBy(r, 'dated-byline'), prose).toEqual([]);
      expect(r.text, prose).toBe(prose);
    }
  });
});

describe('dated-byline: a dateline stamp block without "By"', () => {
  it('drops an outlet credit glued to a date with its clock, and a date and clock standing alone between blocks', () => {
    const a = cleanChecked('Eye on MoneyLedger NewsFebruary 24, 2026, 7:57 AMVoters in the county are crucial for the party, the poll found on Monday.');
    expect(removedBy(a, 'dated-byline')).toEqual(['Ledger NewsFebruary 24, 2026, 7:57 AM']);
    const b = cleanChecked('The man was jailed for three years.17 April 2026 • 2:54pmA gas fitter was jailed on Friday for the death of a woman in her flat.');
    expect(removedBy(b, 'dated-byline')).toEqual(['17 April 2026 • 2:54pm']);
    const c = cleanChecked('Here is all we knowLW Online|09 Jun 2026, 02:32 PM IST1/5 The new phone is not a flagship, the maker said on Monday.');
    expect(removedBy(c, 'dated-byline')).toEqual(['LW Online|09 Jun 2026, 02:32 PM IST']);
  });

  it('keeps dates and times inside sentences, and a bare date without a clock', () => {
    for (const prose of [
      'The council met on March 3, 2026, 10:00 AM. Then it voted.The next meeting is on May 4, 2026, at 9:00 AM in the hall.',
      'The talks ran late.On March 3, 2026, 10:00 AM the mayor spoke to the press outside.',
      'The talks ran late.May 4, 2026A new date was set for the vote, the clerk said on Monday.',
    ]) {
      const r = cleanChecked(prose);
      expect(removedBy(r, 'dated-byline'), prose).toEqual([]);
    }
  });
});

describe('share-bar: share buttons read out by their screen-reader labels', () => {
  it('drops a "Share this:" run of click-to-share buttons, the "More" button with it', () => {
    const r = cleanChecked(
      'The board approved the plan on Monday.Share this:Click to share on Facebook (Opens in new window)Click to share on Reddit (Opens in new window)Click to print (Opens in new window)MoreClick to share on Tumblr (Opens in new window)The next meeting is set for June, the chair said.',
    );
    expect(removedBy(r, 'share-bar')).toEqual([
      'Share this:Click to share on Facebook (Opens in new window)Click to share on Reddit (Opens in new window)Click to print (Opens in new window)MoreClick to share on Tumblr (Opens in new window)',
    ]);
    expect(r.text).toContain('The next meeting is set for June, the chair said.');
  });

  it('keeps a sentence that asks readers to click to share', () => {
    const prose = 'Click to share on Facebook if you liked the parade, the organisers told the crowd on Sunday.';
    expect(cleanChecked(prose).text).toBe(prose);
  });
});

describe('newsletter-cta: a sign-up form flattened into the page', () => {
  it('drops the heading, the field label, the button and the consent line glued together', () => {
    const a = cleanChecked('The vote was close, the clerk said.Never miss a storyEmail addressBy submitting your information, you agree to receive e-mail from the Ledger in line with ourTerms.The board met again on Monday to set the budget for next year.');
    expect(removedBy(a, 'newsletter-cta')).toEqual(['Never miss a storyEmail addressBy submitting your information, you agree to receive e-mail from the Ledger in line with ourTerms.']);
    const b = cleanChecked('Menu itemsSign up for email newslettersSign UpThe board met again on Monday to set the budget for next year.');
    expect(removedBy(b, 'newsletter-cta')).toEqual(['Sign up for email newslettersSign Up']);
    const c = cleanChecked('The vote was close, the clerk said.Headlines Delivered to Your InboxSign up for The Ledger’s morning and evening newsletters.All five were taken to a hospital in the city on Monday.');
    expect(removedBy(c, 'newsletter-cta')).toEqual(['Headlines Delivered to Your InboxSign up for The Ledger’s morning and evening newsletters.']);
  });

  it('keeps sentences that mention e-mail, signing up and subscribing', () => {
    const prose = 'Residents can sign up by email at the town hall. Email the clerk to subscribe, she said. The newsletter was delivered daily to every house.';
    const r = cleanChecked(prose);
    expect(removedBy(r, 'newsletter-cta')).toEqual([]);
    expect(r.text).toBe(prose);
  });
});
