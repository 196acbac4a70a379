import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { twoSeries } from './common.js';

const definition: IndicatorDef = twoSeries({
  name: 'correl',
  title: "Pearson's correlation",
  window: windowParam({ start: 5, stop: 50 }, 1),
  description: 'correlation coefficient of source and source2 over the last `window` bars',
  lookback: 'window - 1',
  cost: 40,  // two passes over the window per value: wasm time per value about 40x EMA's (default grids, npm run bench -- --suite wasm)
  notes:
    'Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)²·Σ(y − ȳ)²) over the window, 0 where the product under the root is below 1e-14, as TA-Lib. ' +
    "Each window is summed in two passes (means, then centered sums); TA-Lib's sliding sums of squares cancel and drift, " +
    'so TA-Lib can differ from the exact value (by up to 1.8e-6 on close against volume over 2 bars in its test data).',
});

export default definition;
