// structure.tsf: TA-Lib TSF; mirrors native/structure/tsf.h.
import { Call } from "../abi";
import { block as regressionBlock, prepare as regressionPrepare, regressionSegment, scratch as regressionScratch } from "../trend/linreg";

export function scratch(T: i32, W: i32): f64 { return regressionScratch(T, W); }

export function prepare(c: Call): i32 { return regressionPrepare(c); }

export function block<O>(c: Call, b0: i32, nb: i32): void { regressionBlock<O>(c, b0, nb); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  regressionSegment<O>(c, b0, nb, s, e, true);
}
