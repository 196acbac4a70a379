// volume.adosc, stepped: native/volume/adosc.h. Per variant the fast and
// slow EMAs of the AD line, both started from a run's first AD value (no SMA
// seed) and stepped as k * x + (1 - k) * e; the line from bar
// max(fast, slow) - 1 of the run. Shared: the AD sum (adLine in
// native/volume/common.h, from 0 at a run's start) and the run's age.
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { moneyFlowVolume } from './primitives.js';

export default function adosc(ctx: StepperContext): Stepper {
  const V = ctx.grid.variants;
  const fast = paramOf(ctx, 'fast'), slow = paramOf(ctx, 'slow');
  const kFast = fast.map((n) => 2.0 / (n + 1.0)), kSlow = slow.map((n) => 2.0 / (n + 1.0));
  const from = fast.map((f, v) => Math.max(f, slow[v]!) - 1);
  const [h, l, c, vol] = (['high', 'low', 'close', 'volume'] as const).map((s) => ctx.sourceIndex(s));
  // (fast, slow) per variant, then (AD sum, age of the run; -1 after an invalid bar).
  const state = new Float64Array(2 * V + 2);
  state[2 * V + 1] = -1;
  return {
    state,
    step(bar, rows) {
      const out = rows[0]!;
      const high = bar[h!]!, low = bar[l!]!, close = bar[c!]!, volume = bar[vol!]!;
      if (!(high === high && low === low && close === close && volume === volume)) {
        state[2 * V + 1] = -1;
        out.fill(NaN);
        return;
      }
      const age = state[2 * V + 1]! + 1;
      const x = (age === 0 ? 0.0 : state[2 * V]!) + moneyFlowVolume(high, low, close, volume);
      state[2 * V] = x;
      state[2 * V + 1] = age;
      for (let v = 0; v < V; v++) {
        if (age === 0) {
          state[2 * v] = x;
          state[2 * v + 1] = x;
        } else {
          state[2 * v] = kFast[v]! * x + (1.0 - kFast[v]!) * state[2 * v]!;
          state[2 * v + 1] = kSlow[v]! * x + (1.0 - kSlow[v]!) * state[2 * v + 1]!;
        }
        // A row's NaN as a store of its own: a select of NaN and a value was boxed per variant (chains.ts).
        if (age >= from[v]!) out[v] = state[2 * v]! - state[2 * v + 1]!;
        else out[v] = NaN;
      }
    },
    // The kernel's state (native/volume/adosc.h): per variant (fast, slow), then the AD sum and the run's age.
    kernel: {
      perVariant: 4,
      length: 4 * V,
      save(into: Float64Array) {
        for (let v = 0; v < V; v++) {
          into.set(state.subarray(2 * v, 2 * v + 2), 4 * v);
          into.set(state.subarray(2 * V, 2 * V + 2), 4 * v + 2);
        }
      },
      load(from: Float64Array) {
        for (let v = 0; v < V; v++) state.set(from.subarray(4 * v, 4 * v + 2), 2 * v);
        state.set(from.subarray(2, 4), 2 * V);
      },
    },
  };
}
