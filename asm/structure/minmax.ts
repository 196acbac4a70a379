// structure.minmax: rolling extremes, one output after the other; mirrors native/structure/minmax.h.
import { Call, OK, selected } from "../abi";
import { extremesScratch, KIND_MAX, KIND_MIN, rollingExtremes } from "./common";

export function scratch(T: i32): f64 { return extremesScratch(T, 1); }

export function run<O>(c: Call): i32 {
  for (let k = 0; k < 2; ++k) {
    if (!selected(c, k)) continue;
    const status = rollingExtremes<O>(c, k == 0 ? KIND_MIN : KIND_MAX, 1, k);
    if (status != OK) return status;
  }
  return OK;
}
