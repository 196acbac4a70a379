// ma.t3: a chain of seeded smoothers; mirrors native/ma/t3.h.
import { Call } from "../abi";
import { emaChainBlock, emaChainSegment, T3 } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function block<O>(c: Call, b0: i32, nb: i32): void { emaChainBlock<O>(c, b0, nb, T3); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  emaChainSegment<O>(c, b0, nb, s, e, T3, 2);
}
