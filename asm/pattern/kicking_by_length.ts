// pattern.kicking_by_length; mirrors native/pattern/kicking_by_length.h.
import { Call } from "../abi";
import { prepareState } from "./common";
import { scan } from "./kicking";

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  scan<O>(c, b0, nb, s, e, true);
}
