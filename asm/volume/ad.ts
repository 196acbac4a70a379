// volume.ad; mirrors native/volume/ad.h.
import { at, Call, OK, SCRATCH_TOO_SMALL } from "../abi";
import { adLine, putEvery } from "./common";

export function scratch(T: i32): f64 { return <f64>T; }

export function run<O>(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  adLine(c, c.scratch);
  for (let t = 0; t < c.T; ++t) putEvery<O>(c, 0, t, at(c.scratch, t));
  return OK;
}
