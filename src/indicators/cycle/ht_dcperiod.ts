import { HILBERT_NOTE } from './common.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'cycle.ht_dcperiod',
  group: 'cycle',
  title: 'Hilbert transform dominant cycle period',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [],
  outputs: [
    { name: 'dcperiod', description: 'smoothed dominant-cycle period in bars (6 to 50)' },
  ],
  lookback: '32',
  convention: 'TA-Lib HT_DCPERIOD',
  notes: HILBERT_NOTE,
};

export default definition;
