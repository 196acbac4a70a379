import { period } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'momentum.ultosc',
  group: 'momentum',
  title: 'Ultimate oscillator',
  inputs: ['high', 'low', 'close'],
  cost: 30,  // three running window sums of two series and a ratio per value: wasm time per value about 30x EMA's (default grids, npm run bench -- --suite wasm)
  params: [
    period('window1', 1, [5, 7, 10], 'shortest window (weight 4)'),
    period('window2', 1, [10, 14, 20], 'middle window (weight 2)'),
    period('window3', 1, [20, 28, 40], 'longest window (weight 1)'),
  ],
  outputs: [{ name: 'ultosc', description: '100 * (4 * A1 + 2 * A2 + A3) / 7, Ai = sum(close - min(low, prev close)) / sum(true range) over window i' }],
  lookback: 'max(window1, window2, window3)',
  convention: 'TA-Lib ULTOSC (windows sorted so the shortest gets weight 4, as TA-Lib does)',
  notes: 'An average whose true-range sum is within 1e-14 of 0 counts as 0. The sums are running sums, as in TA-Lib.',
};

export default definition;
