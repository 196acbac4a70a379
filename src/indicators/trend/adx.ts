import { period, seedParam, windowParam, zeroDenominatorParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { HLC } from './common.js';

const definition: IndicatorDef = {
  id: 'trend.adx',
  group: 'trend',
  title: 'Average directional index',
  inputs: [...HLC],
  params: [
    windowParam({ start: 5, stop: 50 }),
    period('adx_window', 0, [0], "bars of Wilder's smoothing of DX into ADX (TradingView's DMI 'ADX smoothing'); 0 (default) smooths over window, as TA-Lib does"),
    seedParam,
    zeroDenominatorParam("TR sums ~0 give TA-Lib's 0 for the DIs; a DI sum ~0 repeats the previous DX and leaves adx unchanged. 'nan' blanks those outputs at that bar only"),
  ],
  outputs: [
    { name: 'adx', description: "Wilder's average of DX" },
    { name: 'plus_di', description: '100 * smoothed +DM / smoothed TR' },
    { name: 'minus_di', description: '100 * smoothed -DM / smoothed TR' },
    { name: 'dx', description: '100 * |(+DI) - (-DI)| / ((+DI) + (-DI))' },
  ],
  lookback: {
    adx: "if(seed == 'first', 1, if(adx_window == 0, 2 * window - 1, window + adx_window - 1))",
    plus_di: "if(seed == 'first', 0, window)",
    minus_di: "if(seed == 'first', 0, window)",
    // Bar 0 has no movement: its DX is 0/0 (NaN with zero_denominator 'nan').
    dx: "if(seed == 'first', if(zero_denominator == 'nan', 1, 0), window)",
  },
  convention: 'TA-Lib ADX (plus_di, minus_di and dx are TA-Lib PLUS_DI, MINUS_DI, DX)',
  notes:
    'DM and TR sums are seeded with the first window-1 one-bar values and smoothed as S - S/window + x. ' +
    'Where the smoothed TR or +DI + -DI is within 1e-14 of 0, the DIs are 0, dx repeats its previous value ' +
    '(0 at first) and adx is left unchanged, as in TA-Lib. ' +
    'adx_window m > 0 smooths DX over m bars instead: adx starts at bar window + m - 1 with the mean of the first m DX. ' +
    "Seed 'first' averages +DM, -DM and TR as pandas ewm(alpha=1/window, adjust=False) from bar 0, where +DM = -DM = 0 " +
    'and TR = high - low (TradingView ta.tr(true)); the DIs and dx start at bar 0 (dx 0 there: bar 0 has no movement; NaN with zero_denominator \'nan\'), ' +
    "and adx at bar 1, seeded with bar 1's DX, then Wilder's average over m bars.",
};

export default definition;
