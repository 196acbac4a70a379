import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'volume.volume_sma',
  group: 'volume',
  title: 'Volume moving average',
  inputs: ['volume'],
  params: [windowParam({ start: 5, stop: 100 })],
  outputs: [{ name: 'volume_sma', description: 'mean of the last `window` volumes' }],
  lookback: 'window - 1',
  convention: 'Sum of the last `window` volumes / window (TA-Lib SMA applied to the volume column)',
};

export default definition;
