import { patternDef } from './common.js';

export default patternDef({
  name: 'identical_three_crows',
  talib: 'CDLIDENTICAL3CROWS',
  title: 'Identical three crows',
  signal: '-100 where three declining black candles with very short lower shadows each open about where the previous one closed; else 0',
  lookback: 12,
});
