import { WINDOW_MAX, windowParam } from '../params.js';
import type { IndicatorDef, ParamDef, ParamValues } from '../types.js';

function period(name: string, min: number, defaults: ParamDef['default'], description: string): ParamDef {
  return { name, kind: 'int', min, max: WINDOW_MAX, default: defaults, description };
}

const fast = period('fast', 2, { start: 4, stop: 20, step: 2 }, 'fast EMA window (swapped with slow when larger, as TA-Lib does)');
const slow = period('slow', 2, { start: 24, stop: 60, step: 4 }, 'slow EMA window');
const signal = period('signal', 1, { start: 3, stop: 15, step: 3 }, 'window of the signal EMA of the line');

/** Bar of the slow EMA's first value (TA-Lib swaps fast and slow when fast > slow). */
const slowLookback = (p: ParamValues) => Math.max(p.fast!, p.slow!) - 1;

export const momentum: readonly IndicatorDef[] = [
  {
    id: 'momentum.rsi',
    group: 'momentum',
    title: 'Relative strength index',
    inputs: ['source'],
    defaultSource: ['close'],
    params: [windowParam({ start: 5, stop: 100 })],
    outputs: [{ name: 'rsi', description: "100 * avgGain / (avgGain + avgLoss), Wilder's smoothing" }],
    lookback: (p) => p.window!,
    convention: 'TA-Lib RSI',
  },
  {
    id: 'momentum.roc',
    group: 'momentum',
    title: 'Rate of change',
    inputs: ['source'],
    defaultSource: ['close'],
    params: [windowParam({ start: 1, stop: 100 }, 1)],
    outputs: [{ name: 'roc', description: '(x / x[t-window] - 1) * 100' }],
    lookback: (p) => p.window!,
    convention: 'TA-Lib ROC (0 where x[t-window] is 0)',
  },
  {
    id: 'momentum.mom',
    group: 'momentum',
    title: 'Momentum',
    inputs: ['source'],
    defaultSource: ['close'],
    params: [windowParam({ start: 1, stop: 100 }, 1)],
    outputs: [{ name: 'mom', description: 'x - x[t-window]' }],
    lookback: (p) => p.window!,
    convention: 'TA-Lib MOM',
  },
  {
    id: 'momentum.cmo',
    group: 'momentum',
    title: 'Chande momentum oscillator',
    inputs: ['source'],
    defaultSource: ['close'],
    params: [windowParam({ start: 5, stop: 100 })],
    outputs: [{ name: 'cmo', description: "100 * (avgGain - avgLoss) / (avgGain + avgLoss), Wilder's smoothing as in RSI" }],
    lookback: (p) => p.window!,
    convention: 'TA-Lib CMO',
  },
  {
    id: 'momentum.macd',
    group: 'momentum',
    title: 'Moving average convergence/divergence',
    inputs: ['source'],
    defaultSource: ['close'],
    params: [fast, slow, signal],
    outputs: [
      { name: 'macd', description: 'fast EMA - slow EMA' },
      { name: 'signal', description: 'EMA of the macd line' },
      { name: 'hist', description: 'macd - signal' },
    ],
    lookback: (p) => slowLookback(p) + p.signal! - 1,
    convention: 'TA-Lib MACD',
    notes:
      "As TA-Lib, the fast EMA is seeded on the slow EMA's first bar with the mean of the `fast` values ending there, " +
      'and all three outputs start on the first bar of the signal line. fast > slow is swapped.',
  },
  {
    id: 'momentum.ppo',
    group: 'momentum',
    title: 'Percentage price oscillator',
    inputs: ['source'],
    defaultSource: ['close'],
    params: [fast, slow, signal],
    outputs: [
      { name: 'ppo', description: '(fast EMA - slow EMA) / slow EMA * 100, 0 where the slow EMA is ~0' },
      { name: 'signal', description: 'EMA of the ppo line, seeded with the mean of its first `signal` values' },
      { name: 'hist', description: 'ppo - signal' },
    ],
    lookback: (p) => {
      const line = slowLookback(p);
      return { ppo: line, signal: line + p.signal! - 1, hist: line + p.signal! - 1 };
    },
    convention: 'TA-Lib PPO (matype 1: EMA; signal and hist added as for MACD)',
    notes: 'The two EMAs are seeded independently (TA-Lib PPO with matype 1), unlike MACD. fast > slow is swapped.',
  },
  {
    id: 'momentum.apo',
    group: 'momentum',
    title: 'Absolute price oscillator',
    inputs: ['source'],
    defaultSource: ['close'],
    params: [fast, slow],
    outputs: [{ name: 'apo', description: 'fast EMA - slow EMA' }],
    lookback: slowLookback,
    convention: 'TA-Lib APO (matype 1: EMA)',
    notes: 'The two EMAs are seeded independently (TA-Lib APO with matype 1), unlike MACD. fast > slow is swapped.',
  },
  {
    id: 'momentum.trix',
    group: 'momentum',
    title: 'Triple exponential average rate of change',
    inputs: ['source'],
    defaultSource: ['close'],
    params: [windowParam({ start: 5, stop: 60 }, 1)],
    outputs: [{ name: 'trix', description: '100 * (E3 / E3[t-1] - 1), E3 = EMA(EMA(EMA(x))); 0 where E3[t-1] is 0' }],
    lookback: (p) => 3 * (p.window! - 1) + 1,
    convention: 'TA-Lib TRIX',
  },
  {
    id: 'momentum.bop',
    group: 'momentum',
    title: 'Balance of power',
    inputs: ['open', 'high', 'low', 'close'],
    params: [],
    outputs: [{ name: 'bop', description: '(close - open) / (high - low), 0 when high - low < 1e-14' }],
    lookback: () => 0,
    convention: 'TA-Lib BOP',
  },
];
