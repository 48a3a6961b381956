import { isRegexSpace } from '../ascii.ts';
import type { Hit, RemovedHit, TailRule } from '../rule.ts';
import { sentenceAt, sentences } from '../sentences.ts';
import { positions, triggerWords } from '../trigger-words.ts';

/**
 * Help text of the page itself: sentences that tell the reader how to operate the page ("Want to use this as your
 * default chart setting? Save this setup as a template. Right-click on the chart to open its menu. Use your arrow keys
 * to move through the symbols."). A flattened page keeps them where its widgets stood, beside the menus; a feed body
 * never holds them. The form is the evidence, in any site's words: an imperative of operating a control, or a question
 * offering a display option, that names an interface thing (a menu, chart, button, tab, setting, …).
 *
 * Precision: prose that reports on software names the same controls ("Users can switch to the new menu in
 * Settings"), but as a statement, not an order to the reader, and it names the product it reports on (an app, a
 * wallet). So only a run of two or more such sentences goes, one of them an order, none naming a product, and only
 * where the run closes or opens the text or touches noise already removed: help text sits in the page's furniture,
 * not between two sentences of a story.
 */
/** An order to operate a control, opening its sentence. */
const OPERATE =
  /^(?:right[- ]?click|double[- ]?click|click|tap|scroll|swipe|drag|hover|press|switch|save|open|use|select|toggle|choose|enable|disable|customi[sz]e|pinch|zoom)\b/i;
/** A question offering the reader a display option: "Want Streaming Chart Updates?", "Need More Chart Options?". */
const OFFER = /^(?:want|need|prefer|would you like|looking for)\b[^?]{0,80}\?$/i;
/**
 * Interface things, any site's (a closed vocabulary of controls, not an outlet's phrases). No word boundary at the end:
 * flattened pages glue the next word on ("charts setting?Save", "Preferencesto").
 */
const CONTROL =
  /(?<![\p{L}])(?:menus?|charts?|settings?|preferences?|arrows?|arrow keys|buttons?|templates?|tabs?(?![\p{L}])|toolbars?|icons?(?![\p{L}])|keyboard|cursor|drop-?downs?|sidebar|scroll ?bar|checkbox|toggle|layout|full ?screen|widgets?|dark mode|display|screen|theme|pages?(?![\p{L}])|views?(?![\p{L}]))/iu;
/** The product a sentence reports on: help text of the page names none, a story about an update does. */
const PRODUCT = /\b(?:apps?|application|wallets?|extension|exchange|device|phone|iPhone|Android|iOS|users?|customers?)\b/i;
/** Longest an instruction runs (words): help text is terse; a longer sentence is prose. */
const INSTRUCTION_MAX_WORDS = 30;
/** Fewest instructions in a run: one order alone may be a quoted step in a story. */
const RUN_MIN_SENTENCES = 2;
const WORDS = /\S+/g;
/** Where the scan looks: each verb or question word that can open an instruction. */
const OPENERS = triggerWords([
  'right', 'double', 'click', 'tap', 'scroll', 'swipe', 'drag', 'hover', 'press', 'switch', 'save', 'open', 'use', 'select', 'toggle', 'choose',
  'enable', 'disable', 'customize', 'customise', 'pinch', 'zoom', 'want', 'need', 'prefer', 'would', 'looking',
]);

type Kind = 'order' | 'offer' | null;

/** Whether the sentence is an instruction of the page, and which kind. */
function instruction(sentence: string): Kind {
  const s = sentence.trim();
  if (!s || (s.match(WORDS)?.length ?? 0) > INSTRUCTION_MAX_WORDS || !CONTROL.test(s) || PRODUCT.test(s)) return null;
  if (OPERATE.test(s)) return 'order';
  return OFFER.test(s) ? 'offer' : null;
}

/** Whether only white space stands between `at` and the text's end or the next removed span (`removed` sorted). */
function noiseOrEndAfter(text: string, at: number, removed: readonly RemovedHit[]): boolean {
  const next = removed.find((r) => r.start >= at);
  return blank(text, at, next ? next.start : text.length);
}

/** Whether only white space stands between the text's start or the last removed span before `at` and `at`. */
function noiseOrStartBefore(text: string, at: number, removed: readonly RemovedHit[]): boolean {
  let from = 0;
  for (const r of removed) if (r.end <= at) from = Math.max(from, r.end);
  return blank(text, from, at);
}

function blank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isRegexSpace(text.charCodeAt(i))) return false;
  return true;
}

export const interfaceHelp: TailRule = {
  name: 'interface-help',
  category: 'site_chrome',
  find(text, removed) {
    const hits: Hit[] = [];
    let readTo = -1;
    for (const at of positions(text, OPENERS)) {
      if (at < readTo) continue;
      let [s] = sentenceAt(text, at);
      while (s < at && isRegexSpace(text.charCodeAt(s))) s++;
      if (s !== at || !instruction(text.slice(s, sentenceAt(text, at)[1]))) continue; // the word must open an instruction
      let end = s;
      let count = 0;
      let orders = 0;
      for (const [cs, ce] of sentences(text, s)) {
        const sentence = text.slice(cs, ce);
        if (!sentence.trim()) continue;
        const kind = instruction(sentence);
        if (!kind) break;
        count++;
        if (kind === 'order') orders++;
        end = ce;
      }
      readTo = end;
      if (count < RUN_MIN_SENTENCES || orders === 0) continue;
      while (end > s && isRegexSpace(text.charCodeAt(end - 1))) end--;
      if (noiseOrEndAfter(text, end, removed) || noiseOrStartBefore(text, s, removed)) hits.push({ start: s, end });
    }
    return hits;
  },
};
