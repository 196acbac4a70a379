// ma.tema: a chain of seeded smoothers; mirrors native/ma/tema.h.
import { Call } from "../abi";
import { emaChain, TEMA } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function run<O>(c: Call): i32 { return emaChain<O>(c, TEMA); }
