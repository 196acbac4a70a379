// momentum.macd, stepped: emaSpread with SpreadStyle{macd, signal} in
// native/momentum/common.h. Per variant, three SeededAverages (fast, slow,
// signal; fast > slow swapped). As TA-Lib, the fast EMA starts slow - fast
// bars into the run (seeded on the slow EMA's first bar), and all three
// outputs start on the signal's first bar; seed 'first' starts every EMA on
// the run's first bar. Per source, the age of the current run.
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { SEED_FIRST, seededAverageStep } from './primitives.js';

export default function macd(ctx: StepperContext): Stepper {
  const V = ctx.grid.variants;
  const [f0, s0, sig] = (['fast', 'slow', 'signal'] as const).map((p) => paramOf(ctx, p));
  const first = paramOf(ctx, 'seed').map((s) => (s === SEED_FIRST ? 1 : 0));
  const fastN = f0!.map((f, v) => Math.min(f, s0![v]!)), slowN = f0!.map((f, v) => Math.max(f, s0![v]!));
  const k = (n: number) => 2.0 / (n + 1.0);
  const fastK = fastN.map(k), slowK = slowN.map(k), sigK = sig!.map(k);
  const period = (n: Float64Array) => n.map((w, v) => (first[v] ? 1 : w));
  const fastP = period(fastN), slowP = period(slowN), sigP = period(sig!);
  const fastFrom = fastN.map((f, v) => (first[v] ? 0 : slowN[v]! - f));
  const runs = ctx.runs.map((r, i) => ({ v0: r.v0, v1: r.v1, src: ctx.sourceIndex(r.sources.source!), at: 6 * V + i }));
  // (value, count) of the fast, slow and signal averages per variant, then the age of each source run (-1 after a NaN).
  const state = new Float64Array(6 * V + runs.length).fill(-1, 6 * V);
  return {
    state,
    step(bar, rows) {
      const [line, signal, hist] = rows;
      for (const r of runs) {
        const x = bar[r.src]!;
        if (x !== x) {
          state[r.at] = -1;
          for (const o of rows) o?.fill(NaN, r.v0, r.v1);
          continue;
        }
        const age = state[r.at]! + 1;
        state[r.at] = age;
        for (let v = r.v0; v < r.v1; v++) {
          const a = 6 * v;
          if (age === 0) state.fill(0.0, a, a + 6);
          if (age >= fastFrom[v]!) seededAverageStep(state, a, x, fastP[v]!, fastK[v]!, fastN[v]!, false);
          const slowV = seededAverageStep(state, a + 2, x, slowP[v]!, slowK[v]!, slowN[v]!, false);
          let m = NaN, s = NaN;
          if (slowV === slowV) {
            const d = state[a]! - slowV;
            s = seededAverageStep(state, a + 4, d, sigP[v]!, sigK[v]!, sig![v]!, false);
            if (s === s) m = d;
          }
          if (line) line[v] = m;
          if (signal) signal[v] = s;
          if (hist) hist[v] = m - s;
        }
      }
    },
  };
}
