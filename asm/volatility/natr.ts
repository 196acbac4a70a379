// volatility.natr: TA-Lib NATR; mirrors native/volatility/natr.h.
import { Call } from "../abi";
import { averageTrueRange, averageTrueRangeScratch } from "./common";

export function scratch(T: i32): f64 { return averageTrueRangeScratch(T); }

export function run<O>(c: Call): i32 { return averageTrueRange<O>(c, true); }
