// pattern.evening_doji_star; mirrors native/pattern/evening_doji_star.h.
import { Call } from "../abi";
import { BODY_DOJI, prepareState } from "./common";
import { starSegment } from "./evening_star";

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void { starSegment<O>(c, b0, nb, s, e, BODY_DOJI); }
