// pattern.marubozu; mirrors native/pattern/marubozu.h.
import { Call } from "../abi";
import { BODY_LONG, period, prepareState, SHADOW_VERY_SHORT } from "./common";
import { scan } from "./long_line";

const LOOKBACK = max(period(BODY_LONG), period(SHADOW_VERY_SHORT));

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  scan<O>(c, b0, nb, s, e, LOOKBACK, BODY_LONG, true, SHADOW_VERY_SHORT);
}
