// trend.linreg: lanes hold sum y, sum age * y, the next bar summed afresh, and
// TA-Lib's constants sum x and divisor, in STATE_A..E; mirrors
// native/trend/linreg.h, kernel state included.
import {
  at, BAD_PARAM, Call, input, OK, param, put, putNaNAll, SCRATCH_TOO_SMALL, selected, setSlot, slot,
  STATE_A, STATE_B, STATE_C, STATE_D, STATE_E,
} from "../abi";
import { callWindow, leaveRunTailState, validAt } from "../primitives";

// Kernel state (kStateStride, kRunHead in native/trend/linreg.h): per
// variant STATE_STRIDE numbers, sum y and sum age * y; the source's part once
// per run (Call.runStateIn): [the run's age at bar -1, the last P values of
// the source, oldest first].
const STATE_STRIDE: i32 = 2;
const RUN_HEAD: i32 = 1;
// Set by prepare: whether the call has state, the source (the extended one
// with state: its bars from -W), and the bars of bar 0's run before the call.
let withState = false;
let source: usize = 0;
let carried: i32 = 0;

export function scratch(T: i32, W: i32): f64 { return <f64>T + <f64>max(W, 1); }

@inline function partAt(area: usize, v: i32): usize { return area + (<usize>(STATE_STRIDE * v) << 3); }

export function prepare(c: Call): i32 {
  const W = callWindow(c, 0);
  withState = false;
  source = input(c, 0);
  carried = 0;
  if (c.stateIn == 0) return c.stateOut != 0 || c.runStateIn != 0 ? BAD_PARAM : OK;
  if (c.stateLen < STATE_STRIDE * c.v1 || c.runStateIn == 0 || c.runStateLen < RUN_HEAD + max(W, 1)) return BAD_PARAM;
  withState = true;
  if (<f64>c.scratchLen < scratch(c.T, W)) return SCRATCH_TOO_SMALL;
  // y[-W .. T): the state's last W values, then the call's.
  const tail = c.runStateIn + (<usize>c.runStateLen << 3);
  memory.copy(c.scratch, tail - (<usize>W << 3), <usize>W << 3);
  memory.copy(c.scratch + (<usize>W << 3), input(c, 0), <usize>c.T << 3);
  source = c.scratch + (<usize>W << 3);
  if (c.T > 0 && validAt(c, 1, 0)) carried = <i32>load<f64>(c.runStateIn);
  // As a call ending on a NaN bar leaves the run; the last segment sets its age.
  if (c.runStateOut != 0) leaveRunTailState(c, RUN_HEAD, 1);
  return OK;
}

// Each variant's sums as they were; the segments write those of the variants with a value.
export function block<O>(c: Call, b0: i32, nb: i32): void {
  if (c.stateOut != 0) memory.copy(partAt(c.stateOut, b0), partAt(c.stateIn, b0), <usize>(STATE_STRIDE * nb) << 3);
}

// TA-Lib's sums over the window ending at t, oldest bar first, into lane j.
function regressionSums(y: usize, t: i32, n: i32, j: i32): void {
  let sumY = 0.0, sumXY = 0.0;
  for (let age = n - 1; age >= 0; --age) {
    sumY += at(y, t - age);
    sumXY += <f64>age * at(y, t - age);
  }
  setSlot(STATE_A, j, sumY);
  setSlot(STATE_B, j, sumXY);
}

// The four lines, or with forecast only TA-Lib TSF (structure.tsf): b + m * n.
export function regressionSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, forecast: bool): void {
  const degrees = 180.0 / 3.14159265358979323846;
  const y = source;
  const angle = !forecast && selected(c, 3);  // atan is the costliest step: skip it when not asked for
  const start = s == 0 ? -carried : s;  // the run's first bar
  for (let j = 0; j < nb; ++j) {
    const w = <i64>param(c, 0, b0 + j);
    const sumX = <f64>(w * (w - 1)) * 0.5;
    setSlot(STATE_D, j, sumX);
    setSlot(STATE_E, j, sumX * sumX - param(c, 0, b0 + j) * <f64>(w * (w - 1) * (2 * w - 1) / 6));
    let fresh = start + <i32>w - 1;
    if (start < s) {
      // A run going on from the state: its next fresh sum, the sums its bar -1 left.
      if (fresh < s) fresh += (s - fresh + <i32>w - 1) / <i32>w * <i32>w;
      const from = partAt(c.stateIn, b0 + j);
      setSlot(STATE_A, j, load<f64>(from));
      setSlot(STATE_B, j, load<f64>(from, 8));
    }
    setSlot(STATE_C, j, <f64>fresh);
  }
  for (let t = s; t < e; ++t) {
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const n = param(c, 0, v);
      const w = <i32>n;
      if (t < start + w - 1) { putNaNAll<O>(c, t, v, 1); continue; }
      if (<f64>t == slot(STATE_C, j)) {
        regressionSums(y, t, w, j);
        setSlot(STATE_C, j, <f64>(t + w));
      } else {
        const oldest = at(y, t - w);  // every other bar ages by one, the oldest leaves
        const sumY = slot(STATE_A, j);
        setSlot(STATE_B, j, slot(STATE_B, j) + sumY - n * oldest);
        setSlot(STATE_A, j, sumY - oldest + at(y, t));
      }
      const sumY = slot(STATE_A, j), sumXY = slot(STATE_B, j), sumX = slot(STATE_D, j);
      const m = (n * sumXY - sumX * sumY) / slot(STATE_E, j);
      const b = (sumY - m * sumX) / n;
      if (forecast) { put<O>(c, 0, t, v, b + m * n); continue; }
      put<O>(c, 0, t, v, b + m * (n - 1.0));
      put<O>(c, 1, t, v, m);
      put<O>(c, 2, t, v, b);
      if (angle) put<O>(c, 3, t, v, Math.atan(m) * degrees);
    }
  }
  if (c.runStateOut != 0 && e == c.T) store<f64>(c.runStateOut, <f64>(e - start));
  if (c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) {
    const to = partAt(c.stateOut, b0 + j);
    if (e - 1 < start + <i32>param(c, 0, b0 + j) - 1) continue;  // no value in this run: its sums as they were
    store<f64>(to, slot(STATE_A, j));
    store<f64>(to, slot(STATE_B, j), 8);
  }
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  regressionSegment<O>(c, b0, nb, s, e, false);
}
