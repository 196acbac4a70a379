// volatility.hv; mirrors native/volatility/hv.h.
import { at, BAD_PARAM, BLOCK, Call, input, OK, param, put, SCRATCH_TOO_SMALL, setSlot, slot, STATE_A } from "../abi";
import { callWindow, MOMENTS, momentsInput, momentsRun, rollingMomentsScratch } from "../primitives";
import { portableLog } from "../momentum/fisher";

// portableLog1p of native/volatility/hv.h.
function portableLog1p(x: f64): f64 {
  const u = 1.0 + x;
  return u == 1.0 ? x : portableLog(u) * (x / (u - 1.0));
}

export function scratch(T: i32, W: i32): f64 { return <f64>T + rollingMomentsScratch(T, W); }

// With state: [the last price, then the moments' state of the returns (momentsInput)], as native/volatility/hv.h.
export function run<O>(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T, callWindow(c, 0))) return SCRATCH_TOO_SMALL;
  if ((c.stateIn != 0 || c.stateOut != 0) && (c.stateIn == 0 || c.stateLen < 2)) return BAD_PARAM;
  const x = input(c, 0);
  const ret = c.scratch;
  const before = c.stateIn != 0 ? load<f64>(c.stateIn) : NaN;  // the price at bar -1
  for (let t = 0; t < c.T; ++t) {
    const prev = t > 0 ? at(x, t - 1) : before;
    const r = at(x, t) > 0.0 && prev > 0.0 ? portableLog1p((at(x, t) - prev) / prev) : NaN;
    store<f64>(ret + (<usize>t << 3), r);
  }
  if (c.stateOut != 0) store<f64>(c.stateOut, c.T > 0 ? at(x, c.T - 1) : before);
  const inner = c.stateIn != 0;
  if (!momentsInput(c, 0, ret, c.scratch + (<usize>c.T << 3), inner ? c.stateIn + 8 : 0, c.stateOut != 0 ? c.stateOut + 8 : 0, c.stateLen - 1)) return BAD_PARAM;
  const m = MOMENTS;
  const scale = STATE_A;
  let r1 = c.v0;
  for (let r0 = c.v0; r0 < c.v1; r0 = r1) {
    r1 = momentsRun(c, 0, r0);
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
