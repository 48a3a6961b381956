/**
 * Reads never wait on ingestion: workerd runs one isolate's requests on one thread, and a request that placing a batch
 * of items keeps busy (its D1 calls answered one after another) does not let a waiting reader in until it ends; a
 * serving request that arrived meanwhile waited for the whole batch (5.3 s behind 50 replayed items, measured).
 * Placement yields to the event loop between items, so a reader waits for at most one item's placement.
 */
export function yieldToReaders(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0)); // a timer, not a microtask: queued requests run first
}
