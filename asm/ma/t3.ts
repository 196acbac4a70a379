// ma.t3: a chain of seeded smoothers; mirrors native/ma/t3.h.
import { Call } from "../abi";
import { emaChain, T3 } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function run<O>(c: Call): i32 { return emaChain<O>(c, T3); }
