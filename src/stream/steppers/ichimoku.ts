// trend.ichimoku, stepped (its non-lagging outputs; a stream refuses
// `lagging`, which reads later bars): native/trend/ichimoku.h. One channel of
// the highest high and lowest low, its rings longer by the largest
// displacement so that the spans can read the channel `displacement` bars
// back; per variant, the midpoints of its conversion and base windows at
// this bar, and span A ((conversion + base) / 2) and span B (the span_b
// window's midpoint) as they were `displacement` bars before, each from the
// first bar its windows are full within a run of valid bars (high, low, close).
import { longestOf, paramOf, resumeBySources, type Stepper, type StepperContext } from './types.js';
import { Channel, extremeLevels, hlcOf, lanesOf, Layout } from './extremes.js';

export default function ichimoku(ctx: StepperContext): Stepper {
  const [conversion, base, spanB, displacement] = ['conversion', 'base', 'span_b', 'displacement'].map((p) => paramOf(ctx, p)) as [Float64Array, Float64Array, Float64Array, Float64Array];
  const W = Math.max(longestOf(conversion), longestOf(base), longestOf(spanB));
  const [cl, bl, sl] = [conversion, base, spanB].map((w) => lanesOf(w));
  const [h, l, c] = hlcOf(ctx);
  const layout = new Layout();
  const ch = new Channel(layout, extremeLevels(W), longestOf(displacement), h, l, [h, l, c]);
  const state = new Float64Array(layout.size);
  return {
    state,
    step(bar, rows) {
      const run = ch.advance(state, bar);
      const [convOut, baseOut, spanAOut, spanBOut] = rows;
      if (!convOut && !baseOut && !spanAOut && !spanBOut) return;
      for (let v = 0; v < ctx.grid.variants; v++) {
        const wc = conversion[v]!, wb = base[v]!, d = displacement[v]!;
        if (convOut) convOut[v] = run >= wc ? ch.mid(state, cl!.level[v]!, cl!.back[v]!) : NaN;
        if (baseOut) baseOut[v] = run >= wb ? ch.mid(state, bl!.level[v]!, bl!.back[v]!) : NaN;
        if (spanAOut) {
          spanAOut[v] = run >= Math.max(wc, wb) + d
            ? (ch.mid(state, cl!.level[v]!, cl!.back[v]!, d) + ch.mid(state, bl!.level[v]!, bl!.back[v]!, d)) / 2.0
            : NaN;
        }
        if (spanBOut) spanBOut[v] = run >= spanB[v]! + d ? ch.mid(state, sl!.level[v]!, sl!.back[v]!, d) : NaN;
      }
    },
    resume: resumeBySources,
  };
}
