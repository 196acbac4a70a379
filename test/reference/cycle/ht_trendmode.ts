import { bySegments, type ReferenceFn } from '../common.js';
import { dcPhaseSeries, fromLookback, hilbertSeries, RAD2DEG, sin, trendlineSeries } from './common.js';

/** 1 in a trend, 0 in a cycle, per TA-Lib HT_TRENDMODE's rules. */
function trendMode(x: Float64Array): Float64Array {
  const h = hilbertSeries(x, 34);
  const phase = dcPhaseSeries(h), line = trendlineSeries(x, h);
  const deg2Rad = 1 / RAD2DEG;
  const sine = (t: number) => (t >= h.first ? sin(phase[t]! * deg2Rad) : 0);
  const leadSine = (t: number) => (t >= h.first ? sin((phase[t]! + 45) * deg2Rad) : 0);
  const out = new Float64Array(x.length);
  let daysInTrend = 0;
  for (let t = h.first; t < x.length; t++) {
    const period = h.smoothPeriod[t]!;
    // The sine crossing its lead starts a cycle, which lasts at least half a period.
    const crossed = (sine(t) > leadSine(t) && sine(t - 1) <= leadSine(t - 1)) || (sine(t) < leadSine(t) && sine(t - 1) >= leadSine(t - 1));
    if (crossed) daysInTrend = 0;
    daysInTrend++;
    let trend = !crossed && daysInTrend >= 0.5 * period;
    // A phase advancing at about the cycle's rate is a cycle.
    const advance = phase[t]! - (t > h.first ? phase[t - 1]! : 0);
    if (period !== 0 && advance > (0.67 * 360) / period && advance < (1.5 * 360) / period) trend = false;
    // A smoothed price 1.5% or more away from the trendline is a trend.
    if (line[t] !== 0 && Math.abs((h.smoothed[t]! - line[t]!) / line[t]!) >= 0.015) trend = true;
    out[t] = trend ? 1 : 0;
  }
  return out;
}

const reference: ReferenceFn = ([x]) =>
  bySegments([x!], 1, ([s]) => [fromLookback(s!.length <= 63 ? s! : trendMode(s!), 63)]);

export default reference;
