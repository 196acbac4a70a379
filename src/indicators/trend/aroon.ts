import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'trend.aroon',
  group: 'trend',
  title: 'Aroon',
  inputs: ['high', 'low'],
  params: [windowParam({ start: 5, stop: 100 })],
  outputs: [
    { name: 'up', description: '100/window * (window - bars since the highest high of the last window+1 bars)' },
    { name: 'down', description: '100/window * (window - bars since the lowest low of the last window+1 bars)' },
    { name: 'osc', description: '100/window * (bar of the highest high - bar of the lowest low)' },
  ],
  lookback: 'window',
  convention: 'TA-Lib AROON (osc is TA-Lib AROONOSC)',
  notes: 'The window spans window+1 bars, current included; ties go to the most recent bar, as in TA-Lib.',
};

export default definition;
