// volume.ad; mirrors native/volume/ad.h.
import { at, BAD_PARAM, Call, OK, SCRATCH_TOO_SMALL } from "../abi";
import { adLine, putEvery } from "./common";

export function scratch(T: i32): f64 { return <f64>T; }

// Kernel state (per variant, the same in each): the sum at the last bar, NaN after a NaN bar.
export function run<O>(c: Call): i32 {
  if ((c.stateIn != 0 || c.stateOut != 0) && (c.stateIn == 0 || c.stateLen < c.v1)) return BAD_PARAM;
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  adLine(c, c.scratch, c.stateIn != 0 ? load<f64>(c.stateIn + (<usize>c.v0 << 3)) : NaN);
  for (let t = 0; t < c.T; ++t) putEvery<O>(c, 0, t, at(c.scratch, t));
  if (c.stateOut != 0) {
    for (let v = c.v0; v < c.v1; ++v) store<f64>(c.stateOut + (<usize>v << 3), c.T > 0 ? at(c.scratch, c.T - 1) : load<f64>(c.stateIn + (<usize>v << 3)));
  }
  return OK;
}
