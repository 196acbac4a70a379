import { bySegments, nanArray, type ReferenceFn } from '../common.js';
import { Bars, NEAR } from './common.js';

/**
 * Both hikkakes: pattern(k, i) is +1 / -1 at a bullish / bearish pattern bar;
 * a close beyond the range of the bar before the pattern bar within three
 * bars confirms it (±200). TA-Lib starts following patterns three bars
 * before the first output.
 */
export function hikkakeReference(lookback: number, pattern: (k: Bars, i: number) => number): ReferenceFn {
  return ([o, h, l, c]) =>
    bySegments([o!, h!, l!, c!], 1, ([so, sh, sl, sc]) => {
      const k = new Bars(so!, sh!, sl!, sc!);
      const out = nanArray(k.length);
      let last = -1, direction = 0; // the pending pattern bar and its direction
      for (let i = lookback - 3; i < k.length; i++) {
        const p = pattern(k, i);
        let v = 0;
        if (p !== 0) {
          [last, direction, v] = [i, p, 100 * p];
        } else if (last >= 0 && i - last <= 3 && direction !== 0 &&
          (direction > 0 ? k.c[i]! > k.h[last - 1]! : k.c[i]! < k.l[last - 1]!)) {
          v = 200 * direction;
          last = -1;
        }
        if (i >= lookback) out[i] = v;
      }
      return [out];
    });
}

const insideBreakout = (k: Bars, i: number) => {
  if (!(k.h[i - 1]! < k.h[i - 2]! && k.l[i - 1]! > k.l[i - 2]!)) return 0;
  if (k.h[i]! < k.h[i - 1]! && k.l[i]! < k.l[i - 1]!) return 1;
  if (k.h[i]! > k.h[i - 1]! && k.l[i]! > k.l[i - 1]!) return -1;
  return 0;
};

/** The modified hikkake's pattern bar: two nested inside bars, the first closing near its low (bullish) or high (bearish). */
export const modifiedBreakout = (k: Bars, i: number) => {
  if (!(k.h[i - 2]! < k.h[i - 3]! && k.l[i - 2]! > k.l[i - 3]!)) return 0;
  const d = insideBreakout(k, i);
  const near = k.average(NEAR, i - 2);
  if (d === 1 && k.c[i - 2]! <= k.l[i - 2]! + near) return 1;
  if (d === -1 && k.c[i - 2]! >= k.h[i - 2]! - near) return -1;
  return 0;
};

export default hikkakeReference(5, insideBreakout);
