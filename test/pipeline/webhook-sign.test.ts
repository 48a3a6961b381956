/** Standard Webhooks signatures, checked against an HMAC computed independently with node:crypto. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newSecret, signatureHeaders, verifySignature } from '../../src/webhooks/sign.ts';

const nodeSignature = (secret: string, id: string, ts: number, body: string) =>
  createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64')).update(`${id}.${ts}.${body}`).digest('base64');

describe('webhook signatures', () => {
  it('signs id.timestamp.body with HMAC-SHA256 of the whsec_ secret, as node:crypto computes it', async () => {
    const secret = newSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const body = JSON.stringify({ type: 'story.created', data: { title: 'Lendvault halts withdrawals' } });
    const h = await signatureHeaders(secret, 'msg_1', 1_765_500_000, body);
    expect(h['webhook-signature']).toBe(`v1,${nodeSignature(secret, 'msg_1', 1_765_500_000, body)}`);
    expect(await verifySignature(secret, { id: 'msg_1', timestamp: '1765500000', signature: h['webhook-signature'] }, body, 1_765_500_010)).toBe(true);
  });

  it('fails the check for a tampered body, another id, another secret or an old timestamp', async () => {
    const secret = newSecret();
    const body = '{"type":"story.updated"}';
    const h = await signatureHeaders(secret, 'msg_2', 1_765_500_000, body);
    const sig = { id: 'msg_2', timestamp: '1765500000', signature: h['webhook-signature'] };
    expect(await verifySignature(secret, sig, '{"type":"story.updated "}', 1_765_500_000)).toBe(false);
    expect(await verifySignature(secret, { ...sig, id: 'msg_3' }, body, 1_765_500_000)).toBe(false);
    expect(await verifySignature(newSecret(), sig, body, 1_765_500_000)).toBe(false);
    expect(await verifySignature(secret, sig, body, 1_765_500_000 + 3600)).toBe(false);
  });
});
