import { patternDef } from './common.js';

export default patternDef({
  name: 'three_line_strike',
  talib: 'CDL3LINESTRIKE',
  title: 'Three-line strike',
  signal: '+100 where three white candles are struck by a black one closing below the first open, -100 for the mirror; else 0',
  lookback: 8,
});
