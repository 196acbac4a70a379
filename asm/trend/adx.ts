// trend.adx: TA-Lib ADX with PLUS_DI, MINUS_DI and DX; mirrors native/trend/adx.h.
import { Call } from "../abi";
import { directionalScratch, directionalSystemBlock, directionalSystemPrepare, directionalSystemSegment } from "./common";

export function scratch(T: i32): f64 { return directionalScratch(T, 0, false); }

export function prepare(c: Call): i32 { return directionalSystemPrepare(c, false); }

export function block<O>(c: Call, b0: i32, nb: i32): void { directionalSystemBlock<O>(c, b0, nb); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  directionalSystemSegment<O>(c, b0, nb, s, e, false, 1, 2, 3);
}
