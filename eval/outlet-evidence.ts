/**
 * Leave-one-outlet-out for a labeller made of hand-written rules. A fitted labeller would be refitted without the
 * outlet's articles; rules fit nothing, so what can be "removed" is the evidence only that outlet's words supply. For
 * each true positive we ask which of the signals that fired matched words that some other outlet of our sets also
 * writes. If the weight of those signals alone no longer reaches the kind's score, the article is reached only through
 * single-outlet evidence: a new outlet, writing in its own words, is not expected to be found that way. The count is
 * the share of an outlet's recall we should expect to lose on outlets we have never read.
 *
 * How a phrase is judged: a signal's evidence is split at the separators signals join their parts with (" / ",
 * " + ", " ~ ", " beside "). Each part is folded to its shape (URLs, names, coins and figures become placeholders:
 * a project's name, a coin or a city in a dateline is the filler of a form, not the outlet's wording) and cut into pairs of
 * neighbouring words; the part is general when every pair stands in another outlet's articles. A part whose pairs
 * do not all stand in the article itself is a description the signal wrote ("presale x3", "2 forward prices"), a
 * form keyed to no one's words. A part naming the outlet (its host's first label, its source name) is the outlet's
 * own, whatever else: "www.prnewswire.com", "2025 /PRNewswire". URL path parts ("/news-releases/") are matched as they
 * are against other outlets' paths. Pairs of words are a strict test: a sparse pair ("can hit $0,0") can be unique
 * by chance, so the count leans towards more single-outlet evidence, not less.
 *
 * Outlets are keyed by the URL's registrable host ("investing.com" whichever section published it), else the source.
 * The kind's own score decides (the order between kinds is not replayed): for a true positive that is what matters.
 */
import { KIND_SCORE, prepare, type KindInput, type Signal } from '../src/pipeline/label/kinds/doc.ts';
import type { Kind } from '../src/pipeline/types.ts';
import { COIN_TABLE } from '../src/pipeline/label/coin-table.ts';

const PART_SEPARATOR_RE = / \/ | \+ | ~ | beside /;
const MIN_BRAND_CHARS = 4; // "u.today" -> "u" names nothing
const MIN_QUOTE_CHARS = 3; // shorter parts ("x", "AI") say nothing about whose words they are

const URL_RE = /\b(?:https?:\/\/)?(?:[\w-]+\.)+[a-z]{2,6}\b(?:\/[^\s"')\]]*)?/gi;
const WORD_RE = /[A-Za-z][\w'’-]*/g;
// Coins are the fillers of nearly every form ("can ETH reach $5K", "XRP could see $6"): they fold like names.
const COIN_WORDS: ReadonlySet<string> = new Set(
  COIN_TABLE.flatMap((c) => [...(c.ambiguous ? [] : [c.symbol]), ...(c.nameIsWord ? [] : [c.name]), ...(c.names ?? [])])
    .filter((w) => !w.includes(' '))
    .map((w) => w.toLowerCase()),
);

/**
 * Folds a text to the shape a rule reads, so that the fillers of a form (this project's name, this city, this figure)
 * are not taken for an outlet's own words: URLs become "u", names (a word with a capital that no text of ours writes in
 * lower case: "Remittix", "Orleans") become "N", digit runs "0"; case, quotes and white space are folded.
 */
export function foldForEvidence(text: string, common: ReadonlySet<string>): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(URL_RE, 'u')
    .replace(WORD_RE, (w) => ((/[A-Z]/.test(w) && !common.has(w.toLowerCase())) || COIN_WORDS.has(w.toLowerCase().replace(/['’]s$/, '')) ? 'N' : w.toLowerCase()))
    .replace(/\d+/g, '0')
    .replace(/\s+/g, ' ');
}

/** "https://www.cryptodaily.co.uk/x" -> "cryptodaily.co.uk"; no usable URL -> the source name. */
export function outletOf(url: string | null | undefined, source: string | null | undefined): string {
  try {
    const labels = new URL(url ?? '').hostname.toLowerCase().split('.').filter((l) => l !== 'www');
    const keep = labels.length >= 3 && /^(?:co|com|org|net|ac|gov)$/.test(labels[labels.length - 2]) ? 3 : 2;
    return labels.slice(-keep).join('.');
  } catch {
    return (source ?? '').toLowerCase().trim() || '(unknown)';
  }
}

/** Everything of an article a signal can quote: headline, text, URL path (and its slug as words). */
function quotable(input: KindInput): string {
  const doc = prepare(input);
  return [input.title, input.text, doc.path, doc.slug].join('\n');
}

/** The folded text's words, outer punctuation stripped ("$0,0," -> "0,0"). */
function tokens(folded: string): string[] {
  return folded
    .split(' ')
    .map((t) => t.replace(/^[^\w]+|[^\w]+$/g, ''))
    .filter(Boolean);
}

/** A phrase's pieces: each pair of neighbouring words, or the word itself when it stands alone. */
function pieces(words: string[]): string[] {
  return words.length === 1 ? words : words.slice(1).map((w, i) => `${words[i]} ${w}`);
}

export interface OutletCorpus {
  common: ReadonlySet<string>; // words our texts write in lower case somewhere: vocabulary, not names
  byOutlet: Map<string, Set<string>>; // outlet -> the words and word pairs of all its articles, folded
  paths: Map<string, string>; // outlet -> its URL paths, as they are (a path segment is a site's own word)
}

export function buildCorpus(inputs: KindInput[]): OutletCorpus {
  const common = new Set<string>();
  for (const input of inputs) {
    // prose only: URLs and slugs write every name in lower case
    for (const m of `${input.title}\n${input.text}`.replace(URL_RE, ' ').matchAll(WORD_RE)) if (!/[A-Z]/.test(m[0])) common.add(m[0]);
  }
  const byOutlet = new Map<string, Set<string>>();
  const paths = new Map<string, string[]>();
  for (const input of inputs) {
    const o = outletOf(input.url, input.source);
    const set = byOutlet.get(o) ?? new Set<string>();
    const words = tokens(foldForEvidence(quotable(input), common));
    for (const w of words) set.add(w);
    for (const p of pieces(words)) set.add(p);
    byOutlet.set(o, set);
    paths.set(o, [...(paths.get(o) ?? []), prepare(input).path]);
  }
  return { common, byOutlet, paths: new Map([...paths].map(([o, t]) => [o, t.join('\n')])) };
}

export interface EvidenceVerdict {
  general: number; // weight of the signals whose every quoted part stands in another outlet's articles too
  single: string[]; // the signals keyed to this outlet's words alone, with the phrase
}

/** Splits the fired signals of `kind` on one article into general evidence and evidence only its outlet carries. */
export function judgeEvidence(signals: Signal[], input: KindInput, corpus: OutletCorpus): EvidenceVerdict {
  const doc = prepare(input);
  const outlet = outletOf(input.url, input.source);
  const brand = outlet.split('.')[0];
  const ownWords = tokens(foldForEvidence(quotable(input), corpus.common));
  const own = new Set([...ownWords, ...pieces(ownWords)]);
  const elsewhere = (p: string) => [...corpus.byOutlet].some(([o, set]) => o !== outlet && set.has(p));
  let general = 0;
  const single: string[] = [];
  for (const s of signals) {
    const hit = s.test(doc);
    if (hit === null) continue;
    let lonely: string | undefined;
    for (const raw of hit.split(PART_SEPARATOR_RE).map((p) => p.trim().replace(/^["']|["']$/g, ''))) {
      // the outlet itself (its host, its name) is its own evidence, whatever its shape
      if (raw && (raw === doc.source || (brand.length >= MIN_BRAND_CHARS && raw.toLowerCase().replace(/[^a-z0-9.]/g, '').includes(brand)))) lonely = raw;
      else if (raw.startsWith('/')) lonely = [...corpus.paths].some(([o, p]) => o !== outlet && p.includes(raw)) ? undefined : raw;
      else {
        const words = tokens(foldForEvidence(raw, corpus.common));
        const quoted = words.join(' ').length >= MIN_QUOTE_CHARS && pieces(words).every((p) => own.has(p)); // else it describes a form
        if (quoted && !pieces(words).every(elsewhere)) lonely = raw;
      }
      if (lonely !== undefined) break;
    }
    if (lonely === undefined) general += s.weight;
    else single.push(`${s.name}: "${lonely.slice(0, 50)}"`);
  }
  return { general, single };
}

/** True when the general evidence alone would not reach the kind's score. */
export function reachedOnlyBySingleOutlet(v: EvidenceVerdict): boolean {
  return v.general < KIND_SCORE;
}

export type { Kind };
