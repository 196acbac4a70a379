import { WINDOW_MAX, windowParam } from '../params.js';
import type { IndicatorDef, ParamDef, ParamValues } from '../types.js';

/** A window parameter with its own name. */
function windowNamed(name: string, defaults: ParamDef['default'], description: string, min = 1): ParamDef {
  return { name, kind: 'int', min, max: WINDOW_MAX, default: defaults, description };
}

const kWindow = windowNamed('k_window', { start: 5, stop: 50 }, 'bars of the highest high / lowest low behind fast %K');
const kSmoothing = windowNamed('k_smoothing', [1, 3, 5], 'SMA window that turns fast %K into slow %K');
const dWindow = windowNamed('d_window', [3, 5], 'SMA window of %D over %K');

const KD_NOTES = 'k is NaN until d starts, so both outputs begin on the same bar, as in TA-Lib.';

export const oscillators: readonly IndicatorDef[] = [
  {
    id: 'momentum.stoch',
    group: 'momentum',
    title: 'Stochastic oscillator (slow)',
    inputs: ['high', 'low', 'close'],
    params: [kWindow, kSmoothing, dWindow],
    outputs: [
      { name: 'k', description: 'slow %K: SMA over k_smoothing of fast %K = 100 * (close - LL) / (HH - LL), 0 when HH = LL' },
      { name: 'd', description: 'slow %D: SMA of slow %K over d_window' },
    ],
    lookback: (p) => p.k_window! - 1 + p.k_smoothing! - 1 + p.d_window! - 1,
    convention: 'TA-Lib STOCH (slowK and slowD matype 0: SMA)',
    notes: `${KD_NOTES} The SMAs are TA-Lib's running sums (add the newest value, then drop the oldest).`,
  },
  {
    id: 'momentum.stochf',
    group: 'momentum',
    title: 'Stochastic oscillator (fast)',
    inputs: ['high', 'low', 'close'],
    params: [kWindow, dWindow],
    outputs: [
      { name: 'k', description: 'fast %K = 100 * (close - LL) / (HH - LL) over k_window, 0 when HH = LL' },
      { name: 'd', description: 'fast %D: SMA of fast %K over d_window' },
    ],
    lookback: (p) => p.k_window! - 1 + p.d_window! - 1,
    convention: 'TA-Lib STOCHF (fastD matype 0: SMA)',
    notes: KD_NOTES,
  },
  {
    id: 'momentum.stoch_rsi',
    group: 'momentum',
    title: 'Stochastic RSI',
    inputs: ['source'],
    defaultSource: ['close'],
    params: [
      windowNamed('rsi_window', { start: 5, stop: 30 }, 'RSI window', 2),
      windowNamed('k_window', [5, 10, 14, 20], 'bars of the RSI range behind %K'),
      dWindow,
    ],
    outputs: [
      { name: 'k', description: '100 * (RSI - lowest RSI) / (highest RSI - lowest RSI) over k_window, 0 when the range is 0' },
      { name: 'd', description: 'SMA of %K over d_window' },
    ],
    lookback: (p) => p.rsi_window! + p.k_window! - 1 + p.d_window! - 1,
    convention: 'TA-Lib STOCHRSI (fastD matype 0: SMA)',
    notes:
      `STOCHF applied to RSI(rsi_window) as high, low and close. ${KD_NOTES} ` +
      'On flat stretches the RSI values of a window differ only in their last bits, so k jumps between 0 and 100 there, as it does in TA-Lib.',
  },
  {
    id: 'momentum.williams_r',
    group: 'momentum',
    title: 'Williams %R',
    inputs: ['high', 'low', 'close'],
    params: [windowParam({ start: 5, stop: 100 })],
    outputs: [{ name: 'williams_r', description: '-100 * (HH - close) / (HH - LL) over the window, in [-100, 0]; 0 when HH = LL' }],
    lookback: (p) => p.window! - 1,
    convention: 'TA-Lib WILLR',
  },
  {
    id: 'momentum.cci',
    group: 'momentum',
    title: 'Commodity channel index',
    inputs: ['high', 'low', 'close'],
    params: [windowParam({ start: 5, stop: 100 })],
    outputs: [{ name: 'cci', description: '(TP - SMA(TP)) / (0.015 * mean absolute deviation of TP), TP = (high + low + close) / 3' }],
    lookback: (p) => p.window! - 1,
    convention: 'TA-Lib CCI',
    notes:
      "0 when TP - mean or the deviation is exactly 0. The window is summed in the slot order of TA-Lib's circular buffer. " +
      'On a flat window TP and its mean can differ by one rounding, which gives +-66.67 instead of 0, as in TA-Lib.',
  },
  {
    id: 'momentum.ultosc',
    group: 'momentum',
    title: 'Ultimate oscillator',
    inputs: ['high', 'low', 'close'],
    params: [
      windowNamed('window1', [5, 7, 10], 'shortest window (weight 4)'),
      windowNamed('window2', [10, 14, 20], 'middle window (weight 2)'),
      windowNamed('window3', [20, 28, 40], 'longest window (weight 1)'),
    ],
    outputs: [{ name: 'ultosc', description: '100 * (4 * A1 + 2 * A2 + A3) / 7, Ai = sum(close - min(low, prev close)) / sum(true range) over window i' }],
    lookback: (p: ParamValues) => Math.max(p.window1!, p.window2!, p.window3!),
    convention: 'TA-Lib ULTOSC (windows sorted so the shortest gets weight 4, as TA-Lib does)',
    notes: 'An average whose true-range sum is within 1e-14 of 0 counts as 0. The sums are running sums, as in TA-Lib.',
  },
  {
    id: 'momentum.fisher',
    group: 'momentum',
    title: 'Fisher transform',
    inputs: ['high', 'low'],
    params: [windowParam({ start: 5, stop: 100 })],
    outputs: [
      { name: 'fisher', description: '0.5 * ln((1 + v) / (1 - v)) + 0.5 * previous fisher' },
      { name: 'trigger', description: "the previous bar's fisher" },
    ],
    lookback: (p) => ({ fisher: p.window! - 1, trigger: p.window! }),
    convention:
      "Ehlers' Fisher transform (Cybernetic Analysis for Stocks and Futures, 2004) of hl2 = (high + low) / 2: " +
      'v = clamp(0.33 * 2 * ((hl2 - LL) / (HH - LL) - 0.5) + 0.67 * previous v, +-0.999) with HH, LL the highest and lowest hl2 ' +
      'over the window, fisher = 0.5 * ln((1 + v) / (1 - v)) + 0.5 * previous fisher, trigger = previous fisher',
    notes:
      'v and fisher start from 0 on the first full window, so fisher starts at bar window - 1 and trigger one bar later. ' +
      'A window with HH = LL counts as position 0 (the middle of the range) instead of a division by zero, so the recursion goes on.',
  },
];
