// trend.adx, stepped: directionalSystem in native/trend/common.h. Once per
// bar, the one-bar +DM, -DM and true range from the previous bar of the run;
// per variant, Wilder's running sums of the three (seeded with ages
// 1 .. n-1 summed in order, or n times the first bar's values for seed
// 'first'), the DIs and DX from them, and the ADX: the mean of the first m
// DX, then Wilder's average, an undefined DX repeating the last one and
// leaving the ADX unchanged. trend.adxr adds a ring of the last n ADX.
import { ownSharedTailKernelState, paramOf, type Stepper, type StepperContext } from './types.js';
import { nearZero, SEED_FIRST, wilderStep, ZERO_DENOMINATOR_NAN } from './primitives.js';
import { BarRun, blankVariant, minusMove, ownThenHlcKernelState, ownThenHlcRun, plusMove, runTrueRange, wilderSumStep } from './wilder.js';

/** Numbers per variant: the sums of TR, +DM and -DM, the last DX, the ADX (the sum of the first DX while it starts). */
const OWN = 5;

/** TA-Lib's ADX with the DIs and DX (outputs adx, plus_di, minus_di, dx), or (adxr) ADXR. */
export function directionalSystem(ctx: StepperContext, adxr: boolean): Stepper {
  const window = paramOf(ctx, 'window');
  const V = ctx.grid.variants;
  const first = paramOf(ctx, 'seed').map((s) => (s === SEED_FIRST ? 1 : 0));
  const zeroNaN = adxr ? new Float64Array(V) : paramOf(ctx, 'zero_denominator').map((z) => (z === ZERO_DENOMINATOR_NAN ? 1 : 0));
  const adxWindow = adxr ? window : paramOf(ctx, 'adx_window');
  const m = window.map((n, v) => (adxWindow[v]! > 0.0 ? adxWindow[v]! : n));
  // Ages of the first DI and of the first ADX in the run.
  const from = window.map((n, v) => (first[v] ? 0 : n));
  const adxFrom = from.map((f, v) => (first[v] ? 1 : f + m[v]! - 1));
  // ADXR: a ring of the last n ADX per variant, slot age mod n.
  const ringAt = new Int32Array(V + 1);
  for (let v = 0; v < V; v++) ringAt[v + 1] = ringAt[v]! + (adxr ? window[v]! : 0);
  const { state, run } = ownThenHlcRun(ctx, OWN * V + ringAt[V]!);
  return {
    state,
    step(bar, rows) {
      const age = run.advanceOrBlank(bar, rows);
      if (age < 0) return;
      const high = run.now[0]!, low = run.now[1]!;
      const prevHigh = run.prev[0]!, prevLow = run.prev[1]!, prevClose = run.prev[2]!;
      const tr = runTrueRange(age, high, low, prevClose);
      const plusDM = age > 0 ? plusMove(high, low, prevHigh, prevLow) : 0.0;
      const minusDM = age > 0 ? minusMove(high, low, prevHigh, prevLow) : 0.0;
      const [adxRow, plusRow, minusRow, dxRow] = rows;
      for (let v = 0; v < V; v++) {
        const n = window[v]!, a = OWN * v, seedFirst = first[v] === 1;
        if (age === 0) {
          state[a] = seedFirst ? n * (high - low) : 0.0;
          state[a + 1] = 0.0;
          state[a + 2] = 0.0;
          state[a + 3] = 0.0;
          state[a + 4] = 0.0;
        } else if (age < from[v]!) {
          // sumRange(tr, s + 1, n - 1) and the DMs': the seeds.
          state[a] = state[a]! + tr;
          state[a + 1] = state[a + 1]! + plusDM;
          state[a + 2] = state[a + 2]! + minusDM;
        }
        if (age < from[v]!) {
          blankVariant(rows, v);
          continue;
        }
        if (age > 0 || !seedFirst) {
          state[a] = wilderSumStep(state[a]!, tr, n);
          state[a + 1] = wilderSumStep(state[a + 1]!, plusDM, n);
          state[a + 2] = wilderSumStep(state[a + 2]!, minusDM, n);
        }
        const sTR = state[a]!;
        const flat = nearZero(sTR);
        const plusDI = flat ? 0.0 : 100.0 * (state[a + 1]! / sTR);
        const minusDI = flat ? 0.0 : 100.0 * (state[a + 2]! / sTR);
        const sum = minusDI + plusDI;
        const defined = !flat && !nearZero(sum);
        const x = defined ? 100.0 * (Math.abs(minusDI - plusDI) / sum) : 0.0;
        if (defined) state[a + 3] = x;
        const mv = m[v]!, af = adxFrom[v]!;
        if (age < af) state[a + 4] = state[a + 4]! + x;  // an undefined DX adds nothing
        else if (age === af) state[a + 4] = seedFirst ? x : (state[a + 4]! + x) / mv;
        else if (defined) state[a + 4] = wilderStep(state[a + 4]!, x, mv);
        const adx = state[a + 4]!;
        if (adxr) {
          // ADXR averages the ADX with the one n-1 bars back, kept in slot age mod n.
          const w = n, lane = OWN * V + ringAt[v]!;
          let value = NaN;
          if (age >= af) {
            if (age >= af + w - 1) value = (adx + state[lane + ((age + 1) % w)]!) / 2.0;
            state[lane + (age % w)] = adx;
          }
          if (adxRow) adxRow[v] = value;
          continue;
        }
        const blankDI = zeroNaN[v] === 1 && flat, blankDX = zeroNaN[v] === 1 && !defined;
        // A row's NaN as a store of its own: a select of NaN and a value was boxed per variant (chains.ts).
        if (adxRow) {
          if (age >= af && !blankDX) adxRow[v] = adx;
          else adxRow[v] = NaN;
        }
        if (blankDI) {
          if (plusRow) plusRow[v] = NaN;
          if (minusRow) minusRow[v] = NaN;
        } else {
          if (plusRow) plusRow[v] = plusDI;
          if (minusRow) minusRow[v] = minusDI;
        }
        if (dxRow) {
          if (blankDX) dxRow[v] = NaN;
          else dxRow[v] = state[a + 3]!;
        }
      }
    },
    // The kernel state (kDirectionalState in native/trend/common.h): per
    // variant these five numbers, then the run's age and its last high, low
    // and close; ADXR's then its ring, at a stride of the longest ring.
    kernel: adxr
      ? ownSharedTailKernelState(state, V, OWN, OWN * V + ringAt[V]!, BarRun.size(3), ringAt.map((r) => OWN * V + r))
      : ownThenHlcKernelState(state, V, OWN),
  };
}

export default function adx(ctx: StepperContext): Stepper {
  return directionalSystem(ctx, false);
}
