// structure.minmax: the rolling min and max in one pass; mirrors native/structure/minmax.h.
import { Call } from "../abi";
import { extremesScratch, KIND_MINMAX, rollingExtremes } from "./common";

export function scratch(T: i32): f64 { return extremesScratch(T, 2); }

export function run<O>(c: Call): i32 { return rollingExtremes<O>(c, KIND_MINMAX, 1); }
