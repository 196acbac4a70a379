import { HILBERT_NOTE } from '../cycle/common.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'ma.mama',
  group: 'ma',
  title: 'MESA adaptive moving average',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [
    { name: 'fast_limit', kind: 'float', min: 0.01, max: 0.99, default: [0.5], description: 'largest smoothing factor (on a fast phase change)' },
    { name: 'slow_limit', kind: 'float', min: 0.01, max: 0.99, default: [0.05], description: 'smallest smoothing factor' },
  ],
  outputs: [
    { name: 'mama', description: 'EMA of the price with α = fast_limit / Δphase, clamped to [slow_limit, fast_limit]' },
    { name: 'fama', description: 'following adaptive MA: EMA of mama with α / 2' },
  ],
  lookback: '32',
  convention: 'TA-Lib MAMA',
  notes: `${HILBERT_NOTE} Δphase is the drop of the I1/Q1 phase since the previous bar, at least 1 degree.`,
};

export default definition;
