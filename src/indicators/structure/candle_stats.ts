import type { IndicatorDef } from '../types.js';
import { OHLC } from './common.js';

const definition: IndicatorDef = {
  id: 'structure.candle_stats',
  group: 'structure',
  title: 'Candle anatomy',
  inputs: [...OHLC],
  params: [],
  outputs: [
    { name: 'body', description: '|close - open|' },
    { name: 'range', description: 'high - low' },
    { name: 'upper_wick', description: 'high - max(open, close)' },
    { name: 'lower_wick', description: 'min(open, close) - low' },
    { name: 'body_pct', description: '100 * body / range' },
    { name: 'upper_wick_pct', description: '100 * upper_wick / range' },
    { name: 'lower_wick_pct', description: '100 * lower_wick / range' },
  ],
  lookback: '0',
  convention: 'Candle lengths of each bar: body |C - O|, range H - L, wicks H - max(O, C) and min(O, C) - L; the *_pct outputs are percentages of the range',
  notes: 'The percentages are NaN on a bar with high = low.',
};

export default definition;
