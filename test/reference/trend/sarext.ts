import { type ReferenceFn, nanArray, bySegments } from '../common.js';
import type { Series } from './common.js';

interface Side { init: number; step: number; max: number }

/** TA-Lib's SAREXT: SAR with its own accelerations per side, a chosen start, an offset on reversal; short SARs negated. */
function sarExt(h: Series, l: Series, start: number, offset: number, long: Side, short: Side): Series {
  const T = h.length;
  const out = nanArray(T);
  if (T < 2) return out;
  // TA-Lib clamps the start and step accelerations to the maximum.
  const clamp = (s: Side): Side => ({ init: Math.min(s.init, s.max), step: Math.min(s.step, s.max), max: s.max });
  const [lg, sh] = [clamp(long), clamp(short)];
  const minusDM = l[0]! - l[1]!, plusDM = h[1]! - h[0]!;
  let isLong = start === 0 ? !(minusDM > 0 && plusDM < minusDM) : start > 0;
  let sar = start === 0 ? (isLong ? l[0]! : h[0]!) : Math.abs(start);
  let ep = isLong ? h[1]! : l[1]!;
  let af = isLong ? lg.init : sh.init;
  for (let t = 1; t < T; t++) {
    // On the first bar TA-Lib takes bar 1 itself as the previous bar.
    const prevHigh = h[Math.max(t - 1, 1)]!, prevLow = l[Math.max(t - 1, 1)]!;
    const high = h[t]!, low = l[t]!;
    if (isLong && low <= sar) {
      // Reverse to short: the SAR jumps to the extreme point, above both bars, pushed up by the offset.
      isLong = false;
      sar = Math.max(ep, prevHigh, high);
      sar += sar * offset;
      out[t] = -sar;
      af = sh.init;
      ep = low;
      sar = Math.max(sar + af * (ep - sar), prevHigh, high);
    } else if (!isLong && high >= sar) {
      isLong = true;
      sar = Math.min(ep, prevLow, low);
      sar -= sar * offset;
      out[t] = sar;
      af = lg.init;
      ep = high;
      sar = Math.min(sar + af * (ep - sar), prevLow, low);
    } else if (isLong) {
      out[t] = sar;
      if (high > ep) { ep = high; af = Math.min(af + lg.step, lg.max); }
      sar = Math.min(sar + af * (ep - sar), prevLow, low);
    } else {
      out[t] = -sar;
      if (low < ep) { ep = low; af = Math.min(af + sh.step, sh.max); }
      sar = Math.max(sar + af * (ep - sar), prevHigh, high);
    }
  }
  return out;
}

const reference: ReferenceFn = ([h, l], p) =>
  bySegments([h!, l!], 1, ([sh, sl]) => [sarExt(sh!, sl!, p.startvalue!, p.offsetonreverse!,
    { init: p.accelerationinitlong!, step: p.accelerationlong!, max: p.accelerationmaxlong! },
    { init: p.accelerationinitshort!, step: p.accelerationshort!, max: p.accelerationmaxshort! })]);

export default reference;
