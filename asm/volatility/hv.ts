// volatility.hv; mirrors native/volatility/hv.h.
import { at, BLOCK, Call, input, OK, param, put, SCRATCH_TOO_SMALL, setSlot, slot, STATE_A } from "../abi";
import { MOMENTS, momentsRun, rollingMomentsScratch } from "../primitives";
import { portableLog } from "../momentum/fisher";

// portableLog1p of native/volatility/hv.h.
function portableLog1p(x: f64): f64 {
  const u = 1.0 + x;
  return u == 1.0 ? x : portableLog(u) * (x / (u - 1.0));
}

export function scratch(T: i32): f64 { return <f64>T + rollingMomentsScratch(T); }

export function run<O>(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  const x = input(c, 0);
  const ret = c.scratch;
  for (let t = 0; t < c.T; ++t) {
    const r = t > 0 && at(x, t) > 0.0 && at(x, t - 1) > 0.0 ? portableLog1p((at(x, t) - at(x, t - 1)) / at(x, t - 1)) : NaN;
    store<f64>(ret + (<usize>t << 3), r);
  }
  const m = MOMENTS;
  const scale = STATE_A;
  let r1 = c.v0;
  for (let r0 = c.v0; r0 < c.v1; r0 = r1) {
    r1 = momentsRun(c, 0, ret, c.scratch + (<usize>c.T << 3), r0);
    for (let b0 = r0; b0 < r1; b0 += BLOCK) {
      const nb = min(BLOCK, r1 - b0);
      for (let j = 0; j < nb; ++j) setSlot(scale, j, 100.0 * Math.sqrt(param(c, 1, b0 + j)));
      for (let t = 0; t < c.T; ++t) {
        for (let j = 0; j < nb; ++j) {
          const w = <i32>param(c, 0, b0 + j);
          put<O>(c, 0, t, b0 + j, m.valid(t, w) ? Math.sqrt(m.variance(t, w)) * slot(scale, j) : NaN);
        }
      }
    }
  }
  return OK;
}
