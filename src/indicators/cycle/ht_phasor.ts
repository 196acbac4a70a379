import { HILBERT_NOTE } from './common.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'cycle.ht_phasor',
  group: 'cycle',
  title: 'Hilbert transform phasor components',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [],
  outputs: [
    { name: 'inphase', description: 'in-phase component I1: the detrended price 3 bars back' },
    { name: 'quadrature', description: 'quadrature component Q1: the Hilbert transform of the detrended price' },
  ],
  lookback: '32',
  convention: 'TA-Lib HT_PHASOR',
  notes: HILBERT_NOTE,
};

export default definition;
