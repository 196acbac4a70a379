// momentum.macd: TA-Lib MACD; mirrors native/momentum/macd.h.
import { Call } from "../abi";
import { emaSpread } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function run<O>(c: Call): i32 { return emaSpread<O>(c, true, true, false); }
