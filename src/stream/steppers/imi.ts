// momentum.imi, stepped: native/momentum/imi.h. The open and close of the
// last maxWindow bars in a ring; a window's value sums its bars afresh,
// oldest first, as intradayMomentum in native/momentum/common.h does
// (O(window) per bar, as the kernel). Nothing per variant: history steps the
// ring alone (resumeBySources). A value reads nothing but the last `window`
// bars of its run, so batches take the kernel over a prelude (Stepper.prelude).
import { paramOf, resumeBySources, type PreludeRoute, type Stepper, type StepperContext } from './types.js';
import { BarRun, inputIndices } from './wilder.js';

/**
 * The IMI row of the bar at ring slot `pos` (the run's age-th): first the
 * run's last min(age + 1, R) bars' terms, oldest first, ending at index R - 1
 * of rise and fall (a body's rise: close - open when positive, else 0; its
 * fall: open - close, else 0), then per variant of window n the sums of the
 * last n of each in order, as the kernel sums up and down (a zero term leaves
 * a sum's bits as they are). A top-level function, not the stepper's
 * closure: V8 folds a closure's captured constants into its optimized code
 * only while one stream of the id exists.
 */
function imiRow(
  state: Float64Array, ringAt: number, R: number, pos: number, age: number, window: Float64Array,
  rise: Float64Array, fall: Float64Array, out: Float64Array,
): void {
  const filled = Math.min(age + 1, R);
  for (let j = R - filled, slot = pos - filled + 1; j < R; j++, slot++) {
    const at = ringAt + 2 * (slot < 0 ? slot + R : slot);
    const open = state[at]!, close = state[at + 1]!;
    const up = close > open;
    rise[j] = up ? close - open : 0.0;
    fall[j] = up ? 0.0 : open - close;
  }
  for (let v = 0; v < window.length; v++) {
    const n = window[v]!;
    if (n > filled) {
      out[v] = NaN;
      continue;
    }
    let up = 0.0, down = 0.0;
    for (let j = R - n; j < R; j++) {
      up += rise[j]!;
      down += fall[j]!;
    }
    const sum = up + down;
    out[v] = sum !== 0.0 ? 100.0 * (up / sum) : 0.0;
  }
}

export default function imi(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window');
  const R = Math.max(1, ...window);
  const posAt = BarRun.size(2), ringAt = posAt + 1;
  // The run of open and close, the ring position, then a ring of (open, close).
  const state = new Float64Array(ringAt + 2 * R);
  const inputs = inputIndices(ctx, ['open', 'close']);
  const run = new BarRun(state, 0, inputs);
  const rise = new Float64Array(R), fall = new Float64Array(R);
  const stepper: Stepper = {
    state,
    step(bar, rows) {
      const out = rows[0];
      const age = run.advanceOrBlank(bar, rows);
      if (age < 0) return;
      let pos = state[posAt]! + 1;
      if (pos === R) pos = 0;
      state[posAt] = pos;
      state[ringAt + 2 * pos] = run.now[0]!;
      state[ringAt + 2 * pos + 1] = run.now[1]!;
      if (!out) return;  // resume(): the shared state only
      imiRow(state, ringAt, R, pos, age, window, rise, fall, out);
    },
    // All of the state is shared by the windows: history steps it alone, without a row.
    resume: resumeBySources,
  };
  const prelude: PreludeRoute = {
    bars: R,
    // The current run's bars from the ring (NaN before it: the gap that began it, or bars no window reads).
    tail(into) {
      const age = state[0]!, pos = state[posAt]!;
      for (let k = 0; k < into.length; k++) {
        const to = into[k]!, P = to.length, field = inputs.indexOf(k);
        for (let j = 0; j < P; j++) {
          const back = P - 1 - j;
          to[j] = field >= 0 && back <= age ? state[ringAt + 2 * (pos >= back ? pos - back : pos - back + R) + field]! : NaN;
        }
      }
    },
    // Stepping the ring without rows costs O(1) a bar.
    skip(columns, from, to) {
      resumeBySources.call(stepper, columns.map((col) => col.subarray(from, to)));
    },
  };
  return { ...stepper, prelude };
}
