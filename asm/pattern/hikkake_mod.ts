// pattern.hikkake_mod; mirrors native/pattern/hikkake_mod.h.
import { Call } from "../abi";
import { average, close, high, keepLocal, local, low, NEAR, period, prepareState, putAll, resumed, roll, startRun, total } from "./common";
import { confirmationStep, keepConfirmation, startConfirmation } from "./hikkake";

const LOOKBACK = max(1, period(NEAR)) + 5;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

function patternAt(i: i32, near: f64): i32 {
  const hit = high(i - 2) < high(i - 3) && low(i - 2) > low(i - 3) &&
              high(i - 1) < high(i - 2) && low(i - 1) > low(i - 2) &&
              ((high(i) < high(i - 1) && low(i) < low(i - 1) &&
                close(i - 2) <= low(i - 2) + average(NEAR, near, i - 2)) ||
               (high(i) > high(i - 1) && low(i) > low(i - 1) &&
                close(i - 2) >= high(i - 2) - average(NEAR, near, i - 2)));
  return hit ? (high(i) < high(i - 1) ? 1 : -1) : 0;
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  startConfirmation();
  // Local 2 of the kernel state: the Near total, rolled from three bars before the first output.
  let near = local(2, total(NEAR, first - 5));
  for (let i = resumed() ? first : first - 3; i < e; ++i) {
    const v = confirmationStep(i, patternAt(i, near));
    if (i >= first) putAll<O>(c, i, b0, nb, v);
    near = roll(NEAR, near, i - 2);
  }
  keepConfirmation();
  keepLocal(2, near);
}
