/**
 * Reads go first while ingestion runs. workerd runs one isolate's requests, its queue consumer and (locally) D1 on one
 * thread, and it reads its sockets only when that thread has nothing else queued: a D1 call answered in the same
 * process does not let a waiting reader in, a timer does. A request that arrived while placement ran therefore waited
 * for the next timer turn, and it needs several turns (accept, read, dispatch) before its handler starts: at one
 * yield per stage, readers were admitted during a setTimeout(0) yield almost never (0 of 396 yields), and a 404 floor
 * request waited 3.3 s behind 15 stages of 100-280 ms each (measured on a loaded machine). D1 round trips, not the
 * pipeline's CPU, fill a placement: ~15 of them an item, and clean + label takes 0.4 ms median, 15 ms p99 on the
 * replayed sets once warm.
 *
 * So placement yields at every D1 round trip (`yieldingD1`) as well as between its stages and items, and a yield does not
 * end while readers are about: it takes timer turns of READER_POLL_MS for as long as serving requests start, finish
 * or are in flight (counted by the `readerActivity` middleware), at most READER_WAIT_MAX_MS a yield, so ingestion keeps
 * moving under any read load. With no reader about, a yield is one timer turn.
 */
import { sqlLabel, stretchBegins, stretchEnds, stretchMark, stretchNote } from './stretches.ts';

export const READER_POLL_MS = 1; // one timer turn: the thread reads its sockets, a waiting reader starts
export const READER_WAIT_MAX_MS = 20; // a yield waits for readers at most this long: placement never starves

const readers = { inFlight: 0, events: 0 }; // this isolate's serving requests: running now, and started + finished so far
let eventsAtLastYield = 0;

/** Counts one serving request for the yields of placement; call the returned function when it ends. */
export function readerStarted(): () => void {
  readers.inFlight++;
  readers.events++;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    readers.inFlight--;
    readers.events++;
  };
}

/** Serving requests of this isolate running now. */
export function readersInFlight(): number {
  return readers.inFlight;
}

/** Resolves after one timer turn of `ms`: a timer, not a microtask, so the thread reads its sockets in between. */
export const timerTurn = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Lets waiting readers run before the next slice of placement: see the module comment. */
export async function yieldToReaders(maxWaitMs = READER_WAIT_MAX_MS): Promise<void> {
  // workerd's clock moves only at I/O: the JS run since the last D1 answer shows when this yield's timer fires
  stretchMark('js, until the yield\'s timer');
  const start = Date.now();
  await timerTurn(0);
  stretchEnds();
  let seen = eventsAtLastYield; // readers that came and went during the slice just run count as readers about
  while (Date.now() - start < maxWaitMs && (readers.events !== seen || readers.inFlight > 0)) {
    seen = readers.events;
    await timerTurn(READER_POLL_MS);
  }
  eventsAtLastYield = readers.events;
  stretchBegins();
}

/**
 * The D1 binding as placement should use it: every round trip (a statement's all, first, run or raw, a batch) yields to
 * readers first. Results, batches and their order are D1's own: only the thread is handed over in between.
 */
export function yieldingD1(d1: D1Database): D1Database {
  const binding = bindingOf(d1);
  const unwrapped = new WeakMap<object, D1PreparedStatement>();
  const sqlOf = new WeakMap<object, string>(); // a statement's label, for the stretches' parts
  const statement = (s: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const wrapped = new Proxy(s, {
      get(target, prop) {
        if (prop === 'bind') return (...values: unknown[]) => statement(target.bind(...values), sql);
        if (prop === 'all' || prop === 'first' || prop === 'run' || prop === 'raw') {
          const call = target[prop] as (...a: unknown[]) => Promise<unknown>;
          return async (...a: unknown[]) => {
            await yieldToReaders();
            stretchMark(`d1 ${prop}: ${sql}`);
            const out = await call.apply(target, a);
            stretchMark(`js after d1 ${prop}`);
            return out;
          };
        }
        const v = Reflect.get(target, prop, target);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    unwrapped.set(wrapped, s);
    sqlOf.set(wrapped, sql);
    return wrapped;
  };
  const wrapped = new Proxy(binding, {
    get(target, prop) {
      if (prop === 'prepare') return (query: string) => statement(target.prepare(query), sqlLabel(query));
      if (prop === 'batch') {
        return async (stmts: D1PreparedStatement[]) => {
          await yieldToReaders();
          stretchMark(`d1 batch of ${stmts.length}: ${stmts.map((s) => (sqlOf.get(s) ?? '?').slice(0, 24)).join(' + ')}`);
          const out = await target.batch(stmts.map((s) => unwrapped.get(s) ?? s));
          stretchMark('js after d1 batch');
          out.forEach((r, i) => stretchNote(`sql in a batch: ${sqlOf.get(stmts[i]) ?? '?'}`, r.meta?.duration ?? 0));
          return out;
        };
      }
      const v = Reflect.get(target, prop, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  bindings.set(wrapped, binding);
  return wrapped;
}

const bindings = new WeakMap<D1Database, D1Database>();

/** The binding itself under a `yieldingD1` (one database, one identity: the serving version keys its memory by it). */
export function bindingOf(d1: D1Database): D1Database {
  return bindings.get(d1) ?? d1;
}
