// momentum.stoch: TA-Lib STOCH; mirrors native/momentum/stoch.h.
import { Call } from "../abi";
import { stochastic, stochasticScratch } from "./common";

export function scratch(T: i32): f64 { return stochasticScratch(T); }

export function run<O>(c: Call): i32 { return stochastic<O>(c, 1, 2); }
