import { HILBERT_NOTE } from './common.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'cycle.ht_dcphase',
  group: 'cycle',
  title: 'Hilbert transform dominant cycle phase',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [],
  outputs: [
    { name: 'dcphase', description: 'phase of the smoothed price over one dominant cycle, in degrees (−45 to 315)' },
  ],
  lookback: '63',
  convention: 'TA-Lib HT_DCPHASE',
  notes: HILBERT_NOTE,
};

export default definition;
