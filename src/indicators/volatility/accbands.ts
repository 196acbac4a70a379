import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'volatility.accbands',
  group: 'volatility',
  title: 'Acceleration bands',
  inputs: ['high', 'low', 'close'],
  params: [windowParam({ start: 10, stop: 50, step: 10 })],
  outputs: [
    { name: 'upper', description: 'SMA of high·(1 + 4·(high − low)/(high + low))' },
    { name: 'middle', description: 'SMA of the close' },
    { name: 'lower', description: 'SMA of low·(1 − 4·(high − low)/(high + low))' },
  ],
  lookback: 'window - 1',
  convention: 'TA-Lib ACCBANDS',
  notes: 'Where high + low is within 1e-14 of 0, the bar adds its high and low unwidened, as TA-Lib.',
};

export default definition;
