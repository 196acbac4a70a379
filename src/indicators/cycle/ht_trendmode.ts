import { HILBERT_NOTE } from './common.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'cycle.ht_trendmode',
  group: 'cycle',
  title: 'Hilbert transform trend vs cycle mode',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [],
  outputs: [
    { name: 'trendmode', description: '1 in a trend, 0 in a cycle' },
  ],
  lookback: '63',
  convention: 'TA-Lib HT_TRENDMODE',
  notes: `${HILBERT_NOTE} A cycle starts where the sine crosses the lead sine and lasts at least half a dominant period, or while the DC phase advances by 0.67 to 1.5 times 360°/period a bar; a smoothed price 1.5% or more away from the trendline is a trend.`,
};

export default definition;
