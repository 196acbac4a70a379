// structure.midprice: rolling extremes; mirrors native/structure/midprice.h.
import { Call } from "../abi";
import { extremesScratch, KIND_MID, rollingExtremes } from "./common";

export function scratch(T: i32): f64 { return extremesScratch(T, 2); }

export function run<O>(c: Call): i32 { return rollingExtremes<O>(c, KIND_MID, 2); }
