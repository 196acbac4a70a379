import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { HLC } from './common.js';

const definition: IndicatorDef = {
  id: 'trend.vortex',
  group: 'trend',
  title: 'Vortex indicator',
  inputs: [...HLC],
  params: [windowParam({ start: 5, stop: 100 })],
  outputs: [
    { name: 'vi_plus', description: 'sum |high - previous low| / sum TR over the last window bars' },
    { name: 'vi_minus', description: 'sum |low - previous high| / sum TR over the last window bars' },
  ],
  lookback: 'window',
  cost: 6,  // four window sums per value: wasm time per value about 6x EMA's (default grids, npm run bench -- --suite wasm)
  convention: 'VI+- = sum of |high - low_prev| (|low - high_prev|) / sum of TA-Lib TRANGE over the last window bars (Botes & Siepman); NaN where the true ranges sum to 0',
};

export default definition;
