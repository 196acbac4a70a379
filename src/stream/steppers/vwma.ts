// ma.vwma, stepped: native/ma/vwma.h, Σ(x·volume) / Σvolume over the window,
// NaN where the window's volume is 0 (flows.ts). As the kernel, the volume's
// prefix sum restarts only at a missing volume, the weighted one wherever
// the source or the volume is missing, and a window must be free of the latter.
import type { Stepper, StepperContext } from './types.js';
import { perVolume, windowSums } from './flows.js';

export default function vwma(ctx: StepperContext): Stepper {
  const volume = ctx.sourceIndex('volume');
  const runs = ctx.runs.map((r) => ({ v0: r.v0, v1: r.v1, cols: [ctx.sourceIndex(r.sources.source!), volume] }));
  return windowSums(ctx, runs, {
    head: 0,
    terms(bar, cols, _state, _at, t) {
      const vol = bar[cols[1]!]!;
      t[0] = bar[cols[0]!]! * vol;
      t[1] = vol;
    },
    value: (_v, weighted, vol) => perVolume(weighted, vol),
    perVolume: true,
    windowRatio: true,  // ma.vwma's kernel keeps the same state (pairPrefixStart)
  });
}
