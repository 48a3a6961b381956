/**
 * Stable, short identifiers. Synchronous (unlike crypto.subtle) so pure stages can use them.
 * Two independent 32-bit FNV-1a variants give 64 bits: 16 hex characters, collisions negligible at our scale.
 */
export function stableId(input: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/**
 * An item's id: its source and its canonical URL. The same URL listed by two sources is two items (two members of
 * one story), so no feed can claim, by listing it first, an article another source publishes.
 */
export function itemId(sourceId: string, url: string): string {
  return stableId(`${sourceId}\n${url}`);
}
