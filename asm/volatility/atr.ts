// volatility.atr: TA-Lib ATR; mirrors native/volatility/atr.h.
import { Call } from "../abi";
import { averageTrueRange, averageTrueRangeScratch } from "./common";

export function scratch(T: i32): f64 { return averageTrueRangeScratch(T); }

export function run<O>(c: Call): i32 { return averageTrueRange<O>(c, false); }
