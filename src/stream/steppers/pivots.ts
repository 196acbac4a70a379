// structure.pivots, stepped: native/structure/pivots.h. One channel of the
// highest high and lowest low (RollingRange's levels) read up to the
// longest `right` + 1 bars late; per variant, at bar t the candidate
// p = t - right: a pivot high when high[p] beats the `left` highs before it
// and is not below the `right` highs after it (lows likewise), once the run
// of valid high and low holds left + right + 1 bars. The value is high[p]
// (level 0 of the channel, `right` bars back), NaN elsewhere. No state per
// variant: history steps the channel alone.
import { longestOf, paramOf, resumeBySources, type Stepper, type StepperContext } from './types.js';
import { Channel, channelPrelude, extremeLevels, lanesOf, Layout, type Lanes } from './extremes.js';

/**
 * The grid's distinct `right` lengths (variant v's at of[v]), and per push
 * each one's candidate high and low and the highest high and lowest low of
 * the `right` bars after it, shared by the variants of that length.
 */
interface Shared {
  readonly rights: Float64Array;
  readonly after: Lanes;
  readonly of: Int32Array;
  readonly candHigh: Float64Array;
  readonly candLow: Float64Array;
  readonly afterHigh: Float64Array;
  readonly afterLow: Float64Array;
}

/**
 * The pivot rows of the last bar, whose run holds `run` valid bars. A
 * top-level function, not the stepper's closure: V8 folds a closure's
 * captured constants into its optimized code only while one stream of the
 * id exists.
 */
function pivotsRow(
  state: Float64Array, ch: Channel, run: number, left: Float64Array, right: Float64Array, before: Lanes, x: Shared,
  highs: Float64Array | null, lows: Float64Array | null,
): void {
  const { rights, after, of, candHigh, candLow, afterHigh, afterLow } = x;
  for (let i = 0; i < rights.length; i++) {
    const r = rights[i]!;
    if (run <= r) continue;  // no variant of this length reads it
    candHigh[i] = ch.upper(state, 0, 0, r);
    candLow[i] = ch.lower(state, 0, 0, r);
    afterHigh[i] = ch.upper(state, after.level[i]!, after.back[i]!);
    afterLow[i] = ch.lower(state, after.level[i]!, after.back[i]!);
  }
  for (let v = 0; v < left.length; v++) {
    let ph = NaN, pl = NaN;
    const r = right[v]!;
    if (run > left[v]! + r) {
      const i = of[v]!, high = candHigh[i]!, low = candLow[i]!;
      if (high >= afterHigh[i]! && high > ch.upper(state, before.level[v]!, before.back[v]!, r + 1)) ph = high;
      if (low <= afterLow[i]! && low < ch.lower(state, before.level[v]!, before.back[v]!, r + 1)) pl = low;
    }
    if (highs) highs[v] = ph;
    if (lows) lows[v] = pl;
  }
}

export default function pivots(ctx: StepperContext): Stepper {
  const left = paramOf(ctx, 'left'), right = paramOf(ctx, 'right');
  const V = ctx.grid.variants;
  const before = lanesOf(left);
  const h = ctx.sourceIndex('high'), l = ctx.sourceIndex('low');
  // A variant reads its run's last left + right + 1 bars: batches take the kernel over a prelude of them.
  let bars = 1;
  for (let v = 0; v < V; v++) bars = Math.max(bars, left[v]! + right[v]! + 1);
  const layout = new Layout();
  const ch = new Channel(layout, extremeLevels(Math.max(longestOf(left), longestOf(right))), longestOf(right) + 1, h, l, [h, l], bars - 1);
  const state = new Float64Array(layout.size);
  const rights = [...new Set(right)];
  const shared: Shared = {
    rights: Float64Array.from(rights), after: lanesOf(rights), of: Int32Array.from(right, (r) => rights.indexOf(r)),
    candHigh: new Float64Array(rights.length), candLow: new Float64Array(rights.length),
    afterHigh: new Float64Array(rights.length), afterLow: new Float64Array(rights.length),
  };
  return {
    state,
    prelude: channelPrelude(state, [ch], bars),
    step(bar, rows) {
      const run = ch.advance(state, bar);
      const highs = rows[0], lows = rows[1];
      if (!highs && !lows) return;  // resume(): the channel only
      pivotsRow(state, ch, run, left, right, before, shared, highs, lows);
    },
    resume: resumeBySources,
  };
}
