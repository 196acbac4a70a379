import { HILBERT_NOTE } from './common.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'cycle.ht_sine',
  group: 'cycle',
  title: 'Hilbert transform sine wave',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [],
  outputs: [
    { name: 'sine', description: 'sin(DC phase)' },
    { name: 'leadsine', description: 'sin(DC phase + 45°)' },
  ],
  lookback: '63',
  convention: 'TA-Lib HT_SINE',
  notes: HILBERT_NOTE,
};

export default definition;
