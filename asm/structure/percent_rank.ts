// structure.percent_rank; mirrors native/structure/percent_rank.h.
import { at, BAD_PARAM, Call, input, OK, param, put, SCRATCH_TOO_SMALL } from "../abi";
import { callWindow, lastGaps, windowsFit } from "../primitives";

export function scratch(T: i32, W: i32): f64 { return <f64>T + <f64>W + 1.0; }

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T, callWindow(c, 0))) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0)) return BAD_PARAM;
  const x = input(c, 0);
  const lastGap = c.scratch, notAbove = c.scratch + (<usize>c.T << 3);
  lastGaps(x, c.T, lastGap);
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  const x = input(c, 0);
  const lastGap = c.scratch, notAbove = c.scratch + (<usize>c.T << 3);
  let longest = 0;
  for (let j = 0; j < nb; ++j) longest = max(longest, <i32>param(c, 0, b0 + j));
  for (let t = 0; t < c.T; ++t) {
    const run = t - <i32>at(lastGap, t);
    const reach = min(longest, run - 1);
    const xt = at(x, t);
    let count = 0.0;
    for (let i = 1; i <= reach; ++i) {
      if (at(x, t - i) <= xt) count += 1.0;
      store<f64>(notAbove + (<usize>i << 3), count);
    }
    for (let j = 0; j < nb; ++j) {
      const w = <i32>param(c, 0, b0 + j);
      put<O>(c, 0, t, b0 + j, run > w ? 100.0 * (at(notAbove, w) / <f64>w) : NaN);
    }
  }
}
