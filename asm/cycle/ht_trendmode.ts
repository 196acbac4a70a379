// cycle.ht_trendmode; mirrors native/cycle/ht_trendmode.h.
import { at, Call, input, put } from "../abi";
import { carried, dcPhase, JOINED, keepState, origin, prepareState, RAD2DEG, ringIdx, smoothPeriod, smoothPriceAt, split, startSegment, STATE_OWN, step, trendline, updatePhase } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

// Its numbers in the kernel state (after the transform's): sine, lead sine, days in trend.
const OWN: i32 = 3;

export function prepare(c: Call): i32 { return prepareState(c, OWN); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const x = input(c, 0);
  const deg2Rad = 1.0 / RAD2DEG;
  const first = startSegment<O>(c, b0, nb, s, e, 34, 63, OWN), o = origin, from = split;
  let sine = 0.0, leadSine = 0.0;
  let daysInTrend = 0;
  if (carried != 0) {
    sine = at(carried, STATE_OWN);
    leadSine = at(carried, STATE_OWN + 1);
    daysInTrend = <i32>at(carried, STATE_OWN + 2);
  }
  for (let t = first; t < e; ++t) {
    const px = t < from ? JOINED : x;  // the prices before bar 0 are the state's
    step(px, t, ((t - o) & 1) == 0);
    const prevPhase = dcPhase;
    updatePhase();
    const prevSine = sine, prevLeadSine = leadSine;
    sine = Math.sin(dcPhase * deg2Rad);
    leadSine = Math.sin((dcPhase + 45) * deg2Rad);
    const line = trendline(px, o, t);
    let trend = 1;
    if ((sine > leadSine && prevSine <= prevLeadSine) || (sine < leadSine && prevSine >= prevLeadSine)) {
      daysInTrend = 0;
      trend = 0;
    }
    daysInTrend++;
    if (<f64>daysInTrend < 0.5 * smoothPeriod) trend = 0;
    const advance = dcPhase - prevPhase;
    if (smoothPeriod != 0.0 && advance > 0.67 * 360.0 / smoothPeriod && advance < 1.5 * 360.0 / smoothPeriod) trend = 0;
    const price = smoothPriceAt(ringIdx);
    if (line != 0.0 && Math.abs((price - line) / line) >= 0.015) trend = 1;
    const value = t - o >= 63 ? <f64>trend : NaN;
    for (let j = 0; j < nb; ++j) put<O>(c, 0, t, b0 + j, value);
  }
  const kept = keepState(c, b0, nb, e, OWN);
  if (kept == 0) return;
  for (let j = 0; j < nb; ++j) {
    const p = kept + (<usize>((STATE_OWN + OWN) * j) << 3);
    store<f64>(p + (<usize>STATE_OWN << 3), sine);
    store<f64>(p + (<usize>(STATE_OWN + 1) << 3), leadSine);
    store<f64>(p + (<usize>(STATE_OWN + 2) << 3), <f64>daysInTrend);
  }
}
