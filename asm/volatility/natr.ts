// volatility.natr: TA-Lib NATR; mirrors native/volatility/natr.h.
import { Call } from "../abi";
import { averageTrueRangeBlock, averageTrueRangePrepare, averageTrueRangeScratch, averageTrueRangeSegment } from "./common";

export function scratch(T: i32): f64 { return averageTrueRangeScratch(T); }

export function prepare(c: Call): i32 { return averageTrueRangePrepare(c, true); }

export function block<O>(c: Call, b0: i32, nb: i32): void { averageTrueRangeBlock(c, b0, nb); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  averageTrueRangeSegment<O>(c, b0, nb, s, e, true, 1);
}
