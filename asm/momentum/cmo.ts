// momentum.cmo: TA-Lib CMO; mirrors native/momentum/cmo.h.
import { Call } from "../abi";
import { gainLossBlock, gainLossPrepare, gainLossScratch, gainLossSegment } from "./common";

export function scratch(T: i32): f64 { return gainLossScratch(T); }

export function prepare(c: Call): i32 { return gainLossPrepare(c, true); }

export function block<O>(c: Call, b0: i32, nb: i32): void { gainLossBlock(c, b0, nb); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  gainLossSegment<O>(c, b0, nb, s, e, true, 1, 2);
}
