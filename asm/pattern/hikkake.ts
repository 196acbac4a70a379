// pattern.hikkake; mirrors native/pattern/hikkake.h.
import { Call } from "../abi";
import { close, high, keepLocal, local, low, prepareState, putAll, resumed, runOrigin, startRun } from "./common";

const LOOKBACK = 5;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

// TA-Lib's patternIdx / patternResult (native: struct Confirmation). ORIGIN
// is the run's first bar, the index 0 TA-Lib resets patternIdx to. Kernel
// state: locals 0 and 1 (the pattern bar counted from ORIGIN, the result).
let ORIGIN: i32 = 0, IDX: i32 = 0, RESULT: i32 = 0;

export function startConfirmation(): void {
  ORIGIN = runOrigin();
  IDX = ORIGIN + <i32>local(0, 0.0);
  RESULT = <i32>local(1, 0.0);
}

export function keepConfirmation(): void {
  keepLocal(0, <f64>(IDX - ORIGIN));
  keepLocal(1, <f64>RESULT);
}

// The value at bar i, where `pattern` is +1 / -1 for a bullish / bearish
// pattern bar and 0 otherwise.
export function confirmationStep(i: i32, pattern: i32): f64 {
  if (pattern != 0) {
    RESULT = 100 * pattern;
    IDX = i;
    return <f64>RESULT;
  }
  if (i <= IDX + 3 && ((RESULT > 0 && close(i) > high(IDX - 1)) || (RESULT < 0 && close(i) < low(IDX - 1)))) {
    IDX = ORIGIN;
    return <f64>(RESULT + 100 * (RESULT > 0 ? 1 : -1));
  }
  return 0.0;
}

function patternAt(i: i32): i32 {
  const hit = high(i - 1) < high(i - 2) && low(i - 1) > low(i - 2) &&
              ((high(i) < high(i - 1) && low(i) < low(i - 1)) ||
               (high(i) > high(i - 1) && low(i) > low(i - 1)));
  return hit ? (high(i) < high(i - 1) ? 1 : -1) : 0;
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  startConfirmation();
  if (!resumed()) for (let i = first - 3; i < first; ++i) confirmationStep(i, patternAt(i));
  for (let i = first; i < e; ++i) putAll<O>(c, i, b0, nb, confirmationStep(i, patternAt(i)));
  keepConfirmation();
}
