// structure.minindex: TA-Lib MININDEX; mirrors native/structure/minindex.h.
import { Call } from "../abi";
import { extremeIndexesBlock, extremeIndexesPrepare, extremeIndexesSegment } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return extremeIndexesPrepare(c); }

export function block<O>(c: Call, b0: i32, nb: i32): void { extremeIndexesBlock(c, b0, nb); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  extremeIndexesSegment<O>(c, b0, nb, s, e, 0, -1);
}
