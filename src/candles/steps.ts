import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Long loops over candles are written as generators that yield after each
 * slice of rows. drain() runs one to the end; drainAsync() gives the event
 * loop a turn whenever a few milliseconds have passed, so work that grows
 * with the series never blocks a service's timers and sockets for long.
 */
export type Steps<T> = Generator<void, T, void>;

/** Longest stretch of work between two turns of the event loop. */
const TURN_MS = 4;

export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export async function drainAsync<T>(steps: Steps<T>, signal?: AbortSignal): Promise<T> {
  let since = performance.now();
  for (;;) {
    signal?.throwIfAborted();
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - since > TURN_MS) {
      await nextTurn();
      since = performance.now();
    }
  }
}
