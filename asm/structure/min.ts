// structure.min: rolling extremes; mirrors native/structure/min.h.
import { Call } from "../abi";
import { extremesScratch, KIND_MIN, rollingExtremes } from "./common";

export function scratch(T: i32): f64 { return extremesScratch(T, 1); }

export function run<O>(c: Call): i32 { return rollingExtremes<O>(c, KIND_MIN, 1); }
