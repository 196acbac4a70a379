import { WINDOW_MAX, windowParam } from '../params.js';
import type { IndicatorDef, ParamDef, ParamValues } from '../types.js';

const HLC = ['high', 'low', 'close'] as const;

function multiplier(defaults: ParamDef['default'], description: string): ParamDef {
  return { name: 'mult', kind: 'float', min: 0.1, max: 10, default: defaults, description };
}

function acceleration(name: string, defaults: ParamDef['default'], description: string): ParamDef {
  return { name, kind: 'float', min: 0, max: 1, default: defaults, description };
}

function period(name: string, min: number, defaults: ParamDef['default'], description: string): ParamDef {
  return { name, kind: 'int', min, max: WINDOW_MAX, default: defaults, description };
}

const atrBands = (p: ParamValues) => p.window!;

const ATR_NOTE = 'ATR(window) is TA-Lib ATR: the mean of the first window true ranges, then Wilder smoothing.';

export const trend: readonly IndicatorDef[] = [
  {
    id: 'trend.adx',
    group: 'trend',
    title: 'Average directional index',
    inputs: [...HLC],
    params: [windowParam({ start: 5, stop: 50 })],
    outputs: [
      { name: 'adx', description: "Wilder's average of DX" },
      { name: 'plus_di', description: '100 * smoothed +DM / smoothed TR' },
      { name: 'minus_di', description: '100 * smoothed -DM / smoothed TR' },
      { name: 'dx', description: '100 * |(+DI) - (-DI)| / ((+DI) + (-DI))' },
    ],
    lookback: (p) => ({ adx: 2 * p.window! - 1, plus_di: p.window!, minus_di: p.window!, dx: p.window! }),
    convention: 'TA-Lib ADX (plus_di, minus_di and dx are TA-Lib PLUS_DI, MINUS_DI, DX)',
    notes:
      'DM and TR sums are seeded with the first window-1 one-bar values and smoothed as S - S/window + x. ' +
      'Where the smoothed TR or +DI + -DI is within 1e-14 of 0, the DIs are 0, dx repeats its previous value ' +
      '(0 at first) and adx is left unchanged, as in TA-Lib.',
  },
  {
    id: 'trend.adxr',
    group: 'trend',
    title: 'Average directional index rating',
    inputs: [...HLC],
    params: [windowParam({ start: 5, stop: 50 })],
    outputs: [{ name: 'adxr', description: '(ADX + ADX window-1 bars earlier) / 2' }],
    lookback: (p) => 3 * p.window! - 2,
    convention: 'TA-Lib ADXR',
  },
  {
    id: 'trend.aroon',
    group: 'trend',
    title: 'Aroon',
    inputs: ['high', 'low'],
    params: [windowParam({ start: 5, stop: 100 })],
    outputs: [
      { name: 'up', description: '100/window * (window - bars since the highest high of the last window+1 bars)' },
      { name: 'down', description: '100/window * (window - bars since the lowest low of the last window+1 bars)' },
      { name: 'osc', description: '100/window * (bar of the highest high - bar of the lowest low)' },
    ],
    lookback: (p) => p.window!,
    convention: 'TA-Lib AROON (osc is TA-Lib AROONOSC)',
    notes: 'The window spans window+1 bars, current included; ties go to the most recent bar, as in TA-Lib.',
  },
  {
    id: 'trend.psar',
    group: 'trend',
    title: 'Parabolic SAR',
    inputs: ['high', 'low'],
    params: [
      acceleration('accel_start', [0.01, 0.02, 0.03], 'acceleration factor at the start of a trend'),
      acceleration('accel_step', [0.01, 0.02, 0.03], 'added to the acceleration on each new extreme'),
      acceleration('accel_max', [0.1, 0.2, 0.3], 'cap of the acceleration'),
    ],
    outputs: [
      { name: 'psar', description: 'stop-and-reverse level' },
      { name: 'direction', description: '+1 in a long trend (psar below price), -1 in a short one' },
    ],
    lookback: () => 1,
    convention: 'TA-Lib SAR (acceleration = accel_start = accel_step, maximum = accel_max)',
    notes:
      'Generalizes TA-Lib SAR: the acceleration starts at accel_start (clamped to accel_max), grows by accel_step on ' +
      'each new extreme and resets to accel_start on a reversal. The first trend is short when the second bar has a ' +
      'positive -DM, long otherwise; the first value is at the second bar of a segment.',
  },
  {
    id: 'trend.linreg',
    group: 'trend',
    title: 'Linear regression',
    inputs: ['source'],
    defaultSource: ['close'],
    params: [windowParam({ start: 5, stop: 100 })],
    outputs: [
      { name: 'value', description: 'least-squares line of the last window values at the current bar' },
      { name: 'slope', description: 'slope of the line, per bar' },
      { name: 'intercept', description: 'the line at the oldest bar of the window' },
      { name: 'angle', description: 'atan(slope) in degrees' },
    ],
    lookback: (p) => p.window! - 1,
    convention: 'TA-Lib LINEARREG (slope, intercept, angle are TA-Lib LINEARREG_SLOPE, _INTERCEPT, _ANGLE)',
    notes:
      'The window sums slide in O(1) per bar and are re-summed in TA-Lib order every window bars; slope differs from ' +
      'TA-Lib by at most about 1e-13 * price absolute.',
  },
  {
    id: 'trend.donchian',
    group: 'trend',
    title: 'Donchian channel',
    inputs: ['high', 'low'],
    params: [windowParam({ start: 5, stop: 100 })],
    outputs: [
      { name: 'upper', description: 'highest high of the last window bars' },
      { name: 'lower', description: 'lowest low of the last window bars' },
      { name: 'mid', description: '(upper + lower) / 2' },
    ],
    lookback: (p) => p.window! - 1,
    convention: 'upper = max(high), lower = min(low) over the last window bars, current bar included; mid = (upper + lower) / 2, equal to TA-Lib MIDPRICE (Donchian)',
  },
  {
    id: 'trend.keltner',
    group: 'trend',
    title: 'Keltner channel',
    inputs: [...HLC],
    params: [windowParam({ start: 5, stop: 50 }), multiplier([1, 1.5, 2, 2.5, 3], 'band distance in ATRs')],
    outputs: [
      { name: 'middle', description: 'EMA(window) of the typical price (high + low + close) / 3' },
      { name: 'upper', description: 'middle + mult * ATR(window)' },
      { name: 'lower', description: 'middle - mult * ATR(window)' },
    ],
    lookback: (p) => ({ middle: p.window! - 1, upper: p.window!, lower: p.window! }),
    convention: 'middle = EMA(window) of (H+L+C)/3 seeded like TA-Lib EMA; upper/lower = middle +- mult * TA-Lib ATR(window) (Keltner, ATR bands as popularized by Raschke)',
    notes: ATR_NOTE,
  },
  {
    id: 'trend.supertrend',
    group: 'trend',
    title: 'Supertrend',
    inputs: [...HLC],
    params: [windowParam({ start: 5, stop: 50 }), multiplier([1, 1.5, 2, 2.5, 3, 3.5, 4], 'band distance in ATRs')],
    outputs: [
      { name: 'supertrend', description: 'the lower band in an uptrend, the upper band in a downtrend' },
      { name: 'direction', description: '+1 uptrend, -1 downtrend' },
    ],
    lookback: atrBands,
    convention: 'bands (H+L)/2 +- mult * TA-Lib ATR(window); a band moves against its trend only when the previous close broke it; the trend flips when the close crosses the opposite band (TradingView ta.supertrend)',
    notes:
      `${ATR_NOTE} The lower band rises, or resets to its basic value when the previous close was below it; the upper ` +
      'band likewise falls or resets. In a downtrend a close above the upper band turns it up; in an uptrend a close ' +
      'below the lower band turns it down. The first bar (window) starts in a downtrend, as TradingView does.',
  },
  {
    id: 'trend.chandelier_exit',
    group: 'trend',
    title: 'Chandelier exit',
    inputs: [...HLC],
    params: [windowParam({ start: 5, stop: 50 }), multiplier([1.5, 2, 2.5, 3, 3.5, 4], 'distance from the extreme in ATRs')],
    outputs: [
      { name: 'long', description: 'highest high of the last window bars - mult * ATR(window)' },
      { name: 'short', description: 'lowest low of the last window bars + mult * ATR(window)' },
    ],
    lookback: atrBands,
    convention: 'long = max(high, window) - mult * TA-Lib ATR(window), short = min(low, window) + mult * ATR (LeBeau)',
    notes: ATR_NOTE,
  },
  {
    id: 'trend.ichimoku',
    group: 'trend',
    title: 'Ichimoku cloud',
    inputs: [...HLC],
    params: [
      period('conversion', 2, [7, 9, 12], 'window of the conversion line (tenkan-sen)'),
      period('base', 2, [22, 26, 30], 'window of the base line (kijun-sen)'),
      period('span_b', 2, [44, 52, 60], 'window of leading span B (senkou span B)'),
      period('displacement', 1, [26], 'bars the spans are shifted forward and the lagging line backward'),
    ],
    outputs: [
      { name: 'conversion', description: '(highest high + lowest low) / 2 over conversion bars' },
      { name: 'base', description: '(highest high + lowest low) / 2 over base bars' },
      { name: 'span_a', description: '(conversion + base) / 2, displacement bars ahead' },
      { name: 'span_b', description: '(highest high + lowest low) / 2 over span_b bars, displacement bars ahead' },
      { name: 'lagging', description: 'the close displacement bars later', sparse: true },
    ],
    lookback: (p) => ({
      conversion: p.conversion! - 1,
      base: p.base! - 1,
      span_a: Math.max(p.conversion!, p.base!) - 1 + p.displacement!,
      span_b: p.span_b! - 1 + p.displacement!,
      lagging: 0
    }),
    convention: 'Hosoda: midpoints of high/low channels; span_a[t], span_b[t] computed at t - displacement; lagging[t] = close[t + displacement]',
    notes:
      'The spans at bar t are the values computed displacement bars earlier, where a chart plots them. ' +
      'lagging[t] = close[t + displacement] looks ahead by construction: it is NaN on the last displacement bars ' +
      '(and before a gap) and must not feed a signal at bar t. Every other output uses bars up to t only.',
  },
  {
    id: 'trend.vortex',
    group: 'trend',
    title: 'Vortex indicator',
    inputs: [...HLC],
    params: [windowParam({ start: 5, stop: 100 })],
    outputs: [
      { name: 'vi_plus', description: 'sum |high - previous low| / sum TR over the last window bars' },
      { name: 'vi_minus', description: 'sum |low - previous high| / sum TR over the last window bars' },
    ],
    lookback: (p) => p.window!,
    convention: 'VI+- = sum of |high - low_prev| (|low - high_prev|) / sum of TA-Lib TRANGE over the last window bars (Botes & Siepman); NaN where the true ranges sum to 0',
  },
];
