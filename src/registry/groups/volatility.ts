import { windowParam } from '../params.js';
import type { IndicatorDef, ParamDef, ParamValues } from '../types.js';

function multiplier(name: string, defaults: ParamDef['default'], description: string): ParamDef {
  return { name, kind: 'float', min: 0.1, max: 10, default: defaults, description };
}

const bandWindow = windowParam({ start: 10, stop: 100, step: 5 });
const bandMult = multiplier('mult', [1.5, 2, 2.5, 3], 'band distance in standard deviations');
const bandsLookback = (p: ParamValues) => p.window! - 1;

const VARIANCE_NOTES =
  'Population variance (divisor window) of the window, as TA-Lib VAR. TA-Lib evaluates mean(x^2) - mean(x)^2 from ' +
  'running sums, which cancels at high prices; ta-grid evaluates the same formula on values taken relative to a ' +
  'nearby bar, with compensated sums, and recomputes the rare ill-conditioned window in two passes, so it is as ' +
  'accurate as a two-pass variance, and a window of identical values gives exactly 0 (TA-Lib leaves a residue of up ' +
  'to about 1e-14 * price^2).';

export const volatility: readonly IndicatorDef[] = [
  {
    id: 'volatility.tr',
    group: 'volatility',
    title: 'True range',
    inputs: ['high', 'low', 'close'],
    params: [],
    outputs: [{ name: 'tr', description: 'max(high - low, |high - previous close|, |low - previous close|)' }],
    lookback: () => 1,
    convention: 'TA-Lib TRANGE',
    notes: 'The first bar, and the first bar after a gap, have no previous close and are NaN.',
  },
  {
    id: 'volatility.atr',
    group: 'volatility',
    title: 'Average true range',
    inputs: ['high', 'low', 'close'],
    params: [windowParam({ start: 5, stop: 100 }, 1)],
    outputs: [{ name: 'atr', description: "Wilder's smoothing of the true range" }],
    lookback: (p) => p.window!,
    convention: 'TA-Lib ATR',
  },
  {
    id: 'volatility.natr',
    group: 'volatility',
    title: 'Normalized average true range',
    inputs: ['high', 'low', 'close'],
    params: [windowParam({ start: 5, stop: 100 }, 1)],
    outputs: [{ name: 'natr', description: 'ATR / close * 100' }],
    lookback: (p) => p.window!,
    convention: 'TA-Lib NATR',
    notes: 'NaN where the close is 0 (TA-Lib writes 0 there, to the wrong output slot).',
  },
  {
    id: 'volatility.variance',
    group: 'volatility',
    title: 'Variance',
    inputs: ['source'],
    defaultSource: ['close'],
    params: [windowParam({ start: 5, stop: 100 }, 1)],
    outputs: [{ name: 'variance', description: 'population variance of the last `window` values' }],
    lookback: (p) => p.window! - 1,
    convention: 'TA-Lib VAR',
    notes: VARIANCE_NOTES,
  },
  {
    id: 'volatility.stddev',
    group: 'volatility',
    title: 'Standard deviation',
    inputs: ['source'],
    defaultSource: ['close'],
    params: [windowParam({ start: 5, stop: 100 }), multiplier('nbdev', [1], 'multiplier of the standard deviation')],
    outputs: [{ name: 'stddev', description: 'nbdev * population standard deviation of the last `window` values' }],
    lookback: (p) => p.window! - 1,
    convention: 'TA-Lib STDDEV',
    notes: `sqrt(variance) * nbdev, and 0 where the variance is below 1e-14, as TA-Lib. ${VARIANCE_NOTES}`,
  },
  {
    id: 'volatility.bbands',
    group: 'volatility',
    title: 'Bollinger bands',
    inputs: ['source'],
    defaultSource: ['close'],
    params: [bandWindow, bandMult],
    outputs: [
      { name: 'mid', description: 'SMA of the last `window` values' },
      { name: 'upper', description: 'mid + mult * population standard deviation' },
      { name: 'lower', description: 'mid - mult * population standard deviation' },
    ],
    lookback: bandsLookback,
    convention: 'TA-Lib BBANDS (matype 0: SMA middle, nbDevUp = nbDevDn = mult)',
    notes: 'The standard deviation is that of volatility.stddev: 0 where the variance is below 1e-14, as TA-Lib.',
  },
  {
    id: 'volatility.bbands_bandwidth',
    group: 'volatility',
    title: 'Bollinger bandwidth',
    inputs: ['source'],
    defaultSource: ['close'],
    params: [bandWindow, bandMult],
    outputs: [{ name: 'bandwidth', description: '(upper - lower) / mid' }],
    lookback: bandsLookback,
    convention: '(upper - lower) / mid of volatility.bbands (TA-Lib BBANDS, matype 0); NaN where mid is 0',
  },
  {
    id: 'volatility.bbands_percent_b',
    group: 'volatility',
    title: 'Bollinger %b',
    inputs: ['source'],
    defaultSource: ['close'],
    params: [bandWindow, bandMult],
    outputs: [{ name: 'percent_b', description: '(source - lower) / (upper - lower)', sparse: true }],
    lookback: bandsLookback,
    convention: '(source - lower) / (upper - lower) of volatility.bbands (TA-Lib BBANDS, matype 0); NaN where the bands meet',
    notes: 'The bands meet on flat windows (and wherever TA-Lib takes the standard deviation as 0), so %b is NaN there.',
  },
  {
    id: 'volatility.hv',
    group: 'volatility',
    title: 'Historical volatility',
    inputs: ['source'],
    defaultSource: ['close'],
    params: [
      windowParam({ start: 10, stop: 100, step: 5 }, 2, 'number of log returns in the window'),
      { name: 'annualization', kind: 'float', min: 1, max: 1e8, default: [252], description: 'periods per year (252 daily bars, 525600 one-minute bars of a 24/7 market)' },
    ],
    outputs: [{ name: 'hv', description: '100 * population stddev of log returns * sqrt(annualization)' }],
    lookback: (p) => p.window!,
    convention: '100 * sqrt(annualization) * population standard deviation (divisor window) of the last `window` log returns ln(x[t] / x[t-1]), as pandas/numpy std(ddof=0)',
    notes: 'A log return needs two positive prices; a window holding a bar with a price <= 0 is NaN.',
  },
];
