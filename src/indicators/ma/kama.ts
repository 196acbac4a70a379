import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'ma.kama',
  group: 'ma',
  title: "Kaufman's adaptive moving average",
  inputs: ['source'],
  defaultSource: ['close'],
  params: [windowParam({ start: 5, stop: 100 }, 2, 'efficiency-ratio window in bars')],
  outputs: [{ name: 'kama', description: 'EMA-like update with smoothing (ER·(2/3 − 2/31) + 2/31)², ER = net change / path length over the window' }],
  lookback: 'window',
  cost: 4,  // an efficiency ratio over the window per value: wasm time per value about 4x EMA's (default grids, npm run bench -- --suite wasm)
  convention: 'TA-Lib KAMA',
  notes:
    'ER is 1 where the path length Σ|Δx| is within 1e-14 of 0. The path length comes from a prefix sum, exactly 0 on a flat window, ' +
    'where TA-Lib\'s running sum can leave a residue; elsewhere the two agree to rounding.',
};

export default definition;
