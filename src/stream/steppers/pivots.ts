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
  /** Channel.range()'s lowest and highest of a window. */
  readonly range: Float64Array;
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
  // The channel's extremes through Channel.range() into an array, each row's NaN a store of its own:
  // upper() and lower() returning their numbers out of line, and a pivot NaN until found, were boxed.
  const { rights, after, of, candHigh, candLow, afterHigh, afterLow, range } = x;
  for (let i = 0; i < rights.length; i++) {
    const r = rights[i]!;
    if (run <= r) continue;  // no variant of this length reads it
    ch.range(state, 0, 0, range, r);
    candLow[i] = range[0]!;
    candHigh[i] = range[1]!;
    ch.range(state, after.level[i]!, after.back[i]!, range);
    afterLow[i] = range[0]!;
    afterHigh[i] = range[1]!;
  }
  for (let v = 0; v < left.length; v++) {
    const r = right[v]!, i = of[v]!;
    let isHigh = false, isLow = false;
    if (run > left[v]! + r) {
      // The `left` bars before the candidate only where the `right` bars after it did not beat it (rarely).
      const high = candHigh[i]! >= afterHigh[i]!, low = candLow[i]! <= afterLow[i]!;
      if (high || low) {
        ch.range(state, before.level[v]!, before.back[v]!, range, r + 1);
        isHigh = high && candHigh[i]! > range[1]!;
        isLow = low && candLow[i]! < range[0]!;
      }
    }
    if (highs) {
      if (isHigh) highs[v] = candHigh[i]!;
      else highs[v] = NaN;
    }
    if (lows) {
      if (isLow) lows[v] = candLow[i]!;
      else lows[v] = NaN;
    }
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
    afterHigh: new Float64Array(rights.length), afterLow: new Float64Array(rights.length), range: new Float64Array(2),
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
