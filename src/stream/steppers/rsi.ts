// momentum.rsi, stepped: gainLoss in native/momentum/common.h. Per source,
// the previous value and the age of the current run (bars since its first);
// per variant, the sums of the first m gains and losses (m = window, or 1
// for seed 'first'), summed in order as sumRange does, divided by m at age m,
// then Wilder's step; the value is rsiFromAverages (momentum.cmo: its own
// ratio, cmo.ts), with zero_denominator deciding a 0/0 bar.
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { runAge } from './chains.js';
import { nearZero, rsiFromAverages, SEED_FIRST, wilderStep, ZERO_DENOMINATOR_NAN } from './primitives.js';

/** gainLoss: the Wilder averages of gains and losses of every variant, and `value` of them. */
export function gainLoss(ctx: StepperContext, value: (gain: number, loss: number) => number): Stepper {
  const window = paramOf(ctx, 'window');
  const seed = paramOf(ctx, 'seed');
  const zero = paramOf(ctx, 'zero_denominator');
  const V = ctx.grid.variants;
  const m = window.map((n, v) => (seed[v] === SEED_FIRST ? 1.0 : n));
  const runs = ctx.runs.map((r, i) => ({ v0: r.v0, v1: r.v1, src: ctx.sourceIndex(r.sources.source!), at: 2 * V + 2 * i }));
  // (gain, loss) per variant (sums while seeding, then averages), then (previous value, age; -1 after a NaN) per source run.
  const state = new Float64Array(2 * V + 2 * runs.length);
  for (const r of runs) state[r.at + 1] = -1;
  return {
    state,
    step(bar, rows) {
      const out = rows[0]!;
      for (const r of runs) {
        const x = bar[r.src]!;
        const age = runAge(state, r.at + 1, x, rows, r.v0, r.v1);
        if (age < 0) continue;
        const d = x - state[r.at]!;
        state[r.at] = x;
        const gain = d > 0.0 ? d : 0.0;
        const loss = d < 0.0 ? -d : 0.0;
        for (let v = r.v0; v < r.v1; v++) {
          const mv = m[v]!;
          if (age === 0) {
            state[2 * v] = 0.0;
            state[2 * v + 1] = 0.0;
          } else if (age <= mv) {
            // sumRange(gain, s + 1, m) / m: the seed.
            state[2 * v] = state[2 * v]! + gain;
            state[2 * v + 1] = state[2 * v + 1]! + loss;
            if (age === mv) {
              state[2 * v] = state[2 * v]! / mv;
              state[2 * v + 1] = state[2 * v + 1]! / mv;
            }
          } else {
            state[2 * v] = wilderStep(state[2 * v]!, gain, window[v]!);
            state[2 * v + 1] = wilderStep(state[2 * v + 1]!, loss, window[v]!);
          }
          if (age < mv) {
            out[v] = NaN;
            continue;
          }
          const g = state[2 * v]!, l = state[2 * v + 1]!;
          const y = value(g, l);
          out[v] = nearZero(g + l) && zero[v] === ZERO_DENOMINATOR_NAN ? NaN : y;
        }
      }
    },
    // The kernel's state (kGainLossState in native/momentum/common.h): per
    // variant its (gain, loss), then its source run's (previous value, age).
    kernel: {
      perVariant: 4,
      length: 4 * V,
      save(into) {
        for (const r of runs) {
          for (let v = r.v0; v < r.v1; v++) {
            into[4 * v] = state[2 * v]!;
            into[4 * v + 1] = state[2 * v + 1]!;
            into[4 * v + 2] = state[r.at]!;
            into[4 * v + 3] = state[r.at + 1]!;
          }
        }
      },
      load(from) {
        for (const r of runs) {
          for (let v = r.v0; v < r.v1; v++) {
            state[2 * v] = from[4 * v]!;
            state[2 * v + 1] = from[4 * v + 1]!;
          }
          state[r.at] = from[4 * r.v0 + 2]!;
          state[r.at + 1] = from[4 * r.v0 + 3]!;
        }
      },
    },
  };
}

export default function rsi(ctx: StepperContext): Stepper {
  return gainLoss(ctx, rsiFromAverages);
}
