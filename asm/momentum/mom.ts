// momentum.mom: TA-Lib MOM; mirrors native/momentum/mom.h.
import { Call } from "../abi";
import { LAG_DIFFERENCE, laggedPrepare, laggedScratch, laggedSegment } from "./common";

export function scratch(T: i32): f64 { return laggedScratch(T, LAG_DIFFERENCE); }

export function prepare(c: Call): i32 { return laggedPrepare(c, LAG_DIFFERENCE, 0.0); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  laggedSegment<O>(c, b0, nb, s, e, LAG_DIFFERENCE);
}
