// momentum.stochf: TA-Lib STOCHF; mirrors native/momentum/stochf.h.
import { Call } from "../abi";
import { stochasticBlock, stochasticPrepare, stochasticScratch, stochasticSegment } from "./common";

export function scratch(T: i32, W: i32): f64 { return stochasticScratch(T, W); }

export function prepare(c: Call): i32 { return stochasticPrepare(c, -1, 1, -1, 3); }

export function block<O>(c: Call, b0: i32, nb: i32): void { stochasticBlock<O>(c, b0, nb, -1, 1); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  stochasticSegment<O>(c, b0, nb, s, e, -1, 1, 2, -1, 3);
}
