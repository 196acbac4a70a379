// momentum.rocr100: TA-Lib ROCR100; mirrors native/momentum/rocr100.h.
import { Call } from "../abi";
import { LAG_RATIO, laggedPrepare, laggedScratch, laggedSegment } from "./common";

export function scratch(T: i32): f64 { return laggedScratch(T, LAG_RATIO); }

export function prepare(c: Call): i32 { return laggedPrepare(c, LAG_RATIO, 100.0); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  laggedSegment<O>(c, b0, nb, s, e, LAG_RATIO);
}
