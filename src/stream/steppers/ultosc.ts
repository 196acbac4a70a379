// momentum.ultosc, stepped: native/momentum/ultosc.h. Once per bar, the
// buying pressure close - min(low, previous close) and the true range, kept
// in a ring of the last maxWindow bars; per variant (windows sorted, the
// shortest weighted 4), three running sums of each with their rounding
// errors (compensatedAdd), primed from their own first bars: from the
// longest window's first value on, a bar's value reads them and then drops
// each window's oldest bar. Batches run the kernel with its state (per
// variant [lead, age, the 12 sums], kUltoscState in native/momentum/ultosc.h):
// the call's first lead = longest window bars are the stream's last bars
// (KernelStateMap.streamKeepsTail), so every bar a sum adds or drops is in
// the call.
import { leadKernelState, paramOf, type Stepper, type StepperContext } from './types.js';
import { nearZero, trueRange, twoSumError } from './primitives.js';
import { BarRun, blankRows, hlcRun, runTrueRange } from './wilder.js';

/** compensatedAdd on (sum, err) at s[at], s[at + 1]. */
function compensatedAdd(s: Float64Array, at: number, x: number): void {
  const sum = s[at]!, t = sum + x;
  s[at + 1] = s[at + 1]! + twoSumError(sum, x, t);
  s[at] = t;
}

/** Numbers per variant: (sum, error) of the buying pressure, then of the true range, per window. */
const OWN = 12;

export default function ultosc(ctx: StepperContext): Stepper {
  const V = ctx.grid.variants;
  const cols = ['window1', 'window2', 'window3'].map((p) => paramOf(ctx, p));
  const p = new Float64Array(3 * V);  // each variant's windows, sorted as TA-Lib sorts them
  for (let v = 0; v < V; v++) p.set(cols.map((c) => c[v]!).sort((a, b) => a - b), 3 * v);
  const R = Math.max(1, ...p);
  const runAt = OWN * V, ringAt = runAt + BarRun.size(3) + 1;
  // Per variant sums, the run of high, low and close, the ring position, then a ring of (bp, tr).
  const state = new Float64Array(ringAt + 2 * R);
  const run = hlcRun(ctx, state, runAt);
  const posAt = ringAt - 1;
  const S = 2 + OWN, lead = R;
  const [h, l, c] = (['high', 'low', 'close'] as const).map((k) => ctx.sourceIndex(k));
  // The run's valid bars: its last bar's age + 1 (0 after a gap).
  const kernel = leadKernelState(V, OWN, lead, () => state[runAt]! + 1, {
    save(v, into, at) {
      into.set(state.subarray(OWN * v, OWN * v + OWN), at);
    },
    load(from, bars, columns) {
      for (let v = 0; v < V; v++) state.set(from.subarray(S * v + 2, S * v + S), OWN * v);
      // The run (BarRun: the last bar's age, its inputs as read) and the ring of (bp, tr) of the last valid bars.
      const high = columns[h]!, low = columns[l]!, close = columns[c]!;
      const valid = (i: number) => high[i] === high[i] && low[i] === low[i] && close[i] === close[i];
      let count = 0, g = -1;
      for (let i = 0; i < bars; i++) {
        if (valid(i)) count++;
        else g = i;
      }
      const before = state[runAt]!, closeBefore = state[runAt + 3]!;
      state[runAt] = g === bars - 1 ? -1 : g >= 0 ? bars - 2 - g : before + bars;
      state[runAt + 1] = high[bars - 1]!;
      state[runAt + 2] = low[bars - 1]!;
      state[runAt + 3] = close[bars - 1]!;
      const pos = (state[posAt]! + count) % R;
      state[posAt] = pos;
      for (let i = bars - 1, back = 0; i >= 0 && back < R; i--) {
        if (!valid(i)) continue;
        const prevClose = i > 0 ? close[i - 1]! : closeBefore;
        const age = i > 0 ? (valid(i - 1) ? 1 : 0) : before >= 0 ? 1 : 0;  // only whether it is the run's first bar
        const slot = ringAt + 2 * ((pos - back + R) % R);
        state[slot] = close[i]! - (low[i]! < prevClose ? low[i]! : prevClose);
        state[slot + 1] = age > 0 ? trueRange(high[i]!, low[i]!, prevClose) : 0.0;
        back++;
      }
    },
    streamKeepsTail: true,
  });
  return {
    state,
    kernel,
    step(bar, rows) {
      const out = rows[0]!;
      const age = run.advance(bar);
      if (age < 0) {
        blankRows(rows);
        return;
      }
      const low = run.now[1]!, close = run.now[2]!, prevClose = run.prev[2]!;
      const bp = close - (low < prevClose ? low : prevClose);
      const tr = runTrueRange(age, run.now[0]!, low, prevClose);
      let pos = state[posAt]! + 1;
      if (pos === R) pos = 0;
      state[posAt] = pos;
      state[ringAt + 2 * pos] = bp;
      state[ringAt + 2 * pos + 1] = tr;
      for (let v = 0; v < V; v++) {
        const a = OWN * v, longest = p[3 * v + 2]!;
        if (age === 0) state.fill(0.0, a, a + OWN);
        for (let q = 0; q < 3; q++) {
          if (age > longest - p[3 * v + q]!) {
            compensatedAdd(state, a + 4 * q, bp);
            compensatedAdd(state, a + 4 * q + 2, tr);
          }
        }
        if (age < longest) {
          out[v] = NaN;
          continue;
        }
        let sum = 0.0;
        const A0 = state[a]! + state[a + 1]!, B0 = state[a + 2]! + state[a + 3]!;
        const A1 = state[a + 4]! + state[a + 5]!, B1 = state[a + 6]! + state[a + 7]!;
        const A2 = state[a + 8]! + state[a + 9]!, B2 = state[a + 10]! + state[a + 11]!;
        if (!nearZero(B0)) sum += 4.0 * (A0 / B0);
        if (!nearZero(B1)) sum += 2.0 * (A1 / B1);
        if (!nearZero(B2)) sum += A2 / B2;
        out[v] = 100.0 * (sum / 7.0);
        for (let q = 0; q < 3; q++) {
          // The window's oldest bar, p - 1 bars back.
          const back = p[3 * v + q]! - 1, slot = ringAt + 2 * (pos >= back ? pos - back : pos - back + R);
          compensatedAdd(state, a + 4 * q, -state[slot]!);
          compensatedAdd(state, a + 4 * q + 2, -state[slot + 1]!);
        }
      }
    },
  };
}
