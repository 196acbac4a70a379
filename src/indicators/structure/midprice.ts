import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'structure.midprice',
  group: 'structure',
  title: 'Midpoint price over a window',
  inputs: ['high', 'low'],
  params: [windowParam({ start: 5, stop: 200 })],
  outputs: [{ name: 'midprice', description: '(highest high + lowest low) / 2 over the last `window` bars' }],
  lookback: 'window - 1',
  convention: 'TA-Lib MIDPRICE',
};

export default definition;
