import { shapes } from './literals.ts';

/**
 * Where an ASCII capital is glued onto the end of a word: after [a-z'-], or beyond ASCII after a lower-case letter, a
 * ’ or half of a surrogate pair (whose code point may be a lower-case letter). Prose puts a blank before its capitals,
 * so these are few, and several rules look for forms that hold one (a name glued to a bio, a name glued to a date):
 * the one walk of each text that finds the rules' literals (literals.ts) lists them, where each rule's own walk or
 * regex scan read every character again.
 */

/** Offsets (ascending) of the ASCII capitals glued onto a preceding [\p{Ll}'’-] (a superset beyond ASCII). */
export function gluedCapitals(text: string): readonly number[] {
  return shapes(text).gluedCapitals;
}
