// pattern.thrusting; mirrors native/pattern/thrusting.h.
import { Call } from "../abi";
import { body, close, prepareState } from "./common";
import { scan } from "./in_neck";

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

function closesThrusting(i: i32, same: f64): bool {
  return close(i) > close(i - 1) + same && close(i) <= close(i - 1) + body(i - 1) * 0.5;
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  scan<O>(c, b0, nb, s, e, closesThrusting);
}
