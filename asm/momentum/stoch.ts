// momentum.stoch: TA-Lib STOCH; mirrors native/momentum/stoch.h.
import { Call } from "../abi";
import { stochasticBlock, stochasticPrepare, stochasticScratch, stochasticSegment } from "./common";

export function scratch(T: i32, W: i32): f64 { return stochasticScratch(T, W); }

export function prepare(c: Call): i32 { return stochasticPrepare(c, 1, 2, 4, 5); }

export function block<O>(c: Call, b0: i32, nb: i32): void { stochasticBlock<O>(c, b0, nb, 1, 2); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  stochasticSegment<O>(c, b0, nb, s, e, 1, 2, 3, 4, 5);
}
