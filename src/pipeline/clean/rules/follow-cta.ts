import { alternationHits, searched, type Branch } from '../alternation.ts';
import type { Rule } from '../rule.ts';

const NETWORK = String.raw`(?:X|Twitter|Facebook|Telegram|Instagram|LinkedIn|YouTube|TikTok|Discord|Google News|WhatsApp|Threads|Bluesky)`;

/**
 * Follow and join prompts: "Follow us on X , Facebook … and Google News", "Join our Trading Community on
 * Telegram", "Read U.TODAY on Google News", "We are on X, follow us … (@handle) June 15, 2025",
 * "GET FOX BUSINESS ON THE GO BY CLICKING HERE", "Follow The Daily Ledger on Twitter …" opening a sentence, and
 * letters-to-the-editor prompts.
 */
const FOLLOW: Branch[] = [
  searched(String.raw`(?:Follow|Find|Join) us on ${NETWORK}(?:\s?[,&]?\s?(?:and\s)?${NETWORK})*(?:\s?@\w+)?(?:\s?(?:for|to) [^.\n]{0,80})?\s?\.?`, '', ' us on '),
  // "Follow The Daily Ledger on Twitter and Instagram @ledger …": the outlet's name instead of "us", from a line's start
  searched(String.raw`(?<=^|\n|[.!?]\s)Follow (?:[A-Z][\w.&'’-]*\s){1,4}on ${NETWORK}(?:\s?[,&]?\s?(?:and\s)?(?:on\s)?${NETWORK})*[^.\n]{0,120}\.?`, '', 'Follow '),
  // letters prompts: "Submit a letter to the editor or write to letters@…", "Submit your letter to the editor via this form."
  searched(String.raw`(?:We want to hear what you think about this (?:article|story)\.\s?)?(?:Submit|Send|Write) (?:us )?(?:a|your) letter to the editor\b(?:[^.\n]|\.(?=\w)){0,120}\.?(?:\s?Read more Letters to the Editor\.?)?`, '', 'letter to the editor'),
  searched(String.raw`Join (?:our|the) [^.\n]{1,60}?\bon ${NETWORK}\.?`, '', 'Join '),
  searched(String.raw`Read [\w.]+ on\s?Google News`, '', 'Google News'),
  searched(String.raw`We are on ${NETWORK}, follow us[^—\n]{0,80}(?:—[^()\n]{0,60}\(@\w+\)\s?(?:[A-Z][a-z]+ \d{1,2}, \d{4})?)?`, '', 'We are on '),
  searched(String.raw`GET [A-Z ]{3,40} ON THE GO BY CLICKING HERE`, '', 'ON THE GO BY CLICKING HERE'),
  searched(String.raw`Get in touch\s?Have you been affected[^?\n]{0,120}\?(?:\s?Share your experiences)?(?:\s?Contact form)?`, '', 'Have you been affected'),
];

export const followCta: Rule = {
  name: 'follow-cta',
  category: 'cta',
  find: (text) => alternationHits(text, FOLLOW, false),
};
