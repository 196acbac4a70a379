import type { IndicatorDef } from '../types.js';
import { HLCV } from './common.js';

const definition: IndicatorDef = {
  id: 'volume.ad',
  group: 'volume',
  title: 'Accumulation/distribution line',
  inputs: [...HLCV],
  params: [],
  outputs: [{ name: 'ad', description: 'running sum of ((close - low) - (high - close)) / (high - low) * volume' }],
  lookback: '0',
  convention: 'TA-Lib AD',
  notes: 'A bar with high = low adds nothing. The sum restarts from 0 after a gap.',
};

export default definition;
