// momentum.apo: TA-Lib APO with EMAs; mirrors native/momentum/apo.h.
import { Call } from "../abi";
import { emaSpread } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function run<O>(c: Call): i32 { return emaSpread<O>(c, false, false, false); }
