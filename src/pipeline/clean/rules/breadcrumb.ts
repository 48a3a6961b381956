import { matchAll, type Rule } from '../rule.ts';

/** Breadcrumbs: "…HomeNewsDogecoin", "Home › News › Markets"; they run into the headline, so they grow to the next removed span. */
const BREADCRUMB = /(?:\.{3}|…)?\bHome\s?(?:[›>»/|]\s?)?(?=News|Markets|Crypto|Business)/g;

export const breadcrumb: Rule = {
  name: 'breadcrumb',
  category: 'site_chrome',
  extend: 'to-next-noise',
  maxLength: 60,
  find: (text) => matchAll(text, BREADCRUMB),
};
