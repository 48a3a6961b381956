import type { Rule, TailRule } from '../rule.ts';
import { advertisement } from './advertisement.ts';
import { affiliateOffer } from './affiliate-offer.ts';
import { affiliateWidget } from './affiliate-widget.ts';
import { allCapsLink } from './all-caps-link.ts';
import { appearedFirst } from './appeared-first.ts';
import { attributionNote } from './attribution-note.ts';
import { authorBio } from './author-bio.ts';
import { authorBlurb } from './author-blurb.ts';
import { breadcrumb, breadcrumbLine } from './breadcrumb.ts';
import { byline } from './byline.ts';
import { captionUnit } from './caption-unit.ts';
import { cashtagRun } from './cashtag-run.ts';
import { contactInvitation } from './contact-invitation.ts';
import { cookieNotice } from './cookie-notice.ts';
import { creditLine } from './credit-line.ts';
import { datedByline } from './dated-byline.ts';
import { disclaimer } from './disclaimer.ts';
import { duplicateTitle } from './duplicate-title.ts';
import { embeddedCode } from './embedded-code.ts';
import { followCta } from './follow-cta.ts';
import { furnitureLeftover } from './furniture-leftover.ts';
import { gluedHeadlines } from './glued-headlines.ts';
import { gluedRun } from './glued-run.ts';
import { headlineLine } from './headline-line.ts';
import { hashtagLine } from './hashtag-line.ts';
import { htmlMarkup } from './html-markup.ts';
import { imageCredit } from './image-credit.ts';
import { interfaceHelp } from './interface-help.ts';
import { inlinePriceChip } from './inline-price-chip.ts';
import { linkBlock } from './link-block.ts';
import { mediaPhrase } from './media-phrase.ts';
import { pictureCredit } from './picture-credit.ts';
import { linkOutCta } from './link-out-cta.ts';
import { newsletterCta } from './newsletter-cta.ts';
import { numberedHeadlines } from './numbered-headlines.ts';
import { photoCaption } from './photo-caption.ts';
import { presalePromo } from './presale-promo.ts';
import { promoBlock } from './promo-block.ts';
import { publicationLine } from './publication-line.ts';
import { ownPost } from './own-post.ts';
import { pageMargins } from './page-margins.ts';
import { readAlso } from './read-also.ts';
import { readOnSummary } from './read-on-summary.ts';
import { readerPitch } from './reader-pitch.ts';
import { relatedLinks } from './related-links.ts';
import { repeatedPassage } from './repeated-passage.ts';
import { residue } from './residue.ts';
import { selfPromotion } from './self-promotion.ts';
import { shareBar } from './share-bar.ts';
import { siteChrome } from './site-chrome.ts';
import { strayLabel } from './stray-label.ts';
import { tableOfContents } from './table-of-contents.ts';
import { tagStrip } from './tag-strip.ts';
import { tickerStrip } from './ticker-strip.ts';
import { timecodedList } from './timecoded-list.ts';
import { trailingEllipsis, truncationMarker } from './truncation-marker.ts';

/**
 * The rules in priority order: where two rules claim the same characters, the earlier one keeps them.
 * Specific, self-delimiting patterns come first; open-ended ones (sentence runs, lists) after them, so
 * they stop where a specific block begins; HTML markup last, so the spans above keep their own tags.
 */
export const RULES: readonly Rule[] = [
  embeddedCode,
  appearedFirst,
  duplicateTitle,
  tickerStrip,
  inlinePriceChip,
  cashtagRun,
  shareBar,
  newsletterCta,
  followCta,
  presalePromo,
  linkBlock,
  linkOutCta,
  creditLine,
  publicationLine,
  byline,
  datedByline,
  authorBlurb,
  authorBio,
  cookieNotice,
  disclaimer,
  readAlso,
  allCapsLink,
  relatedLinks,
  advertisement,
  affiliateWidget,
  promoBlock,
  imageCredit,
  siteChrome,
  breadcrumb,
  breadcrumbLine,
  hashtagLine,
  truncationMarker,
  htmlMarkup,
];

/** Rules that read what the others left: they run once everything above has been removed. */
export const TAIL_RULES: readonly TailRule[] = [
  headlineLine,
  repeatedPassage,
  photoCaption,
  tableOfContents,
  tagStrip,
  trailingEllipsis,
  strayLabel,
  // the sourcing note right after a byline: reads the byline spans the rules above removed
  attributionNote,
  // noise told by its form, whatever the outlet's words: last, so the specific rules keep (and grow over) what they name
  ...[captionUnit, mediaPhrase, pictureCredit, selfPromotion, contactInvitation, readerPitch, readOnSummary, affiliateOffer, timecodedList, numberedHeadlines, ownPost, gluedHeadlines, gluedRun, pageMargins].map(asTail),
  // the page's own help text: read after the form rules above, so that where it touches their removals it is told
  interfaceHelp,
  // what is left of a menu or a list between two of its removed pieces, once every rule above has taken its own
  furnitureLeftover,
  // last of all: what is left when everything else went, if it holds no word of running text
  residue,
];

/** A rule that reads only the text, run among the tail rules: it gets what every other rule left. */
function asTail(rule: Rule): TailRule {
  return { name: rule.name, category: rule.category, find: (text, _removed, ctx) => rule.find(text, ctx) };
}
