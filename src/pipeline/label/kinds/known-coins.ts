/**
 * The coins everyone knows, as the kind rules read them: the symbols of the coin table, and its names and unambiguous
 * symbols as one pattern. A promotion sets a newcomer beside these; a forecast is mostly about one of them.
 */
import { COIN_TABLE } from '../coin-table.ts';
import { escapeRegExp } from '../../text-patterns.ts';

export const KNOWN_SYMBOLS: ReadonlySet<string> = new Set(COIN_TABLE.map((c) => c.symbol));

// By name or by a symbol that is not also a word (short symbols collide with acronyms).
const KNOWN_COIN_FORMS = [
  ...new Set(COIN_TABLE.flatMap((c) => [...(c.ambiguous || c.symbol.length < 3 ? [] : [c.symbol]), ...(c.nameIsWord ? [] : [c.name]), ...(c.names ?? [])])),
].filter((f) => f.length >= 3);

export const KNOWN_COIN_RE = new RegExp(`(?<![\\w$])(?:${KNOWN_COIN_FORMS.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\w])`);
