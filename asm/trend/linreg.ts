// trend.linreg: lanes hold sum y, sum age * y, the next bar summed afresh, and
// TA-Lib's constants sum x and divisor, in STATE_A..E.
import {
  at, Call, input, param, put, putNaNAll, selected, setSlot, slot, STATE_A, STATE_B, STATE_C,
  STATE_D, STATE_E,
} from "../abi";

export function scratch(T: i32): f64 { return 0.0; }

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
  const y = input(c, 0);
  const angle = !forecast && selected(c, 3);  // atan is the costliest step: skip it when not asked for
  for (let j = 0; j < nb; ++j) {
    const w = <i64>param(c, 0, b0 + j);
    const sumX = <f64>(w * (w - 1)) * 0.5;
    setSlot(STATE_D, j, sumX);
    setSlot(STATE_E, j, sumX * sumX - param(c, 0, b0 + j) * <f64>(w * (w - 1) * (2 * w - 1) / 6));
    setSlot(STATE_C, j, <f64>(s + <i32>w - 1));
  }
  for (let t = s; t < e; ++t) {
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const n = param(c, 0, v);
      const w = <i32>n;
      if (t < s + w - 1) { putNaNAll<O>(c, t, v, 1); continue; }
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
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  regressionSegment<O>(c, b0, nb, s, e, false);
}
