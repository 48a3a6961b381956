import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Hono } from 'hono';
import { READER_POLL_MS, READER_WAIT_MAX_MS, readersInFlight, readerStarted, yieldToReaders } from '../../src/ingest/yield-to-readers.ts';
import { readerActivity } from '../../src/routes/reader-activity.ts';

/** Starts a yield and reports when it ended, in fake milliseconds after it started. */
function timedYield(): { ended: () => number | null } {
  const t0 = Date.now();
  let at: number | null = null;
  void yieldToReaders().then(() => (at = Date.now() - t0));
  return { ended: () => at };
}

describe('yieldToReaders', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    // settle what earlier tests left: a yield with no reader about
    const settle = timedYield();
    await vi.advanceTimersByTimeAsync(READER_WAIT_MAX_MS);
    expect(settle.ended()).not.toBeNull();
  });
  afterEach(() => vi.useRealTimers());

  it('ends after one timer turn when no reader is about', async () => {
    const y = timedYield();
    await vi.advanceTimersByTimeAsync(0);
    expect(y.ended()).toBe(0);
  });

  it('holds the next slice while a reader is in flight, and lets it go soon after the reader ends', async () => {
    const done = readerStarted();
    const y = timedYield();
    await vi.advanceTimersByTimeAsync(5);
    expect(y.ended()).toBeNull();
    done();
    await vi.advanceTimersByTimeAsync(3 * READER_POLL_MS);
    expect(y.ended()).not.toBeNull();
    expect(y.ended()!).toBeLessThan(5 + 3 * READER_POLL_MS + 1);
  });

  it('never holds a slice beyond READER_WAIT_MAX_MS, however long a reader takes', async () => {
    const done = readerStarted();
    const y = timedYield();
    await vi.advanceTimersByTimeAsync(READER_WAIT_MAX_MS - 2);
    expect(y.ended()).toBeNull();
    await vi.advanceTimersByTimeAsync(2 * READER_POLL_MS + 1);
    expect(y.ended()).not.toBeNull();
    expect(y.ended()!).toBeLessThanOrEqual(READER_WAIT_MAX_MS + READER_POLL_MS);
    done();
  });

  it('keeps waiting while readers keep arriving, up to the bound', async () => {
    // a steady read load: a reader starts and ends every millisecond
    let arriving = true;
    const arrive = () => {
      if (!arriving) return;
      readerStarted()();
      setTimeout(arrive, 1);
    };
    arrive();
    const y = timedYield();
    await vi.advanceTimersByTimeAsync(READER_WAIT_MAX_MS + 5);
    arriving = false;
    expect(y.ended()).not.toBeNull();
    expect(y.ended()!).toBeGreaterThanOrEqual(READER_WAIT_MAX_MS - READER_POLL_MS);
    expect(y.ended()!).toBeLessThanOrEqual(READER_WAIT_MAX_MS + READER_POLL_MS);
  });

  it('looks for more readers when some came and went during the slice just run', async () => {
    readerStarted()(); // served between two D1 round trips of the slice
    const y = timedYield();
    await vi.advanceTimersByTimeAsync(0);
    expect(y.ended()).toBeNull();
    await vi.advanceTimersByTimeAsync(2 * READER_POLL_MS);
    expect(y.ended()).not.toBeNull();
  });

  it('counts a reader once even when its end is reported twice', () => {
    const before = readersInFlight();
    const done = readerStarted();
    done();
    done();
    expect(readersInFlight()).toBe(before);
  });
});

describe('readerActivity', () => {
  it('counts a serving request as a reader while it runs, and an /admin request not at all', async () => {
    const seen: Record<string, number> = {};
    const app = new Hono()
      .use(readerActivity())
      .get('/feed.xml', (c) => ((seen.feed = readersInFlight()), c.text('ok')))
      .get('/admin/overrides', (c) => ((seen.admin = readersInFlight()), c.text('ok')))
      .get('/boom', () => {
        throw new Error('boom');
      })
      .onError((_err, c) => c.text('failed', 500));
    const before = readersInFlight();
    await app.request('/feed.xml');
    await app.request('/admin/overrides');
    await app.request('/boom');
    expect(seen).toEqual({ feed: before + 1, admin: before });
    expect(readersInFlight()).toBe(before); // a request that failed is no longer in flight
  });
});
