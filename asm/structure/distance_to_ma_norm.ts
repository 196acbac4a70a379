// structure.distance_to_ma_norm; mirrors native/structure/distance_to_ma_norm.h, kernel state included.
import { at, Call, input, param, put, setSlot } from "../abi";
import { averageLane, seedsFirst, trueRange } from "../primitives";
import { leaveRun, prepareRun, ratioOrNaN, runCarried, runPrevClose, runStateAt } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

// Kernel state (per variant, STATE numbers; kState in the native kernel): the EMA's (value, count), the ATR, then the run's age and last bar.
const STATE: i32 = 8;

export function prepare(c: Call): i32 { return prepareRun(c, STATE, 3); }

export function block<O>(c: Call, b0: i32, nb: i32): void { leaveRun(c, STATE, 3, b0, nb); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const x = input(c, 0), high = input(c, 1), low = input(c, 2), close = input(c, 3);
  const start = s == 0 ? -runCarried : s;  // the run's first bar
  for (let j = 0; j < nb; ++j) {
    const first = seedsFirst(c, 1, b0 + j), ema = averageLane(0, j), atr = averageLane(1, j);
    ema.reset(param(c, 0, b0 + j), false, first);
    atr.reset(param(c, 0, b0 + j), true, first);
    if (start == s) continue;
    const from = runStateAt(c.stateIn, STATE, b0 + j);
    ema.value = at(from, 0);
    ema.count = <i32>at(from, 1);
    // Its true ranges so far: from age 1 on, or from age 0 for seed 'first'.
    atr.value = at(from, 2);
    atr.count = min(first ? s - start : s - start - 1, atr.period);
  }
  for (let t = s; t < e; ++t) {
    const range = t > start ? trueRange(at(high, t), at(low, t), t > s ? at(close, t - 1) : runPrevClose) : at(high, t) - at(low, t);
    const xt = at(x, t);
    for (let j = 0; j < nb; ++j) {
      const ema = averageLane(0, j), atr = averageLane(1, j);
      ema.push(xt);
      const ready = (t > start || seedsFirst(c, 1, b0 + j)) && atr.push(range);
      put<O>(c, 0, t, b0 + j, ready ? ratioOrNaN(xt - ema.value, atr.value) : NaN);
    }
  }
  if (c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) {
    const to = runStateAt(c.stateOut, STATE, b0 + j), ema = averageLane(0, j);
    setSlot(to, 0, ema.value);
    setSlot(to, 1, <f64>ema.count);
    setSlot(to, 2, averageLane(1, j).value);
    if (e == c.T) setSlot(to, 3, <f64>(e - 1 - start));
  }
}
