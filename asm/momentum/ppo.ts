// momentum.ppo: TA-Lib PPO with EMAs or another TA-Lib MA type (param 5), plus a signal line; mirrors native/momentum/ppo.h.
import { Call } from "../abi";
import { emaSpreadBlock, emaSpreadSegment, maSpreadPrepare, maSpreadScratch, maSpreadSegment } from "./common";

export function scratch(T: i32): f64 { return maSpreadScratch(T); }

export function prepare(c: Call): i32 { return maSpreadPrepare(c, 5, 2); }

export function block<O>(c: Call, b0: i32, nb: i32): void { emaSpreadBlock(c, b0, nb); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  emaSpreadSegment<O>(c, b0, nb, s, e, false, true, true, 3, false, 4, 5);
  maSpreadSegment<O>(c, b0, nb, s, e, 5, true, 2, 3, 4);
}
