/**
 * ASCII character classes by character code, for the rules' character loops: a loop over every character of every text
 * cannot afford a regex test per character. Other scripts go to each rule's Unicode pattern.
 */
export const isAsciiLower = (c: number): boolean => c >= 97 && c <= 122;
export const isAsciiUpper = (c: number): boolean => c >= 65 && c <= 90;
export const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;
