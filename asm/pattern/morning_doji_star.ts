// pattern.morning_doji_star; mirrors native/pattern/morning_doji_star.h.
import { Call } from "../abi";
import { BODY_DOJI, BODY_LONG, BODY_SHORT, period, prepareState } from "./common";
import { scan } from "./morning_star";

const LOOKBACK = max(max(period(BODY_DOJI), period(BODY_LONG)), period(BODY_SHORT)) + 2;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  scan<O>(c, b0, nb, s, e, LOOKBACK, BODY_DOJI);
}
