// pattern.hikkake_mod; mirrors native/pattern/hikkake_mod.h.
import { Call } from "../abi";
import { average, close, high, low, NEAR, period, putAll, roll, startRun, total } from "./common";
import { confirmationStep, startConfirmation } from "./hikkake";

const LOOKBACK = max(1, period(NEAR)) + 5;

export function scratch(T: i32): f64 { return 0.0; }

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
  startConfirmation(first - LOOKBACK);
  let near = total(NEAR, first - 5);
  for (let i = first - 3; i < e; ++i) {
    const v = confirmationStep(i, patternAt(i, near));
    if (i >= first) putAll<O>(c, i, b0, nb, v);
    near = roll(NEAR, near, i - 2);
  }
}
