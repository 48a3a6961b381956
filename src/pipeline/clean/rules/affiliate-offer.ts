import { isRegexSpace } from '../ascii.ts';
import type { Hit, Rule } from '../rule.ts';
import { sentenceAt } from '../sentences.ts';
import { positions, triggerWords } from '../trigger-words.ts';

/**
 * An exchange's or casino's offer dropped into a story: a short sentence that opens with a sign-up imperative and
 * dangles a reward ("Sign up to Bybit and start trading with $30,050 in welcome gifts", "Join X now and claim a $50
 * bonus in minutes", "Use code CRYPTO for 20% off fees").
 */
const OPENER = /^(?:sign up|join|register|open an account|create an account|claim|get|grab|unlock|start trading|trade|deposit|use (?:promo |bonus |referral )?code|bet|play|spin)\b/i;
/** The reward itself must be named: a sum alone ("Join the $2.5 Million Presale Giveaway") is a headline of a promo, not the offer line. */
const REWARD = /\b(?:bonus|bonuses|gift|gifts|reward|rewards|welcome|cashback|rebate|promo code|referral code|free spins|off fees|no deposit|fee discount)\b/i;
const MAX_WORDS = 25;
const WORDS = /\S+/g;
/** Only the sentences around one of REWARD's words (its last word where it has two) are read. */
const REWARD_WORDS = triggerWords(['bonus', 'bonuses', 'gift', 'gifts', 'reward', 'rewards', 'welcome', 'cashback', 'rebate', 'code', 'spins', 'fees', 'deposit', 'discount']);

export const affiliateOffer: Rule = {
  name: 'affiliate-offer',
  category: 'advertisement',
  find(text) {
    const hits: Hit[] = [];
    const at = positions(text, REWARD_WORDS);
    let readTo = -1;
    for (const pos of at) {
      if (pos < readTo) continue;
      let [s, e] = sentenceAt(text, pos);
      readTo = e;
      while (s < e && isRegexSpace(text.charCodeAt(s))) s++;
      const sentence = text.slice(s, e);
      if (OPENER.test(sentence) && REWARD.test(sentence) && (sentence.match(WORDS)?.length ?? 0) <= MAX_WORDS) hits.push({ start: s, end: e });
    }
    return hits;
  },
};
