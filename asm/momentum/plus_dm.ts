// momentum.plus_dm: TA-Lib PLUS_DM; mirrors native/momentum/plus_dm.h.
import { Call } from "../abi";
import { directionalMovementBlock, directionalMovementPrepare, directionalMovementScratch, directionalMovementSegment } from "./common";

export function scratch(T: i32): f64 { return directionalMovementScratch(T); }

export function prepare(c: Call): i32 { return directionalMovementPrepare(c); }

export function block<O>(c: Call, b0: i32, nb: i32): void { directionalMovementBlock(c, b0, nb); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  directionalMovementSegment<O>(c, b0, nb, s, e, true);
}
