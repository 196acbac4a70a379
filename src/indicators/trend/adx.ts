import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { HLC } from './common.js';

const definition: IndicatorDef = {
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
  lookback: { adx: '2 * window - 1', plus_di: 'window', minus_di: 'window', dx: 'window' },
  convention: 'TA-Lib ADX (plus_di, minus_di and dx are TA-Lib PLUS_DI, MINUS_DI, DX)',
  notes:
    'DM and TR sums are seeded with the first window-1 one-bar values and smoothed as S - S/window + x. ' +
    'Where the smoothed TR or +DI + -DI is within 1e-14 of 0, the DIs are 0, dx repeats its previous value ' +
    '(0 at first) and adx is left unchanged, as in TA-Lib.',
};

export default definition;
