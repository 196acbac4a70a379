// ma.sma, stepped: per source, the running prefix pair of the batch kernel
// (prefixSums in native/primitives.h) and a ring of the last maxWindow + 1
// pairs, shared by every window of that source; a window's value is
// prefixWindowSum(...) * (1 / window), as SmaLanes::at computes it.
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { prefixStep, prefixWindowSum } from './primitives.js';

/** State of one source run: [hi, lo, run, pos, ring of R (hi, lo) pairs]. */
const HEAD = 4;

export default function sma(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window');
  const n = Int32Array.from(window);
  const inv = window.map((w) => 1.0 / w);
  const runs = ctx.runs.map((r) => {
    let longest = 0;
    for (let v = r.v0; v < r.v1; v++) longest = Math.max(longest, n[v]!);
    return { v0: r.v0, v1: r.v1, src: ctx.sourceIndex(r.sources.source!), ring: longest + 1, at: 0 };
  });
  let size = 0;
  for (const r of runs) {
    r.at = size;
    size += HEAD + 2 * r.ring;
  }
  const state = new Float64Array(size);
  return {
    state,
    step(bar, rows) {
      const out = rows[0];
      for (const r of runs) {
        const x = bar[r.src]!;
        const at = r.at, R = r.ring;
        prefixStep(state, at, x);
        const hi = state[at]!, lo = state[at + 1]!;
        const run = x !== x ? 0 : (state[at + 2]! + 1) | 0;  // valid bars ending here (t - lastGap[t])
        let pos = (state[at + 3]! + 1) | 0;
        if (pos === R) pos = 0;
        state[at + 2] = run;
        state[at + 3] = pos;
        const ring = at + HEAD;
        state[ring + 2 * pos] = hi;
        state[ring + 2 * pos + 1] = lo;
        if (!out) continue;
        for (let v = r.v0; v < r.v1; v++) {
          const w = n[v]!;
          if (run < w) {
            out[v] = NaN;
            continue;
          }
          const a = ring + 2 * (pos >= w ? pos - w : pos - w + R);  // pair t + 1 - w
          out[v] = prefixWindowSum(hi, lo, state[a]!, state[a + 1]!) * inv[v]!;
        }
      }
    },
    // The state is per source: stepping the sources alone, without a row, is O(bars x sources).
    resume(columns) {
      const bar = new Float64Array(columns.length);
      const none = [null];
      for (let i = 0; i < (columns[0]?.length ?? 0); i++) {
        for (let k = 0; k < columns.length; k++) bar[k] = columns[k]![i]!;
        this.step(bar, none);
      }
    },
  };
}
