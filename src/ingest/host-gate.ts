/**
 * Fair sharing of outgoing requests within one invocation: at most PAGES_PER_HOST requests to one host at a time,
 * and a host that has timed out HOST_TIMEOUTS_TO_BACK_OFF times is left alone for the rest of the invocation (its
 * pages wait for a later run). One gate is shared by every source a feed-queue batch handles, so two sources linking
 * to one slow host do not double its share.
 */

/** Concurrent requests to one host: polite to the outlet, and a host that hangs holds only this many slots. */
export const PAGES_PER_HOST = 2;
/** Timeouts from one host before it is skipped for the rest of the invocation. */
export const HOST_TIMEOUTS_TO_BACK_OFF = 2;

export class HostGate {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();
  private readonly timeouts = new Map<string, number>();

  constructor(private readonly perHost = PAGES_PER_HOST) {}

  /** True when the host has timed out often enough in this invocation that further requests would only wait. */
  backedOff(host: string): boolean {
    return (this.timeouts.get(host) ?? 0) >= HOST_TIMEOUTS_TO_BACK_OFF;
  }

  noteTimeout(host: string): void {
    this.timeouts.set(host, (this.timeouts.get(host) ?? 0) + 1);
  }

  /** Runs `task` when the host has a free slot; a finishing task hands its slot to the next waiting one. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    if ((this.active.get(host) ?? 0) >= this.perHost) {
      await new Promise<void>((resolve) => this.waiting.set(host, [...(this.waiting.get(host) ?? []), resolve]));
    } else {
      this.active.set(host, (this.active.get(host) ?? 0) + 1);
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.get(host)?.shift();
      if (next) next();
      else this.active.set(host, this.active.get(host)! - 1);
    }
  }
}
