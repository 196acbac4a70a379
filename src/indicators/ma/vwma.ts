import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'ma.vwma',
  group: 'ma',
  title: 'Volume-weighted moving average',
  inputs: ['source', 'volume'],
  defaultSource: ['close'],
  params: [windowParam({ start: 5, stop: 200 })],
  outputs: [{ name: 'vwma', description: 'Σ(source·volume) / Σvolume over the window; NaN where the window has no volume', sparse: true }],
  lookback: 'window - 1',
  cost: 2.5,  // window sums of x * volume and of volume per variant
  convention: 'Σ(x·volume)/Σvolume over the last n bars (TradingView ta.vwma); NaN where the window volume is 0',
  notes:
    'The bar is invalid where the source or the volume is NaN. A window whose volumes are all 0 has no weighted mean and gives NaN.',
};

export default definition;
