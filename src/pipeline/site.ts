/**
 * Whose article a URL is: the site of a host, as far as its spelling tells without a public-suffix list. Two hosts
 * are one site when their last two labels agree (www.coindesk.com, feeds.coindesk.com), or their last three when the
 * second-level label is a short registry label (bbc.co.uk, abc.net.au).
 */
const SHORT_SECOND_LEVEL = /^(?:co|com|net|org|gov|ac|edu|ne|or|go)$/;

export function siteOf(hostname: string): string {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2 || /^\d+$/.test(labels[labels.length - 1])) return labels.join('.'); // short names, IPv4
  const keep = SHORT_SECOND_LEVEL.test(labels[labels.length - 2]) && labels[labels.length - 1].length === 2 ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** True when `url` lies on the site of one of the source's own URLs (its homepage or feed). */
export function ownsUrl(url: string, sourceUrls: (string | null | undefined)[]): boolean {
  const site = hostSite(url);
  return site !== null && sourceUrls.some((u) => u && hostSite(u) === site);
}

function hostSite(url: string): string | null {
  try {
    const u = new URL(url);
    return u.hostname.startsWith('[') ? u.host : `${siteOf(u.hostname)}${u.port ? ':' + u.port : ''}`;
  } catch {
    return null;
  }
}
