import { bySeed, maLookback, matypeParam, seedParamFor } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { fast, slow } from './common.js';

const definition: IndicatorDef = {
  id: 'momentum.apo',
  group: 'momentum',
  title: 'Absolute price oscillator',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [fast, slow, seedParamFor('matype'), matypeParam('matype', 'ema', 'both averages')],
  outputs: [{ name: 'apo', description: 'fast MA - slow MA (EMAs by default)' }],
  lookback: `if(matype == 'ema', ${bySeed('max(fast, slow) - 1', '0')}, max(${maLookback('matype', 'fast')}, ${maLookback('matype', 'slow')}))`,
  convention: 'TA-Lib APO (default matype ema: TA-Lib matype 1)',
  notes:
    'The two averages start independently (TA-Lib APO), unlike MACD. fast > slow is swapped. ' +
    "The seed axis applies to matype 'ema' only (seed 'first' with another matype is a grid error): the other types start as TA-Lib's TA_MA does. " +
    "TA-Lib's own default matype is SMA (0); ta-grid's default stays 'ema', as it was before the axis.",
};

export default definition;
