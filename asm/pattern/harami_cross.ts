// pattern.harami_cross; mirrors native/pattern/harami_cross.h.
import { Call } from "../abi";
import { BODY_DOJI, prepareState } from "./common";
import { haramiSegment } from "./harami";

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void { haramiSegment<O>(c, b0, nb, s, e, BODY_DOJI); }
