// What every candlestick pattern shares; mirrors native/pattern/common.h:
// TA-Lib's candle settings, the candle measures of ta_utility.h over the
// open, high, low, close inputs, and the start of each run of valid bars.
// Totals are kept as TA-Lib keeps them (summed in bar order, then rolled by
// total += range(j) - range(j - period)) so equal-to comparisons match.
import { at, BAD_PARAM, Call, OK, put, putNaNAll } from "../abi";

// TA_RangeType
export const REAL_BODY: i32 = 0;
export const HIGH_LOW: i32 = 1;
export const SHADOWS: i32 = 2;

// The settings of TA_CandleDefaultSettings (ta_global.c), by number.
export const BODY_LONG: i32 = 0;
export const BODY_VERY_LONG: i32 = 1;
export const BODY_SHORT: i32 = 2;
export const BODY_DOJI: i32 = 3;
export const SHADOW_LONG: i32 = 4;
export const SHADOW_VERY_LONG: i32 = 5;
export const SHADOW_SHORT: i32 = 6;
export const SHADOW_VERY_SHORT: i32 = 7;
export const NEAR: i32 = 8;
export const FAR: i32 = 9;
export const EQUAL: i32 = 10;

@inline export function rangeType(s: i32): i32 {
  if (s == BODY_DOJI || s == SHADOW_VERY_SHORT || s == NEAR || s == FAR || s == EQUAL) return HIGH_LOW;
  return s == SHADOW_SHORT ? SHADOWS : REAL_BODY;
}

@inline export function period(s: i32): i32 {
  if (s == SHADOW_LONG || s == SHADOW_VERY_LONG) return 0;
  return s == NEAR || s == FAR || s == EQUAL ? 5 : 10;
}

@inline export function factor(s: i32): f64 {
  switch (s) {
    case BODY_VERY_LONG: return 3.0;
    case BODY_DOJI: return 0.1;
    case SHADOW_VERY_LONG: return 2.0;
    case SHADOW_VERY_SHORT: return 0.1;
    case NEAR: return 0.2;
    case FAR: return 0.6;
    case EQUAL: return 0.05;
    default: return 1.0;
  }
}

// The candle columns of the call being run (set by startRun).
let OPEN: usize = 0, HIGH: usize = 0, LOW: usize = 0, CLOSE: usize = 0;

@inline export function open(t: i32): f64 { return at(OPEN, t); }
@inline export function high(t: i32): f64 { return at(HIGH, t); }
@inline export function low(t: i32): f64 { return at(LOW, t); }
@inline export function close(t: i32): f64 { return at(CLOSE, t); }

// TA_REALBODY, TA_UPPERSHADOW, TA_LOWERSHADOW, TA_HIGHLOWRANGE, TA_CANDLECOLOR
@inline export function body(t: i32): f64 { return Math.abs(close(t) - open(t)); }
@inline export function upperShadow(t: i32): f64 { return high(t) - (close(t) >= open(t) ? close(t) : open(t)); }
@inline export function lowerShadow(t: i32): f64 { return (close(t) >= open(t) ? open(t) : close(t)) - low(t); }
@inline export function highLow(t: i32): f64 { return high(t) - low(t); }
@inline export function color(t: i32): i32 { return close(t) >= open(t) ? 1 : -1; }
@inline export function bodyTop(t: i32): f64 { return max(close(t), open(t)); }
@inline export function bodyBottom(t: i32): f64 { return min(close(t), open(t)); }

// TA_REALBODYGAPUP / DOWN (bar t's body clear of bar p's), TA_CANDLEGAPUP / DOWN
@inline export function bodyGapUp(t: i32, p: i32): bool { return bodyBottom(t) > bodyTop(p); }
@inline export function bodyGapDown(t: i32, p: i32): bool { return bodyTop(t) < bodyBottom(p); }
@inline export function gapUp(t: i32, p: i32): bool { return low(t) > high(p); }
@inline export function gapDown(t: i32, p: i32): bool { return high(t) < low(p); }

// TA_CANDLERANGE: the part of bar t that setting s measures.
@inline export function range(s: i32, t: i32): f64 {
  const type = rangeType(s);
  if (type == REAL_BODY) return body(t);
  if (type == HIGH_LOW) return highLow(t);
  return upperShadow(t) + lowerShadow(t);
}

// The total of setting s over the `period` bars before bar `end`, added in bar order.
export function total(s: i32, end: i32): f64 {
  let sum = 0.0;
  for (let t = end - period(s); t < end; ++t) sum += range(s, t);
  return sum;
}

// The total once its window moves on to end after bar t (TA-Lib's update).
@inline export function roll(s: i32, sum: f64, t: i32): f64 {
  return sum + (range(s, t) - range(s, t - period(s)));
}

// TA_CANDLEAVERAGE: the threshold setting s sets for bar t, given its total.
@inline export function average(s: i32, sum: f64, t: i32): f64 {
  return factor(s) * (period(s) != 0 ? sum / <f64>period(s) : range(s, t)) / (rangeType(s) == SHADOWS ? 2.0 : 1.0);
}

// The pattern value v at bar t for every variant of the block.
@inline export function putAll<O>(c: Call, t: i32, b0: i32, nb: i32, v: f64): void {
  for (let j = 0; j < nb; ++j) put<O>(c, 0, t, b0 + j, v);
}

// Kernel state (native/pattern/common.h, namespace state):
//   [lead, age, totals, locals, ring of the run's last lookback + 1 candles]
// bars before `lead` are the stream's (NaN here); a run judged before it goes
// on from the totals (a slot per range type, period and lag) and locals.
const MAX_LAG: i32 = 4;
const STATE_TOTALS: i32 = 9 * (MAX_LAG + 1);
const TOTALS_AT: i32 = 2;
const RING_AT: i32 = TOTALS_AT + STATE_TOTALS + 3;

@inline function slotOf(s: i32, lag: i32): i32 {
  const p = period(s);
  return (rangeType(s) * 3 + (p == 0 ? 0 : p == 5 ? 1 : 2)) * (MAX_LAG + 1) + lag;
}

// Every pattern's prepare(): checks the kernel state and clears stateOut
// (a gap at the last bar leaves no run: age 0, nothing kept).
export function prepareState(c: Call): i32 {
  if ((c.stateIn != 0 || c.stateOut != 0) && (c.stateIn == 0 || c.stateLen < RING_AT)) return BAD_PARAM;
  if (c.stateIn == 0) return OK;
  const lead = at(c.stateIn, 0), age = at(c.stateIn, 1);
  if (!(lead >= 0 && lead < <f64>c.T && age >= 0)) return BAD_PARAM;
  if (c.stateOut != 0) {
    memory.fill(c.stateOut, 0, <usize>c.stateLen << 3);
    store<f64>(c.stateOut, lead);
  }
  return OK;
}

// The current scan's run: its first bar (before bar 0 when an earlier call
// saw it begin), the totals and locals it goes on from (0: a fresh run) and
// where it leaves them (0 unless it reaches the call's last bar with state).
let ORIGIN: i32 = 0;
let CARRIED: usize = 0, KEPT: usize = 0;

export function runOrigin(): i32 { return ORIGIN; }
export function resumed(): bool { return CARRIED != 0; }

// The total of setting s judging bar first - lag at the scan's first bar
// (native: Trailing's constructor): carried by the kernel state, or summed.
export function trailing(s: i32, first: i32, lag: i32): f64 {
  return CARRIED != 0 ? at(CARRIED, slotOf(s, lag)) : total(s, first - lag);
}

// Leaves a total after the scan's last bar in the kernel state (native: ~Trailing).
export function keepTotal(s: i32, lag: i32, sum: f64): void {
  if (KEPT != 0) store<f64>(KEPT + (<usize>slotOf(s, lag) << 3), sum);
}

// Local j of the scan: carried, or `fresh` for a fresh run; keepLocal() leaves it.
export function local(j: i32, fresh: f64): f64 {
  return CARRIED != 0 ? at(CARRIED, STATE_TOTALS + j) : fresh;
}

export function keepLocal(j: i32, v: f64): void {
  if (KEPT != 0) store<f64>(KEPT + (<usize>(STATE_TOTALS + j) << 3), v);
}

// The age and ring of the kernel state for the run [origin, T) through the call's last bar.
function keepRun(c: Call, lookback: i32, origin: i32): void {
  const size = lookback + 1;
  store<f64>(c.stateOut, <f64>(c.T - origin), 8);
  for (let t = max(origin, c.T - size); t < c.T; ++t) {
    const slot = c.stateOut + (<usize>(RING_AT + 4 * ((t - origin) % size)) << 3);
    for (let f = 0; f < 4; ++f) store<f64>(slot + (<usize>f << 3), at(load<usize>(c.inPtrs + (<usize>f << 2)), t));
  }
}

// Start of a run [s, e) of valid bars: binds the candle columns, writes NaN
// over the bars before s + lookback and returns the first bar to compute (e
// when the run is too short; the kernel then has nothing to do). With a
// kernel state, bars before its lead get NaN too, and a run judged before
// the lead goes on from the state there (native: forEachRun).
export function startRun<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, lookback: i32): i32 {
  OPEN = load<usize>(c.inPtrs);
  HIGH = load<usize>(c.inPtrs + 4);
  LOW = load<usize>(c.inPtrs + 8);
  CLOSE = load<usize>(c.inPtrs + 12);
  let lead = 0, origin = s;
  if (c.stateIn != 0) {
    lead = <i32>at(c.stateIn, 0);
    // A state the kernel cannot go on from (native returns kBadParam).
    if (lead < lookback || c.stateLen < RING_AT + 4 * (lookback + 1)) abort();
    if (s < lead) origin = lead - <i32>at(c.stateIn, 1);
  }
  ORIGIN = origin;
  KEPT = c.stateOut != 0 && e == c.T ? c.stateOut + (<usize>TOTALS_AT << 3) : 0;
  if (KEPT != 0) keepRun(c, lookback, origin);
  const first = origin + lookback;
  if (e > lead && first < lead) {
    CARRIED = c.stateIn + (<usize>TOTALS_AT << 3);
    for (let t = s; t < lead; ++t) putNaNAll<O>(c, t, b0, nb);
    return lead;
  }
  CARRIED = 0;
  const judged = min(e <= lead ? e : first, e);
  for (let t = s; t < judged; ++t) putNaNAll<O>(c, t, b0, nb);
  return judged;
}
