import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'ma.trima',
  group: 'ma',
  title: 'Triangular moving average',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [windowParam({ start: 5, stop: 200 })],
  outputs: [{ name: 'trima', description: 'SMA of an SMA: spans (window+1)/2 twice for odd windows, window/2 then window/2+1 for even ones' }],
  lookback: 'window - 1',
  cost: 7,  // two window sums per value: wasm time per value about 7x EMA's (default grids, npm run bench -- --suite wasm)
  convention: 'TA-Lib TRIMA',
  notes:
    'Computed as SMA(SMA(x)) from prefix sums rather than with TA-Lib\'s running numerator: the two differ by rounding, ' +
    '≤ 1e-12 relative at price 100.',
};

export default definition;
