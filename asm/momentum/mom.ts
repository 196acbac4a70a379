// momentum.mom: TA-Lib MOM; mirrors native/momentum/mom.h.
import { Call } from "../abi";
import { laggedPrepare, laggedScratch, laggedSegment } from "./common";

export function scratch(T: i32): f64 { return laggedScratch(T, false); }

export function prepare(c: Call): i32 { return laggedPrepare(c, false); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  laggedSegment<O>(c, b0, nb, s, e, false);
}
