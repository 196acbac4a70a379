// ma.rma: a chain of seeded smoothers; mirrors native/ma/rma.h.
import { Call } from "../abi";
import { emaChain, RMA } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function run<O>(c: Call): i32 { return emaChain<O>(c, RMA); }
