// trend.adxr: TA-Lib ADXR; mirrors native/trend/adxr.h.
import { Call } from "../abi";
import { directionalScratch, directionalSystemBlock, directionalSystemPrepare, directionalSystemSegment } from "./common";

export function scratch(T: i32, W: i32): f64 { return directionalScratch(T, W, true); }

export function prepare(c: Call): i32 { return directionalSystemPrepare(c, true); }

export function block<O>(c: Call, b0: i32, nb: i32): void { directionalSystemBlock<O>(c, b0, nb); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  directionalSystemSegment<O>(c, b0, nb, s, e, true, -1, 1, -1);
}
