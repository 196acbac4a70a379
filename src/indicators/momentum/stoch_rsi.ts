import { maLookback, period, seedParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { dMatype, dWindow, KD_MATYPE_NOTES, KD_NOTES, kdZeroDenominator } from './common.js';

const definition: IndicatorDef = {
  id: 'momentum.stoch_rsi',
  group: 'momentum',
  title: 'Stochastic RSI',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [
    period('rsi_window', 2, { start: 5, stop: 30 }, 'RSI window'),
    period('k_window', 1, [5, 10, 14, 20], 'bars of the RSI range behind %K'),
    dWindow,
    period('k_smoothing', 1, [1], "SMA window of %K before %D (TradingView's smoothK); 1 (default) is TA-Lib's unsmoothed fast %K"),
    kdZeroDenominator,
    seedParam,
    dMatype('fastd_matype'),
  ],
  outputs: [
    { name: 'k', description: '100 * (RSI - lowest RSI) / (highest RSI - lowest RSI) over k_window, 0 when the range is 0; its SMA over k_smoothing' },
    { name: 'd', description: 'MA of %K over d_window (fastd_matype)' },
  ],
  // The RSI starts at bar rsi_window (seed 'first': bar 1). A one-bar RSI range
  // is always 0, so with zero_denominator 'nan' k_window 1 never has a value.
  lookback:
    "if(k_window == 1, if(zero_denominator == 'nan', 1000000000, 0), 0) + " +
    `if(seed == 'first', 1, rsi_window) + k_window - 1 + k_smoothing - 1 + ${maLookback('fastd_matype', 'd_window')}`,
  cost: 50,  // an RSI, its window range and two running means per value
  convention: 'TA-Lib STOCHRSI (default fastD matype sma: TA-Lib matype 0)',
  notes:
    `STOCHF applied to RSI(rsi_window) as high, low and close. ${KD_NOTES} ` +
    'On flat stretches the RSI values of a window differ only in their last bits, so k jumps between 0 and 100 there, as it does in TA-Lib. ' +
    "Seed 'first' starts the RSI's Wilder averages with the first change (as momentum.rsi), so the RSI starts at bar 1. " +
    `k_smoothing stays an SMA; fastd_matype picks the %D average. ${KD_MATYPE_NOTES}`,
};

export default definition;
