/**
 * The item's own outlet as it names itself in its text. Rules that read an outlet speaking of itself (a call to action
 * whose object is the outlet, a byline that credits the outlet) need the name as the outlet writes it, not as the feed
 * list spells it: "Times Tabloid" for TimesTabloid, "COINOTAG" for CoinOtag, "CryptoDaily" for Crypto Daily.
 */

/** Outlet names of one word or more as the outlet writes them: "TimesTabloid" as "Times Tabloid", "CryptoDaily" too. */
const NAME_WORDS = /[\p{Lu}\p{N}][^\s\p{Lu}]*|[^\s\p{Lu}]+/gu;
/** An outlet name's aside in parentheses at its end, "Ledger Wire (Europe)". */
const NAME_ASIDE = /\s*\(.*\)$/;
const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g;
/** Names this short are common words or initials more often than the outlet (characters). */
const MIN_NAME_CHARS = 4;
const sources = new Map<string, string | null>();
const regexes = new Map<string, RegExp | null>();

/**
 * The regex source of the outlet's name as it stands in its own text: its words in its own case, or all in capitals,
 * a blank or a dot between them or not. Lower-case words are not the name: "the bitcoin world" is no mention of
 * Bitcoin World. Null when the name is unknown or too short to tell apart.
 */
export function outletNameSource(outlet: string | null | undefined): string | null {
  const name = outlet?.replace(NAME_ASIDE, '');
  if (!name || name.length < MIN_NAME_CHARS) return null;
  let source = sources.get(name);
  if (source === undefined) {
    const words = name.match(NAME_WORDS) ?? [];
    const join = (ws: string[]) => ws.map((w) => w.replace(REGEX_SPECIAL, '\\$&')).join(String.raw`[\s.]?`);
    source = words.length ? String.raw`(?<![\p{L}])(?:${join(words)}|${join(words.map((w) => w.toUpperCase()))})(?![\p{Ll}])` : null;
    sources.set(name, source);
  }
  return source;
}

/** The outlet's name as a global regex (see outletNameSource), built once per outlet. */
export function outletNamePattern(outlet: string | null | undefined): RegExp | null {
  const source = outletNameSource(outlet);
  if (!source) return null;
  let re = regexes.get(source);
  if (re === undefined) {
    re = new RegExp(source, 'gu');
    regexes.set(source, re);
  }
  return re;
}
