// What several momentum definitions share.
import { matypeParam, period, windowParam, zeroDenominatorParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

export const fast = period('fast', 2, { start: 4, stop: 20, step: 2 }, 'fast EMA window (swapped with slow when larger, as TA-Lib does)');
export const slow = period('slow', 2, { start: 24, stop: 60, step: 4 }, 'slow EMA window');
export const signal = period('signal', 1, { start: 3, stop: 15, step: 3 }, 'window of the signal EMA of the line');

export const kWindow = period('k_window', 1, { start: 5, stop: 50 }, 'bars of the highest high / lowest low behind fast %K');
export const kSmoothing = period('k_smoothing', 1, [1, 3, 5], 'SMA window that turns fast %K into slow %K');
export const dWindow = period('d_window', 1, [3, 5], 'SMA window of %D over %K');

/** zero_denominator of the %K/%D family: 'nan' blanks k and d at a bar whose own %K range is 0; the SMAs behind them still take TA-Lib's 0. */
export const kdZeroDenominator = zeroDenominatorParam("the range behind a bar's %K is 0; TA-Lib 0 for %K. 'nan' blanks k and d at that bar only, the SMAs still take the 0");

/** TA-Lib's MA type of the %D line (STOCHF's and STOCHRSI's fastd_matype, STOCH's slowd_matype). */
export const dMatype = (name: string) => matypeParam(name, 'sma', '%D');

export const KD_MATYPE_NOTES =
  "With another MA type than 'sma' a smoothing is TA-Lib's TA_MA over the line before it, started on that line's first bar " +
  '(an EMA seeded with the mean of its first values), as TA-Lib does.';

export const KD_NOTES = 'k is NaN until d starts, so both outputs begin on the same bar, as in TA-Lib.';

/** TA-Lib PLUS_DM / MINUS_DM: Wilder's running sum of one side's one-bar directional movement. */
export function directionalMovement(side: 'plus' | 'minus'): IndicatorDef {
  const sign = side === 'plus' ? '+' : '-';
  return {
    id: `momentum.${side}_dm`,
    group: 'momentum',
    title: `${side === 'plus' ? 'Plus' : 'Minus'} directional movement`,
    inputs: ['high', 'low'],
    params: [windowParam({ start: 5, stop: 50 }, 1)],
    outputs: [{ name: `${side}_dm`, description: `Wilder's running sum of the one-bar ${sign}DM over window bars` }],
    lookback: 'max(window - 1, 1)',
    convention: `TA-Lib ${side.toUpperCase()}_DM`,
    notes:
      `The one-bar ${sign}DM counts the ${side === 'plus' ? 'rise of the high' : 'fall of the low'} when it is positive and larger than the ` +
      `${side === 'plus' ? 'fall of the low' : 'rise of the high'} (equal moves count for neither side). The first value, at bar window - 1, is the sum of ` +
      'the one-bar values of bars 1 .. window - 1; then S - S/window + DM. Window 1 is the one-bar value itself, from bar 1, as in TA-Lib.',
  };
}

/**
 * A value of x and x[t-window] over the `source` axis (TA-Lib MOM, ROC, ROCP,
 * ROCR, ROCR100); the rates, which divide by x[t-window], get a
 * zero_denominator axis (rate).
 */
export function lagged(name: string, title: string, description: string, convention: string, rate = false): IndicatorDef {
  return {
    id: `momentum.${name}`,
    group: 'momentum',
    title,
    inputs: ['source'],
    defaultSource: ['close'],
    params: [windowParam({ start: 1, stop: 100 }, 1), ...(rate ? [zeroDenominatorParam('x[t-window] is 0; TA-Lib 0')] : [])],
    outputs: [{ name, description }],
    lookback: 'window',
    convention,
  };
}

/** MACD's three outputs (MACD, MACDFIX). */
export const macdOutputs = (line: string): IndicatorDef['outputs'] => [
  { name: 'macd', description: line },
  { name: 'signal', description: 'EMA of the macd line' },
  { name: 'hist', description: 'macd - signal' },
];
