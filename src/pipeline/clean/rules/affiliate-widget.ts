import { holds } from '../alternation.ts';
import { matchAll, type Rule } from '../rule.ts';

/**
 * Affiliate widgets: a run of three or more names each glued to a button label ("BTSEExploreNEXOExplore…"),
 * with the widget's heading ("Best crypto platforms in Europe") when it stands right before the run.
 */
const AFFILIATE_WIDGET = /(?:Best [\p{Ll} ]{3,40}(?: in [A-Z]\w+)?)?(?:[A-Z][\w.]{1,20}?(?:Explore|Visit site|Open account|Trade now|Get started)){3,}/gu;

/** The button labels: texts without one are not scanned. */
const BUTTON = ['Explore', 'Visit site', 'Open account', 'Trade now', 'Get started'];

export const affiliateWidget: Rule = {
  name: 'affiliate-widget',
  category: 'advertisement',
  find: (text) => (holds(text, BUTTON) ? matchAll(text, AFFILIATE_WIDGET) : []),
};
