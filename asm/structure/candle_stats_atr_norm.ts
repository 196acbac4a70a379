// structure.candle_stats_atr_norm; mirrors native/structure/candle_stats_atr_norm.h, kernel state included.
import { at, Call, input, param, put, putNaNAll, setSlot } from "../abi";
import { averageLane, seedsFirst, trueRange } from "../primitives";
import { candleBottom, candleTop, leaveRun, prepareRun, ratioOrNaN, runCarried, runPrevClose, runStateAt } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

// Kernel state (per variant, STATE numbers; kState in the native kernel): the ATR, then the run's age and last bar.
const STATE: i32 = 6;

export function prepare(c: Call): i32 { return prepareRun(c, STATE, 1); }

export function block<O>(c: Call, b0: i32, nb: i32): void { leaveRun(c, STATE, 1, b0, nb); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const open = input(c, 0), high = input(c, 1), low = input(c, 2), close = input(c, 3);
  const start = s == 0 ? -runCarried : s;  // the run's first bar
  for (let j = 0; j < nb; ++j) {
    const first = seedsFirst(c, 1, b0 + j), atr = averageLane(0, j);
    atr.reset(param(c, 0, b0 + j), true, first);
    if (start == s) continue;
    // Its true ranges so far: from age 1 on, or from age 0 for seed 'first'.
    atr.value = at(runStateAt(c.stateIn, STATE, b0 + j), 0);
    atr.count = min(first ? s - start : s - start - 1, atr.period);
  }
  for (let t = s; t < e; ++t) {
    const o = at(open, t), h = at(high, t), l = at(low, t), cl = at(close, t);
    const range = t > start ? trueRange(h, l, t > s ? at(close, t - 1) : runPrevClose) : h - l;
    const top = candleTop(o, cl), bottom = candleBottom(o, cl);
    for (let j = 0; j < nb; ++j) {
      const atr = averageLane(0, j);
      if ((t == start && !seedsFirst(c, 1, b0 + j)) || !atr.push(range)) {
        putNaNAll<O>(c, t, b0 + j, 1);
        continue;
      }
      const a = atr.value;
      put<O>(c, 0, t, b0 + j, ratioOrNaN(top - bottom, a));
      put<O>(c, 1, t, b0 + j, ratioOrNaN(h - l, a));
      put<O>(c, 2, t, b0 + j, ratioOrNaN(h - top, a));
      put<O>(c, 3, t, b0 + j, ratioOrNaN(bottom - l, a));
    }
  }
  if (c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) {
    const to = runStateAt(c.stateOut, STATE, b0 + j);
    setSlot(to, 0, averageLane(0, j).value);
    if (e == c.T) setSlot(to, 1, <f64>(e - 1 - start));
  }
}
