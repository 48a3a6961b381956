/**
 * Standard Webhooks signing (https://www.standardwebhooks.com/): the signed content is `${id}.${timestamp}.${body}`,
 * HMAC-SHA256 with the secret's bytes (base64 after `whsec_`), sent as `webhook-signature: v1,<base64>`, with the
 * `webhook-id` and `webhook-timestamp` (seconds) headers. Web Crypto only: the same code runs in workerd and Node.
 */

export const SECRET_PREFIX = 'whsec_';
export const SECRET_BYTES = 24; // 192 bits
/** A receiver refuses a timestamp further than this from its clock: a captured request cannot be replayed later. */
export const TIMESTAMP_TOLERANCE_S = 5 * 60;

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

export function newSecret(): string {
  return SECRET_PREFIX + b64(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)));
}

async function hmac(secret: string, content: string): Promise<string> {
  const raw = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = await crypto.subtle.importKey('raw', unb64(raw), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return b64(new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(content))));
}

export async function signatureHeaders(secret: string, id: string, timestampS: number, body: string): Promise<Record<string, string>> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampS),
    'webhook-signature': `v1,${await hmac(secret, `${id}.${timestampS}.${body}`)}`,
  };
}

/** What a receiver does: true when one of the v1 signatures matches and the timestamp is recent. */
export async function verifySignature(secret: string, headers: { id: string; timestamp: string; signature: string }, body: string, nowS = Math.floor(Date.now() / 1000)): Promise<boolean> {
  const ts = Number(headers.timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowS - ts) > TIMESTAMP_TOLERANCE_S) return false;
  const expected = await hmac(secret, `${headers.id}.${headers.timestamp}.${body}`);
  return headers.signature
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .some((s) => sameString(s.slice(3), expected));
}

function sameString(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
