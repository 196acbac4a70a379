import type { IndicatorDef } from '../types.js';
import { acceleration } from './common.js';

const definition: IndicatorDef = {
  id: 'trend.psar',
  group: 'trend',
  title: 'Parabolic SAR',
  inputs: ['high', 'low'],
  cost: 10,  // a branchy stop-and-reverse step per value: wasm time per value about 10x EMA's (default grids, npm run bench -- --suite wasm)
  params: [
    acceleration('accel_start', [0.01, 0.02, 0.03], 'acceleration factor at the start of a trend'),
    acceleration('accel_step', [0.01, 0.02, 0.03], 'added to the acceleration on each new extreme'),
    acceleration('accel_max', [0.1, 0.2, 0.3], 'cap of the acceleration'),
  ],
  outputs: [
    { name: 'psar', description: 'stop-and-reverse level' },
    { name: 'direction', description: '+1 in a long trend (psar below price), -1 in a short one' },
  ],
  lookback: '1',
  convention: 'TA-Lib SAR (acceleration = accel_start = accel_step, maximum = accel_max)',
  notes:
    'Generalizes TA-Lib SAR: the acceleration starts at accel_start (clamped to accel_max), grows by accel_step on ' +
    'each new extreme and resets to accel_start on a reversal. The first trend is short when the second bar has a ' +
    'positive -DM, long otherwise; the first value is at the second bar of a segment.',
};

export default definition;
