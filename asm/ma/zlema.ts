// ma.zlema: a chain of seeded smoothers; mirrors native/ma/zlema.h.
import { Call } from "../abi";
import { emaChainBlock, emaChainSegment, zlemaPrepare, ZLEMA } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return zlemaPrepare(c); }

export function block<O>(c: Call, b0: i32, nb: i32): void { emaChainBlock<O>(c, b0, nb, ZLEMA); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  emaChainSegment<O>(c, b0, nb, s, e, ZLEMA, 1);
}
