// momentum.ppo: TA-Lib PPO with EMAs, plus a signal line; mirrors native/momentum/ppo.h.
import { Call } from "../abi";
import { emaSpread } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function run<O>(c: Call): i32 { return emaSpread<O>(c, false, true, true); }
