// pattern.rise_fall_three_methods; mirrors native/pattern/rise_fall_three_methods.h.
import { Call } from "../abi";
import { average, body, BODY_LONG, BODY_SHORT, bodyBottom, bodyTop, close, color, high, keepTotal, low, open, period, prepareState, putAll, roll, startRun, trailing } from "./common";

const LOOKBACK = max(period(BODY_SHORT), period(BODY_LONG)) + 4;

// Bar j's body overlaps bar p's high-low range.
function withinRange(j: i32, p: i32): bool { return bodyBottom(j) < high(p) && bodyTop(j) > low(p); }

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  // bodyLongD, bodyShortD: the totals judging bar i - D
  let bodyLong4 = trailing(BODY_LONG, first, 4);
  let bodyShort3 = trailing(BODY_SHORT, first, 3);
  let bodyShort2 = trailing(BODY_SHORT, first, 2);
  let bodyShort1 = trailing(BODY_SHORT, first, 1);
  let bodyLong0 = trailing(BODY_LONG, first, 0);
  for (let i = first; i < e; ++i) {
    // Prices times the first colour: TA-Lib writes the rising and falling cases as one.
    const dir = <f64>color(i - 4);
    const hit = body(i - 4) > average(BODY_LONG, bodyLong4, i - 4) &&
                body(i - 3) < average(BODY_SHORT, bodyShort3, i - 3) &&
                body(i - 2) < average(BODY_SHORT, bodyShort2, i - 2) &&
                body(i - 1) < average(BODY_SHORT, bodyShort1, i - 1) &&
                body(i) > average(BODY_LONG, bodyLong0, i) &&
                color(i - 4) == -color(i - 3) && color(i - 3) == color(i - 2) &&
                color(i - 2) == color(i - 1) && color(i - 1) == -color(i) &&
                withinRange(i - 3, i - 4) && withinRange(i - 2, i - 4) && withinRange(i - 1, i - 4) &&
                close(i - 2) * dir < close(i - 3) * dir && close(i - 1) * dir < close(i - 2) * dir &&
                open(i) * dir > close(i - 1) * dir && close(i) * dir > close(i - 4) * dir;
    putAll<O>(c, i, b0, nb, hit ? 100.0 * dir : 0.0);
    bodyLong4 = roll(BODY_LONG, bodyLong4, i - 4);
    bodyShort3 = roll(BODY_SHORT, bodyShort3, i - 3);
    bodyShort2 = roll(BODY_SHORT, bodyShort2, i - 2);
    bodyShort1 = roll(BODY_SHORT, bodyShort1, i - 1);
    bodyLong0 = roll(BODY_LONG, bodyLong0, i);
  }
  keepTotal(BODY_LONG, 4, bodyLong4);
  keepTotal(BODY_SHORT, 3, bodyShort3);
  keepTotal(BODY_SHORT, 2, bodyShort2);
  keepTotal(BODY_SHORT, 1, bodyShort1);
  keepTotal(BODY_LONG, 0, bodyLong0);
}
