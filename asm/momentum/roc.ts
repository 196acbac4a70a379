// momentum.roc: TA-Lib ROC; mirrors native/momentum/roc.h.
import { Call } from "../abi";
import { LAG_CHANGE, laggedPrepare, laggedScratch, laggedSegment } from "./common";

export function scratch(T: i32): f64 { return laggedScratch(T, LAG_CHANGE); }

export function prepare(c: Call): i32 { return laggedPrepare(c, LAG_CHANGE, 100.0); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  laggedSegment<O>(c, b0, nb, s, e, LAG_CHANGE);
}
