import { type ReferenceFn, nanArray, bySegments } from '../common.js';
import type { Series } from './common.js';

/** TA-Lib's SAR with its acceleration split into start and step. */
function parabolicSar(h: Series, l: Series, start: number, step: number, max: number): [Series, Series] {
  const T = h.length;
  const psar = nanArray(T), dir = nanArray(T);
  if (T < 2) return [psar, dir];
  const af0 = Math.min(start, max);
  const up = h[1]! - h[0]!, down = l[0]! - l[1]!;
  let isLong = !(down > 0 && up < down);
  let sar = isLong ? l[0]! : h[0]!;
  let ep = isLong ? h[1]! : l[1]!;
  let af = af0;
  for (let t = 1; t < T; t++) {
    // On the first bar TA-Lib takes bar 1 itself as the previous bar.
    const prevHigh = h[Math.max(t - 1, 1)]!, prevLow = l[Math.max(t - 1, 1)]!;
    const high = h[t]!, low = l[t]!;
    if (isLong && low <= sar) {
      isLong = false;
      sar = Math.max(ep, prevHigh, high);
      psar[t] = sar;
      af = af0;
      ep = low;
      sar = Math.max(sar + af * (ep - sar), prevHigh, high);
    } else if (!isLong && high >= sar) {
      isLong = true;
      sar = Math.min(ep, prevLow, low);
      psar[t] = sar;
      af = af0;
      ep = high;
      sar = Math.min(sar + af * (ep - sar), prevLow, low);
    } else if (isLong) {
      psar[t] = sar;
      if (high > ep) { ep = high; af = Math.min(af + step, max); }
      sar = Math.min(sar + af * (ep - sar), prevLow, low);
    } else {
      psar[t] = sar;
      if (low < ep) { ep = low; af = Math.min(af + step, max); }
      sar = Math.max(sar + af * (ep - sar), prevHigh, high);
    }
    dir[t] = isLong ? 1 : -1;
  }
  return [psar, dir];
}

const reference: ReferenceFn = ([h, l], p) =>
  bySegments([h!, l!], 2, ([sh, sl]) => parabolicSar(sh!, sl!, p.accel_start!, p.accel_step!, p.accel_max!));

export default reference;
