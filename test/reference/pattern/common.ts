// Naive candle measures for the pattern references: every average is summed
// afresh for the bar it judges (TA-Lib keeps running totals instead).
import { bySegments, nanArray, type Params, type ReferenceFn } from '../common.js';

/** A TA-Lib candle setting: range measured, bars averaged before the judged bar (0: the bar itself), factor. */
export interface Setting {
  readonly range: 'body' | 'highLow' | 'shadows';
  readonly period: number;
  readonly factor: number;
}

// TA_CandleDefaultSettings
export const BODY_LONG: Setting = { range: 'body', period: 10, factor: 1 };
export const BODY_VERY_LONG: Setting = { range: 'body', period: 10, factor: 3 };
export const BODY_SHORT: Setting = { range: 'body', period: 10, factor: 1 };
export const BODY_DOJI: Setting = { range: 'highLow', period: 10, factor: 0.1 };
export const SHADOW_LONG: Setting = { range: 'body', period: 0, factor: 1 };
export const SHADOW_VERY_LONG: Setting = { range: 'body', period: 0, factor: 2 };
export const SHADOW_SHORT: Setting = { range: 'shadows', period: 10, factor: 1 };
export const SHADOW_VERY_SHORT: Setting = { range: 'highLow', period: 10, factor: 0.1 };
export const NEAR: Setting = { range: 'highLow', period: 5, factor: 0.2 };
export const FAR: Setting = { range: 'highLow', period: 5, factor: 0.6 };
export const EQUAL: Setting = { range: 'highLow', period: 5, factor: 0.05 };

/** One run of candles and the measures patterns are written in. */
export class Bars {
  constructor(readonly o: Float64Array, readonly h: Float64Array, readonly l: Float64Array, readonly c: Float64Array) {}
  get length(): number { return this.c.length; }
  body(i: number): number { return Math.abs(this.c[i]! - this.o[i]!); }
  top(i: number): number { return Math.max(this.o[i]!, this.c[i]!); }
  bottom(i: number): number { return Math.min(this.o[i]!, this.c[i]!); }
  upperShadow(i: number): number { return this.h[i]! - this.top(i); }
  lowerShadow(i: number): number { return this.bottom(i) - this.l[i]!; }
  highLow(i: number): number { return this.h[i]! - this.l[i]!; }
  /** +1 white (close >= open), -1 black. */
  color(i: number): number { return this.c[i]! >= this.o[i]! ? 1 : -1; }
  /** Bar i's real body entirely above (below) bar p's. */
  bodyGapUp(i: number, p: number): boolean { return this.bottom(i) > this.top(p); }
  bodyGapDown(i: number, p: number): boolean { return this.top(i) < this.bottom(p); }
  gapUp(i: number, p: number): boolean { return this.l[i]! > this.h[p]!; }
  gapDown(i: number, p: number): boolean { return this.h[i]! < this.l[p]!; }
  range(s: Setting, i: number): number {
    return s.range === 'body' ? this.body(i) : s.range === 'highLow' ? this.highLow(i) : this.upperShadow(i) + this.lowerShadow(i);
  }
  /** The threshold setting s sets for bar i: factor x the mean range of the period bars before i (bar i's own when period is 0), halved for shadows. */
  average(s: Setting, i: number): number {
    let mean = this.range(s, i);
    if (s.period > 0) {
      let sum = 0;
      for (let j = i - s.period; j < i; j++) sum += this.range(s, j);
      mean = sum / s.period;
    }
    return (s.factor * mean) / (s.range === 'shadows' ? 2 : 1);
  }
}

/** A pattern judged bar by bar: value(bars, i, params) for every bar from the lookback on, each run of valid bars on its own. */
export function patternReference(lookback: number, value: (k: Bars, i: number, p: Params) => number): ReferenceFn {
  return ([o, h, l, c], p) =>
    bySegments([o!, h!, l!, c!], 1, ([so, sh, sl, sc]) => {
      const k = new Bars(so!, sh!, sl!, sc!);
      const out = nanArray(k.length);
      for (let i = lookback; i < k.length; i++) out[i] = value(k, i, p);
      return [out];
    });
}

/**
 * Harami's code for bars i - 1, i: the second body inside the first, strictly
 * (±100) or touching one end (±80), the sign opposite to the first candle's colour.
 */
export function haramiValue(k: Bars, i: number): number {
  if (k.top(i) < k.top(i - 1) && k.bottom(i) > k.bottom(i - 1)) return -k.color(i - 1) * 100;
  if (k.top(i) <= k.top(i - 1) && k.bottom(i) >= k.bottom(i - 1)) return -k.color(i - 1) * 80;
  return 0;
}
