import { matchAll, type Rule } from '../rule.ts';

/**
 * Agency and editor credit lines: "(Reporting by …; Editing by …)", "--With assistance from …",
 * AFP's "burs-jmb/des" (often glued to the last sentence), and editor disclosures ("Disclosure: This article was edited by …. For more
 * information on how we create and review content, see our Editorial Policy ."), and editors' notes on how the piece was
 * made ("Editor's note: The summary of this article was chosen by our editors.").
 */
const CREDIT = new RegExp(
  [
    String.raw`\((?:Reporting|Writing|Additional [Rr]eporting|Editing|Compiled) [Bb]y [^)]{2,300}\)`,
    String.raw`--?\s?With assistance from [^.\n]{2,200}\.?`,
    String.raw`burs?-[a-z]{2,}(?:\/[a-z]{2,})*(?![\p{L}-])`,
    String.raw`Disclosure\s?:\s?This (?:article|post|story) was (?:edited|written|reviewed|produced)(?: by)?[^.\n]{0,80}\.(?:\s?For more information[^.\n]{0,160}?\s?\.)?`,
    String.raw`This (?:article|story) was written by [^.\n]{1,80}? and edited by [^.\n]{1,80}\.`,
    // a labelled note on how the piece itself was made, whoever made it: "Editor's note: The key points of this story
    // were selected by our desk editors.", "Note: This post has been translated with AI tools." (the label and "this
    // <piece> was <made>" are the form; a sentence of the story is never about its own making)
    String.raw`(?:Editor[’']?s? [Nn]ote|Note|NOTE)\s?:\s?(?:The [\w ]{1,40}? (?:of|for|in) )?(?:this|the) (?:article|story|post|piece|report|summary)[^.\n]{0,20}? (?:was|were|has been|have been) (?:chosen|selected|written|edited|reviewed|produced|compiled|translated|generated|prepared|fact-checked|picked)(?: by| with| using)[^.\n]{1,80}\.`,
  ].join('|'),
  'g',
);

export const creditLine: Rule = {
  name: 'credit-line',
  category: 'byline',
  find: (text) => matchAll(text, CREDIT),
};
