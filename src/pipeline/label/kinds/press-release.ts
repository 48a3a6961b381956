/**
 * Press release: the issuer speaks. PR-wire items carry a dateline with the wire's name
 * ("NEW YORK, Oct. 3, 2025 /PRNewswire/ --"); company posts carry "About <Company>" boilerplate, a media
 * contact, forward-looking-statement language, or first-person launch language ("we're thrilled to
 * announce"); and an outlet writing about itself or its own event is announcing, not reporting.
 */
import { firstMatch, type KindDoc, type Signal } from './doc.ts';
import { escapeRegExp } from '../../text-patterns.ts';

const WIRE_NAME = String.raw`(?:PR ?Newswire|GLOBE ?NEWSWIRE|Business ?Wire|ACCESS ?Newswire|ACCESSWIRE|Newsfile(?: Corp\.?)?|Chainwire|EZ Newswire|PRWeb|EIN Presswire|Newswire|Cision)`;
// "/PRNewswire/ --", "(GLOBE NEWSWIRE) --", "(Newsfile Corp. - Oct 3, 2025)", "October 3rd, 2025, Chainwire".
const WIRE_DATELINE_RE = new RegExp(String.raw`[/(]\s?${WIRE_NAME}\b|\b(?:19|20)\d\d\s?,?\s?[/(]?\s?${WIRE_NAME}\b`, 'i');
// Outlets that run releases label them: "[PRESS RELEASE – Zug, Switzerland, ...]", "This article is a press release."
const PRESS_RELEASE_LABEL_RE = /^\W{0,3}press release\b|\bthis (?:article|post|content) is a press release\b|\bthe above (?:article|content) is a press release\b/i;
const WIRE_HOSTS = /(?:^|\.)(?:prnewswire|globenewswire|businesswire|accesswire|accessnewswire|newsfilecorp|chainwire|einpresswire|prweb|prlog|newswire)\.(?:com|org|ca|co\.uk)$/;
// "Acme Labs Appoints ...", "Moca Network launches ...": an organisation's own action, told in its own words.
const ANNOUNCEMENT_HEADLINE_RE =
  /^(?!(?:Does|Do|Is|Are|Can|Could|Will|Would|Why|How|What|When|Should)\b)(?![^?]*\?\s*$)(?:(?:[A-Z0-9][\w.&'’-]*|for|of|the|de)\s){1,6}(?:and (?:(?:[A-Z0-9][\w.&'’-]*|for|of|the)\s){1,5})?(?:(?:Launch|Introduce|Unveil|Debut|Appoint|Join|Partner|Integrate|Announce|Reduce|Expand|Complete|Secure|Welcome|Celebrate|Promote)(?:e?s)?|Names|Rolls? Out|Closes? \$[\d.]+[MBK]? (?:Seed|Series|Funding|Strategic))\b/i;
// A release opens with where and when it was issued, wire or not: "XIAMEN, China, Dec. 12, 2025 --",
// "Zug, Switzerland, October 3rd, 2025 —", "October 16, 2025 —", the day first: "Dubai, UAE, 3rd December 2025 –".
// Outlets date their stories in the byline, not in the first words of the text; an agency's dateline names the agency
// ("(Reuters) -") and is not this.
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const RELEASE_DATELINE_RE = new RegExp(
  String.raw`^\W{0,3}(?:[A-Z][A-Za-z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,4},\s+)?(?:${MONTH}\.? \d{1,2}(?:st|nd|rd|th)?,?|\d{1,2}(?:st|nd|rd|th)? ${MONTH}\.?,?) (?:19|20)\d\d(?!\s*\((?:Reuters|AP|AFP|Bloomberg|Dow Jones|Xinhua)\))\s*(?:[-–—/]|\(|,)`,
);
// The same dateline after a subtitle or a standfirst, wherever the opening puts it: the city in capitals as the wires set
// it, a region, the full date with its year, then the dash (after the wire's name, whichever wire): "Subtitle line.
// NASHVILLE, Tenn., Dec. 12, 2025 /AnyWire/ --". Agencies' datelines carry no year ("NEW YORK, Oct 3 (Reuters) -").
const CAPITAL_DATELINE_RE = new RegExp(
  String.raw`\b[A-Z]{2,}(?:[ .-]+[A-Z]{2,})*,(?: [A-Z][A-Za-z.]*,?){0,3} ${MONTH}\.? \d{1,2},? (?:19|20)\d\d(?=\s*(?:\/[^/\n]{2,30}\/\s*)?(?:--|–|—|-))`, // the wire's name is not part of the form
);
// The release's own verb: what a company says of itself on the day ("Acme today announced", "is pleased to announce").
const TODAY_ANNOUNCED_RE =
  /\b(?:today|this week) (?:announc|unveil|launch|releas|introduc|reveal|publish|debut|open)(?:ed|es|s)\b|\b(?:announced|unveiled|launched|released) today\b|\bhas (?:officially )?(?:announced|unveiled|launched) (?:the (?:launch|release|opening)|its (?:new|latest|first))\b/i;
// An event promoted: what it is, when and where it will be, who speaks, how to register.
// An event's own name may end in "Week" or "Days" ("Quanta Chain Week", "Ledger Days"): capitalised, as names are, and
// not a span of time ("This Week", "Three Days").
const EVENT_NOUN_RE = /\b(?:[Ss]ummit|[Cc]onference|[Ee]xpo|[Ff]orum|[Mm]eetup|[Ff]estival|[Hh]ackathon|[Cc]onvention|[Ss]ymposium|(?:[Bb]lockchain|[Cc]rypto|[Bb]itcoin|[Ww]eb3) [Ww]eek|[Gg]ala|[Aa]wards)\b|\b(?!(?:This|Last|Next|Each|Every|That|The|Past|Coming|Few|Two|Three|Four|Five|Six|Seven|Ten|Holy|Its|Their|Our)\b)[A-Z][\w-]*(?: [A-Z][\w-]*){0,2} (?:Week|Days)\b/;
const EVENT_TERMS: RegExp[] = [
  EVENT_NOUN_RE,
  /\bwill (?:take place|be held|run from|kick off|return|gather|bring together|feature|host)\b|\b(?:takes place|returns) (?:on|from|in|at|to)\b/i,
  /\b(?:register|registration|sign up|tickets?|RSVP|early[- ]bird|passes)\b/i,
  /\b(?:speakers?|panel(?:ists| discussions?)|keynotes?|agenda|line-?up|side events?|workshops?)\b/i,
];
const EVENT_TERMS_MIN = 3; // an event named and two of its practicalities
// A company's research published as news: "<Company> Research: ...", "<Company> releases its Q3 report".
const OWN_REPORT_TITLE_RE =
  /^[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3} (?:Research|Report|Institute|Labs? Report)\s*[:|–-]|\b(?:releases?|publishes|unveils|launches|issues) (?:its |a |the )?(?:new |latest |first |annual |quarterly |monthly |weekly |20\d\d )*(?:[\w-]+ ){0,3}(?:report|study|survey|research|whitepaper|index)\b/;

// Where sites file releases: "/press-releases/", "/news-releases/", "/pr/", "/newsroom/".
const RELEASE_PATH_RE = /\/(?:press-?releases?|news-?releases?|pr|newsroom|press|announcements?)\//;

const MEDIA_CONTACT_RE = /\b(?:Media|Press|Investor|PR) (?:Contacts?|Inquiries|Enquiries|Relations)\s*:?\s+(?:[A-Z][a-z]+|[\w.+-]+@)|\b[Cc]ontact:\s*[\w.+-]+@[\w-]+\.[a-z]{2,}/;
const FORWARD_LOOKING_RE = /\bforward[- ]looking statements?\b/i;
const FIRST_PERSON_LAUNCH_RE =
  /\b(?:we(?:'|’)re|we are) (?:thrilled|excited|pleased|proud|delighted|happy) to (?:announce|introduce|share|launch|unveil|welcome)\b|\bis (?:now )?available for trading\b/i;
const PLEASED_TO_ANNOUNCE_RE = /\b(?:is|are) (?:pleased|proud|delighted|excited|thrilled) to announce\b/i;
const LEADING_APPOSITIVE_RE =
  /^[^.]{0,160}?\b[A-Z][\w.]*(?: [A-Z][\w.]*){0,3} ?, (?:a|an) (?:leading|global leader|premier|pioneering|fast-growing|next-generation|top-tier|world-class|trusted)\b[^,]{3,100},/;
const FOLLOW_US_RE = /\bfor more information(?: about [^,.]{2,40})?,? (?:please )?visit\b|\bfollow [A-Z][\w.]* on (?:X|Twitter|Telegram|LinkedIn)\b/;

// An exchange's listing notice reads like an operations memo: deposits open, trading starts, an auction window.
const LISTING_NOTICE_RES: RegExp[] = [
  /\bdeposits? (?:are |is |will be )?(?:now )?(?:open|enabled|live)\b/i,
  /\bwithdrawals? (?:are |is |will )?(?:now )?(?:open|enabled|live|be available)\b/i,
  /\b(?:spot )?trading (?:will )?(?:begins?|starts?|opens?|goes live|is live|will go live)\b|\btrading (?:is )?live\b/i,
  /\bcall auction\b|\btrading pairs?:? [A-Z0-9]{2,10}\/[A-Z]{3,5}\b/i,
];
const LISTING_NOTICE_MIN = 3; // operational details of a listing, of different kinds

function listingNotice(d: KindDoc): string | null {
  const found = LISTING_NOTICE_RES.map((re) => firstMatch(re, d.text)).filter((m): m is string => m !== null);
  return found.length >= LISTING_NOTICE_MIN ? found.join(' / ') : null;
}

/** "About Kraken Kraken is ..." / "About Acme: Acme is ...": the company boilerplate that closes a release. An
 * outlet's own "About <outlet>" block, closing every page it publishes, is site furniture and not counted. */
function aboutBoilerplate(d: KindDoc): string | null {
  const re = /\bAbout ([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3})\s*[:\n]?\s+(?:The |the )?([A-Z][\w.&-]*)/g;
  const outlet = brandOf(d.source).toLowerCase();
  for (const m of d.tail.matchAll(re)) {
    const company = m[1].split(' ')[0];
    if (m[2] !== company) continue;
    const name = company.toLowerCase();
    const own = (outlet && (outlet.startsWith(name) || name.startsWith(outlet))) || (name.length >= BRAND_MIN_CHARS && d.host.includes(name.replace(/[^a-z0-9]/g, '')));
    if (own) continue;
    return m[0].slice(0, 60);
  }
  return null;
}

/** An outlet announcing its own product or event: its brand is the subject of the headline or the lede. */
function selfAnnouncement(d: KindDoc): string | null {
  const res = brandPatterns(brandOf(d.source));
  if (!res) return null;
  const lede = d.head.slice(0, 200);
  if (res.inTitle.test(d.title)) return `title: ${d.title.slice(0, 60)}`;
  if (res.inLede.test(lede)) return `lede: ${lede.slice(0, 60)}`;
  return null;
}

// One pair of patterns per outlet, built once: sources are few and repeat on every article.
const BRAND_PATTERNS = new Map<string, { inTitle: RegExp; inLede: RegExp } | null>();
const BRAND_MIN_CHARS = 4; // shorter brands ("DL") collide with ordinary words and tickers

function brandPatterns(brand: string): { inTitle: RegExp; inLede: RegExp } | null {
  let res = BRAND_PATTERNS.get(brand);
  if (res !== undefined) return res;
  if (brand.length < BRAND_MIN_CHARS) res = null;
  else {
    const esc = escapeRegExp(brand);
    res = {
      // the brand opens the headline as its subject, not as the source of a quote or a data series
      inTitle: new RegExp(String.raw`(?:^|\bAt |\bNew )${esc}(?:'s)?\b(?! (?:reported|reports|said|says|data|analysts?|research|Markets|Research|Indices|\d))`, 'i'),
      inLede: new RegExp(String.raw`^\s*${esc}\s*(?:,|and the |and [A-Z])`),
    };
  }
  BRAND_PATTERNS.set(brand, res);
  return res;
}

/** "Kraken Blog" -> "Kraken", "Bitcoin.com" -> "Bitcoin.com"; "Bitcoin Magazine" stays whole (its first word is a coin). */
function brandOf(source: string): string {
  return source.replace(/\s+(?:news|blog|\(.*\))$/i, '').trim();
}

/** The form of a release, whoever issued it: a wire's or a release's dateline, the "About X" boilerplate, a media contact.
 * Sponsored reads it too: a token presale or a cloud-mining plan distributed as a release is still a promotion. */
export function releaseForm(d: KindDoc): string | null {
  return firstMatch(WIRE_DATELINE_RE, d.head) ?? firstMatch(RELEASE_DATELINE_RE, d.head) ?? firstMatch(CAPITAL_DATELINE_RE, d.head) ?? firstMatch(MEDIA_CONTACT_RE, d.tail) ?? aboutBoilerplate(d);
}

export const PRESS_RELEASE_SIGNALS: Signal[] = [
  { name: 'PR-wire dateline', weight: 2, test: (d) => firstMatch(WIRE_DATELINE_RE, d.head) },
  { name: 'press-release label', weight: 2, test: (d) => firstMatch(PRESS_RELEASE_LABEL_RE, d.head) ?? firstMatch(PRESS_RELEASE_LABEL_RE, d.tail) ?? firstMatch(PRESS_RELEASE_LABEL_RE, d.notices) },
  { name: 'release path', weight: 2, test: (d) => firstMatch(RELEASE_PATH_RE, d.path) },
  { name: 'PR-wire host', weight: 2, test: (d) => (WIRE_HOSTS.test(d.host) ? d.host : null) },
  { name: 'company blog', weight: 2, test: (d) => (/\bblog\b/i.test(d.source) || /^blog\./.test(d.host) ? d.source || d.host : null) },
  { name: 'first-person launch', weight: 2, test: (d) => firstMatch(FIRST_PERSON_LAUNCH_RE, d.head) },
  { name: 'self-announcement', weight: 2, test: selfAnnouncement },
  { name: 'listing notice', weight: 2, test: listingNotice },
  { name: 'announcement headline', weight: 1, test: (d) => firstMatch(ANNOUNCEMENT_HEADLINE_RE, d.title) },
  // With no body, the headline's form is all the evidence there is.
  { name: 'headline only', weight: 1, test: (d) => (d.text.trim() === '' ? 'no body' : null) },
  { name: 'media contact', weight: 2, test: (d) => firstMatch(MEDIA_CONTACT_RE, d.tail) },
  { name: 'about boilerplate', weight: 2, test: aboutBoilerplate },
  { name: 'release dateline', weight: 2, test: (d) => firstMatch(RELEASE_DATELINE_RE, d.head) },
  { name: 'capital-city dateline', weight: 2, test: (d) => firstMatch(CAPITAL_DATELINE_RE, d.head) },
  { name: 'today-announced lede', weight: 2, test: (d) => firstMatch(TODAY_ANNOUNCED_RE, d.head) },
  {
    name: 'event promotion',
    weight: 2,
    test: (d) => {
      const text = `${d.title}\n${d.head}`;
      if (!EVENT_NOUN_RE.test(text)) return null; // no event named: its practicalities are not looked for
      const found = EVENT_TERMS.map((re) => firstMatch(re, text)).filter((m): m is string => m !== null);
      return found.length >= EVENT_TERMS_MIN ? found.join(' / ') : null;
    },
  },
  { name: 'own-report headline', weight: 1, test: (d) => firstMatch(OWN_REPORT_TITLE_RE, d.title) },
  { name: 'forward-looking statements', weight: 1, test: (d) => firstMatch(FORWARD_LOOKING_RE, d.tail) },
  { name: 'pleased to announce', weight: 1, test: (d) => firstMatch(PLEASED_TO_ANNOUNCE_RE, d.head) },
  { name: 'leading-company appositive', weight: 1, test: (d) => firstMatch(LEADING_APPOSITIVE_RE, d.head) },
  { name: 'follow-us close', weight: 1, test: (d) => firstMatch(FOLLOW_US_RE, d.tail) },
];
