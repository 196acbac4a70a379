// ma.dema: a chain of seeded smoothers; mirrors native/ma/dema.h.
import { Call } from "../abi";
import { DEMA, emaChain } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function run<O>(c: Call): i32 { return emaChain<O>(c, DEMA); }
