// momentum.apo: TA-Lib APO, EMAs or another TA-Lib MA type; mirrors native/momentum/apo.h.
import { Call } from "../abi";
import { emaSpreadBlock, emaSpreadSegment, maSpreadPrepare, maSpreadScratch, maSpreadSegment } from "./common";

export function scratch(T: i32): f64 { return maSpreadScratch(T); }

export function prepare(c: Call): i32 { return maSpreadPrepare(c, 3, -1); }

export function block<O>(c: Call, b0: i32, nb: i32): void { emaSpreadBlock(c, b0, nb); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  emaSpreadSegment<O>(c, b0, nb, s, e, false, false, false, 2, false, -1, 3);
  maSpreadSegment<O>(c, b0, nb, s, e, 3, false);
}
