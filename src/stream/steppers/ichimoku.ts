// trend.ichimoku, stepped (its non-lagging outputs; a stream refuses
// `lagging`, which reads later bars): native/trend/ichimoku.h. One channel of
// the highest high and lowest low, its rings longer by the largest
// displacement so that the spans can read the channel `displacement` bars
// back; per variant, the midpoints of its conversion and base windows at
// this bar, and span A ((conversion + base) / 2) and span B (the span_b
// window's midpoint) as they were `displacement` bars before, each from the
// first bar its windows are full within a run of valid bars (high, low, close).
// The variants combine a few windows and displacements: each distinct
// (window, delay) midpoint is read once per bar, and every variant reads its own.
import { longestOf, paramOf, resumeBySources, type Stepper, type StepperContext } from './types.js';
import { Channel, channelPrelude, extremeLevels, hlcOf, lanesOf, Layout } from './extremes.js';

export default function ichimoku(ctx: StepperContext): Stepper {
  const [conversion, base, spanB, displacement] = ['conversion', 'base', 'span_b', 'displacement'].map((p) => paramOf(ctx, p)) as [Float64Array, Float64Array, Float64Array, Float64Array];
  const V = ctx.grid.variants;
  const W = Math.max(longestOf(conversion), longestOf(base), longestOf(spanB));
  const [h, l, c] = hlcOf(ctx);
  // A variant reads its run's last (longest window + displacement) bars: batches take the kernel over a prelude of them.
  let bars = 1;
  for (let v = 0; v < V; v++) bars = Math.max(bars, Math.max(conversion[v]!, base[v]!, spanB[v]!) + displacement[v]!);
  const layout = new Layout();
  const ch = new Channel(layout, extremeLevels(W), longestOf(displacement), h, l, [h, l, c], bars - 1);
  const state = new Float64Array(layout.size);
  // The distinct midpoints (a window read `delay` bars back) and, per variant, the index of each of its five.
  const keys = new Map<string, number>(), mids: { window: number; delay: number }[] = [];
  const midOf = (window: number, delay: number): number => {
    const key = `${window}:${delay}`;
    if (!keys.has(key)) {
      keys.set(key, mids.length);
      mids.push({ window, delay });
    }
    return keys.get(key)!;
  };
  const conv = new Int32Array(V), baseNow = new Int32Array(V), convBack = new Int32Array(V), baseBack = new Int32Array(V), spanBBack = new Int32Array(V);
  for (let v = 0; v < V; v++) {
    const d = displacement[v]!;
    conv[v] = midOf(conversion[v]!, 0);
    baseNow[v] = midOf(base[v]!, 0);
    convBack[v] = midOf(conversion[v]!, d);
    baseBack[v] = midOf(base[v]!, d);
    spanBBack[v] = midOf(spanB[v]!, d);
  }
  const { level, back } = lanesOf(mids.map((m) => m.window));
  const delay = Int32Array.from(mids, (m) => m.delay);
  const mid = new Float64Array(mids.length);
  return {
    state,
    prelude: channelPrelude(state, [ch], bars),
    step(bar, rows) {
      const run = ch.advance(state, bar);
      const [convOut, baseOut, spanAOut, spanBOut] = rows;
      if (!convOut && !baseOut && !spanAOut && !spanBOut) return;
      // RollingRange::Window::mid of each distinct window and delay (read whether or not a variant shows it).
      for (let i = 0; i < mid.length; i++) mid[i] = ch.mid(state, level[i]!, back[i]!, delay[i]!);
      for (let v = 0; v < V; v++) {
        const wc = conversion[v]!, wb = base[v]!, d = displacement[v]!;
        // A row's NaN as a store of its own: a select of NaN and a value was boxed per variant (chains.ts).
        if (convOut) {
          if (run >= wc) convOut[v] = mid[conv[v]!]!;
          else convOut[v] = NaN;
        }
        if (baseOut) {
          if (run >= wb) baseOut[v] = mid[baseNow[v]!]!;
          else baseOut[v] = NaN;
        }
        if (spanAOut) {
          if (run >= Math.max(wc, wb) + d) spanAOut[v] = (mid[convBack[v]!]! + mid[baseBack[v]!]!) / 2.0;
          else spanAOut[v] = NaN;
        }
        if (spanBOut) {
          if (run >= spanB[v]! + d) spanBOut[v] = mid[spanBBack[v]!]!;
          else spanBOut[v] = NaN;
        }
      }
    },
    resume: resumeBySources,
  };
}
