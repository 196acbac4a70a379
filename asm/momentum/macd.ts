// momentum.macd: TA-Lib MACD; mirrors native/momentum/macd.h.
import { Call } from "../abi";
import { emaSpreadBlock, emaSpreadPrepare, emaSpreadSegment } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return emaSpreadPrepare(c); }

export function block<O>(c: Call, b0: i32, nb: i32): void { emaSpreadBlock(c, b0, nb); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  emaSpreadSegment<O>(c, b0, nb, s, e, true, true, false, 3);
}
