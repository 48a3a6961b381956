/**
 * ASCII character classes by character code, for the rules' character loops: a loop over every character of every text
 * cannot afford a regex test per character (nor a one-character string per character to test). Other scripts go to each
 * rule's Unicode pattern; white space, which a regex's \s takes beyond ASCII too, is told here in full.
 */
export const isAsciiLower = (c: number): boolean => c >= 97 && c <= 122;
export const isAsciiUpper = (c: number): boolean => c >= 65 && c <= 90;
export const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;

/** White space as the \s of a regex counts it (ECMAScript's WhiteSpace and LineTerminator), by character code. */
export function isRegexSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
