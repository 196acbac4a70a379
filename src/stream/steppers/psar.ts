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

function belowBars(sar: number, prevLow: number, low: number): number {
  if (sar > prevLow) sar = prevLow;
  if (sar > low) sar = low;
  return sar;
}

function aboveBars(sar: number, prevHigh: number, high: number): number {
  if (sar < prevHigh) sar = prevHigh;
  if (sar < high) sar = high;
  return sar;
}

/** std::min(a, b): b when b < a. */
function lesser(a: number, b: number): number {
  return b < a ? b : a;
}

/** SarLane::bar on the lane at s[l] with accelerations acc[c .. c + 6]: returns the SAR reported at the bar, unsigned. */
function sarBar(s: Float64Array, l: number, prevHigh: number, prevLow: number, high: number, low: number, offset: number, acc: SarAccelerations, c: number): number {
  let sar = s[l]!, ep = s[l + 1]!;
  let reported: number;
  if (s[l + 4] === 1) {
    if (low <= sar) {
      s[l + 4] = 0;
      reported = aboveBars(ep, prevHigh, high);
      if (offset !== 0.0) reported += reported * offset;
      const af = acc[c + 3]!;
      s[l + 3] = af;
      ep = low;
      sar = aboveBars(reported + af * (ep - reported), prevHigh, high);
    } else {
      reported = sar;
      if (high > ep) {
        ep = high;
        s[l + 2] = lesser(s[l + 2]! + acc[c + 1]!, acc[c + 2]!);
      }
      sar = belowBars(sar + s[l + 2]! * (ep - sar), prevLow, low);
    }
  } else if (high >= sar) {
    s[l + 4] = 1;
    reported = belowBars(ep, prevLow, low);
    if (offset !== 0.0) reported -= reported * offset;
    const af = acc[c]!;
    s[l + 2] = af;
    ep = high;
    sar = belowBars(reported + af * (ep - reported), prevLow, low);
  } else {
    reported = sar;
    if (low < ep) {
      ep = low;
      s[l + 3] = lesser(s[l + 3]! + acc[c + 4]!, acc[c + 5]!);
    }
    sar = aboveBars(sar + s[l + 3]! * (ep - sar), prevHigh, high);
  }
  s[l] = sar;
  s[l + 1] = ep;
  return reported;
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
      const [sarRow, direction] = rows;
      for (let v = 0; v < V; v++) {
        const l = LANE * v;
        const sar = sarBar(state, l, prevHigh, prevLow, high, low, offset ? offset[v]! : 0.0, acc, 6 * v);
        const isLong = state[l + 4] === 1;
        if (sarRow) sarRow[v] = signed && !isLong ? -sar : sar;
        if (direction) direction[v] = isLong ? 1.0 : -1.0;
      }
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
