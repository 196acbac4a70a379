import { HILBERT_NOTE } from '../cycle/common.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'ma.ht_trendline',
  group: 'ma',
  title: 'Hilbert transform instantaneous trendline',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [],
  outputs: [
    { name: 'ht_trendline', description: '4-bar WMA of the mean price over the last dominant cycle' },
  ],
  lookback: '63',
  convention: 'TA-Lib HT_TRENDLINE',
  notes: HILBERT_NOTE,
};

export default definition;
