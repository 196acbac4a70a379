import { WINDOW_MAX, windowParam } from '../params.js';
import type { IndicatorDef, ParamDef } from '../types.js';

const OHLC = ['open', 'high', 'low', 'close'] as const;

function bars(name: string, min: number, defaults: ParamDef['default'], description: string): ParamDef {
  return { name, kind: 'int', min, max: WINDOW_MAX, default: defaults, description };
}

/** One output over the `source` axis and a window of the last n values (TA-Lib MAX, MIN, SUM, MIDPOINT). */
function windowed(name: string, title: string, description: string, convention: string): IndicatorDef {
  return {
    id: `structure.${name}`,
    group: 'structure',
    title,
    inputs: ['source'],
    defaultSource: ['close'],
    params: [windowParam({ start: 5, stop: 200 })],
    outputs: [{ name, description }],
    lookback: (p) => p.window! - 1,
    convention,
  };
}

export const structure: readonly IndicatorDef[] = [
  {
    id: 'structure.candle_stats',
    group: 'structure',
    title: 'Candle anatomy',
    inputs: [...OHLC],
    params: [],
    outputs: [
      { name: 'body', description: '|close - open|' },
      { name: 'range', description: 'high - low' },
      { name: 'upper_wick', description: 'high - max(open, close)' },
      { name: 'lower_wick', description: 'min(open, close) - low' },
      { name: 'body_pct', description: '100 * body / range' },
      { name: 'upper_wick_pct', description: '100 * upper_wick / range' },
      { name: 'lower_wick_pct', description: '100 * lower_wick / range' },
    ],
    lookback: () => 0,
    convention: 'Candle lengths of each bar: body |C - O|, range H - L, wicks H - max(O, C) and min(O, C) - L; the *_pct outputs are percentages of the range',
    notes: 'The percentages are NaN on a bar with high = low.',
  },
  {
    id: 'structure.candle_stats_atr_norm',
    group: 'structure',
    title: 'Candle anatomy in ATRs',
    inputs: [...OHLC],
    params: [bars('atr_window', 1, [5, 7, 10, 14, 20, 30, 50, 100], 'ATR period')],
    outputs: [
      { name: 'body', description: '|close - open| / ATR' },
      { name: 'range', description: '(high - low) / ATR' },
      { name: 'upper_wick', description: '(high - max(open, close)) / ATR' },
      { name: 'lower_wick', description: '(min(open, close) - low) / ATR' },
    ],
    lookback: (p) => p.atr_window!,
    convention: 'Candle lengths (as structure.candle_stats) divided by TA-Lib ATR(atr_window) (Wilder smoothing of the true range)',
    notes: 'NaN where the ATR is 0.',
  },
  {
    id: 'structure.distance_to_ma_norm',
    group: 'structure',
    title: 'Distance to EMA in ATRs',
    inputs: ['source', 'high', 'low', 'close'],
    defaultSource: ['close'],
    params: [windowParam({ start: 5, stop: 100 })],
    outputs: [{ name: 'distance_to_ma_norm', description: '(source - EMA(source, window)) / ATR(window)' }],
    lookback: (p) => p.window!,
    convention: '(source - TA-Lib EMA(source, window)) / TA-Lib ATR(window)',
    notes: "Starts at the ATR's first bar (window); NaN where the ATR is 0.",
  },
  {
    id: 'structure.percent_rank',
    group: 'structure',
    title: 'Percent rank',
    inputs: ['source'],
    defaultSource: ['close'],
    params: [windowParam({ start: 5, stop: 100 })],
    outputs: [{ name: 'percent_rank', description: '100 * (how many of the previous `window` values are <= source) / window' }],
    lookback: (p) => p.window!,
    convention: "100 * count(x[t-i] <= x[t], i = 1..window) / window, Pine Script's ta.percentrank",
    notes: 'The current bar is compared with the `window` bars before it, so the first value is at bar `window`.',
  },
  {
    id: 'structure.zscore',
    group: 'structure',
    title: 'Rolling z-score',
    inputs: ['source'],
    defaultSource: ['close'],
    params: [windowParam({ start: 5, stop: 200 })],
    outputs: [{ name: 'zscore', description: '(source - mean) / population standard deviation over the window' }],
    lookback: (p) => p.window! - 1,
    convention: '(source - SMA(source, window)) / population standard deviation (divisor window) of the same window, current bar included',
    notes: 'NaN on a window of identical values (standard deviation 0). The variance does not cancel at high prices.',
  },
  {
    id: 'structure.pivots',
    group: 'structure',
    title: 'Pivot highs and lows',
    inputs: ['high', 'low'],
    params: [
      bars('left', 1, [2, 3, 5, 8, 10, 15, 20], 'bars before the pivot that it must exceed'),
      bars('right', 1, [1, 2, 3, 5, 8, 10], 'bars after the pivot needed to confirm it'),
    ],
    outputs: [
      { name: 'pivot_high', description: 'high of the pivot bar, at the bar that confirms it; NaN elsewhere', sparse: true },
      { name: 'pivot_low', description: 'low of the pivot bar, at the bar that confirms it; NaN elsewhere', sparse: true },
    ],
    lookback: (p) => p.left! + p.right!,
    convention:
      'Bar p is a pivot high when high[p] > each of the `left` highs before it and >= each of the `right` highs after it ' +
      '(pivot low likewise with lows); the value high[p] is reported at bar p + right',
    notes:
      'A pivot is reported at bar p + right, the first bar at which the `right` bars after it exist, and NaN everywhere else. ' +
      'Reporting it at the pivot bar itself would use `right` bars of the future: a backtest acting on the value at bar t ' +
      'only knows bars up to t, and here every value depends on bars up to its own bar only. Of two equal highs (lows) ' +
      'within reach, the earlier one is the pivot.',
  },
  windowed('max', 'Rolling maximum', 'largest of the last `window` values', 'TA-Lib MAX'),
  windowed('min', 'Rolling minimum', 'smallest of the last `window` values', 'TA-Lib MIN'),
  windowed('sum', 'Rolling sum', 'sum of the last `window` values', 'TA-Lib SUM'),
  windowed('midpoint', 'Midpoint over a window', '(max + min) / 2 of the last `window` values', 'TA-Lib MIDPOINT'),
  {
    id: 'structure.midprice',
    group: 'structure',
    title: 'Midpoint price over a window',
    inputs: ['high', 'low'],
    params: [windowParam({ start: 5, stop: 200 })],
    outputs: [{ name: 'midprice', description: '(highest high + lowest low) / 2 over the last `window` bars' }],
    lookback: (p) => p.window! - 1,
    convention: 'TA-Lib MIDPRICE',
  },
];
