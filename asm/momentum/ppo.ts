// momentum.ppo: TA-Lib PPO with EMAs, plus a signal line; mirrors native/momentum/ppo.h.
import { Call } from "../abi";
import { emaSpreadSegment } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  emaSpreadSegment<O>(c, b0, nb, s, e, false, true, true, 3, false, 4);
}
