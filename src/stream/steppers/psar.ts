// trend.psar, stepped: SarLane in native/trend/common.h, one lane per
// variant. Per run of valid high and low, the first bar only seeds it; on
// the second the lane starts (the first trend from startvalue, or short
// when that bar's -DM beats its +DM; the first SAR the first bar's low or
// high) and steps that bar with itself as the previous bar, as TA-Lib does;
// then one SarLane::bar per bar. trend.sarext steps the same lanes.
// Batches run the kernel from the lanes and the run (kSarState).
import { ownThenSharedKernelState, paramOf, type Stepper, type StepperContext } from './types.js';
import { BarRun, blankRows, inputIndices } from './wilder.js';

/** Numbers per lane: sar, extreme point, long and short accelerations, isLong (1 or 0). */
const LANE = 5;

/** A variant's accelerations (SarAccelerations), six numbers each: init, step, max for long, then for short. */
export type SarAccelerations = Float64Array;

/**
 * SarLane::bar on every lane, the lane of variant v at s[LANE * v] with
 * accelerations acc[6v .. 6v + 6], the bar's prevHigh, prevLow, high and low
 * in hl: writes the SAR reported at the bar (negated in a short trend when
 * `signed`) and the direction into the rows not null. One top-level loop,
 * each number a local: a SarLane::bar function per variant that V8 left
 * out of line boxed its arguments and its result (1.3 KB per push of the
 * default grid).
 */
function sarRows(s: Float64Array, V: number, hl: Float64Array, offsets: Float64Array | null, acc: SarAccelerations, signed: boolean, sarRow: Float64Array | null, direction: Float64Array | null): void {
  const prevHigh = hl[0]!, prevLow = hl[1]!, high = hl[2]!, low = hl[3]!;
  for (let v = 0; v < V; v++) {
    const l = LANE * v, c = 6 * v;
    let sar = s[l]!, ep = s[l + 1]!;
    let reported: number;
    // belowBars / aboveBars and std::min written out: a call V8 has not
    // inlined (one on a path the warm-up never took) boxes its numbers.
    if (s[l + 4] === 1) {
      if (low <= sar) {
        s[l + 4] = 0;
        reported = ep;  // aboveBars(ep, prevHigh, high)
        if (reported < prevHigh) reported = prevHigh;
        if (reported < high) reported = high;
        if (offsets !== null) {
          const offset = offsets[v]!;
          if (offset !== 0.0) reported += reported * offset;
        }
        const af = acc[c + 3]!;
        s[l + 3] = af;
        ep = low;
        sar = reported + af * (ep - reported);  // aboveBars
        if (sar < prevHigh) sar = prevHigh;
        if (sar < high) sar = high;
      } else {
        reported = sar;
        if (high > ep) {
          ep = high;
          const af = s[l + 2]! + acc[c + 1]!, max = acc[c + 2]!;
          s[l + 2] = max < af ? max : af;
        }
        sar = sar + s[l + 2]! * (ep - sar);  // belowBars
        if (sar > prevLow) sar = prevLow;
        if (sar > low) sar = low;
      }
    } else if (high >= sar) {
      s[l + 4] = 1;
      reported = ep;  // belowBars(ep, prevLow, low)
      if (reported > prevLow) reported = prevLow;
      if (reported > low) reported = low;
      if (offsets !== null) {
        const offset = offsets[v]!;
        if (offset !== 0.0) reported -= reported * offset;
      }
      const af = acc[c]!;
      s[l + 2] = af;
      ep = high;
      sar = reported + af * (ep - reported);  // belowBars
      if (sar > prevLow) sar = prevLow;
      if (sar > low) sar = low;
    } else {
      reported = sar;
      if (low < ep) {
        ep = low;
        const af = s[l + 3]! + acc[c + 4]!, max = acc[c + 5]!;
        s[l + 3] = max < af ? max : af;
      }
      sar = sar + s[l + 3]! * (ep - sar);  // aboveBars
      if (sar < prevHigh) sar = prevHigh;
      if (sar < high) sar = high;
    }
    s[l] = sar;
    s[l + 1] = ep;
    // Each value a store of its own (a conditional value stored is boxed).
    const isLong = s[l + 4] === 1;
    if (sarRow !== null) {
      if (signed && !isLong) sarRow[v] = -reported;
      else sarRow[v] = reported;
    }
    if (direction !== null) {
      if (isLong) direction[v] = 1.0;
      else direction[v] = -1.0;
    }
  }
}

/**
 * A stepper of one SarLane per variant. `startvalue` (SAREXT's, null for
 * PSAR: 0) picks the first trend and SAR; `offset` (null: 0) pushes a
 * reported SAR away from the price on a reversal. Outputs: the SAR and the
 * direction (+1 / -1), or (signed) the SAR negated in a short trend.
 */
export function sarLanes(ctx: StepperContext, acc: SarAccelerations, startvalue: Float64Array | null, offset: Float64Array | null, signed: boolean): Stepper {
  const V = ctx.grid.variants;
  const state = new Float64Array(LANE * V + BarRun.size(2));
  const run = new BarRun(state, LANE * V, inputIndices(ctx, ['high', 'low']));
  const hl = new Float64Array(4);  // the bar's prevHigh, prevLow, high, low for sarRows
  return {
    state,
    // kSarState (native/trend/common.h): each lane, then the run's age and last high and low.
    kernel: ownThenSharedKernelState(state, V, LANE, BarRun.size(2)),
    step(bar, rows) {
      const age = run.advance(bar);
      if (age <= 0) {
        blankRows(rows);
        return;
      }
      const high = run.now[0]!, low = run.now[1]!;
      // TA-Lib's first bar is its own previous bar.
      const prevHigh = age > 1 ? run.prev[0]! : high, prevLow = age > 1 ? run.prev[1]! : low;
      if (age === 1) {
        // startLane: the trend and SAR of startvalue, or (0) from the sign of this bar's -DM.
        const up = high - run.prev[0]!, down = run.prev[1]! - low;
        const longByMoves = !(down > 0.0 && up < down);
        for (let v = 0; v < V; v++) {
          const start = startvalue ? startvalue[v]! : 0.0;
          const isLong = start === 0.0 ? longByMoves : start > 0.0;
          const l = LANE * v;
          state[l] = start === 0.0 ? (isLong ? run.prev[1]! : run.prev[0]!) : Math.abs(start);
          state[l + 1] = isLong ? high : low;
          state[l + 2] = acc[6 * v]!;
          state[l + 3] = acc[6 * v + 3]!;
          state[l + 4] = isLong ? 1 : 0;
        }
      }
      hl[0] = prevHigh; hl[1] = prevLow; hl[2] = high; hl[3] = low;
      sarRows(state, V, hl, offset, acc, signed, rows[0] ?? null, rows[1] ?? null);
    },
  };
}

export default function psar(ctx: StepperContext): Stepper {
  const start = paramOf(ctx, 'accel_start'), step = paramOf(ctx, 'accel_step'), max = paramOf(ctx, 'accel_max');
  const acc = new Float64Array(6 * ctx.grid.variants);
  for (let v = 0; v < ctx.grid.variants; v++) {
    // sarStart: the starting acceleration, clamped to the maximum.
    const af = start[v]! > max[v]! ? max[v]! : start[v]!;
    acc.set([af, step[v]!, max[v]!, af, step[v]!, max[v]!], 6 * v);
  }
  return sarLanes(ctx, acc, null, null, false);
}
