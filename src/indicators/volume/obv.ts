import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'volume.obv',
  group: 'volume',
  title: 'On-balance volume',
  inputs: ['close', 'volume'],
  params: [],
  outputs: [{ name: 'obv', description: 'running sum of volume, added when the close rises and subtracted when it falls' }],
  lookback: '0',
  convention: 'TA-Lib OBV',
  notes: "Starts at the first bar's volume, as TA-Lib does, and again after every gap.",
};

export default definition;
