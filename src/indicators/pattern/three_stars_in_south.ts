import { patternDef } from './common.js';

export default patternDef({
  name: 'three_stars_in_south',
  talib: 'CDL3STARSINSOUTH',
  title: 'Three stars in the south',
  signal: '+100 on three stars in the south (three shrinking black candles ending in a small marubozu); else 0',
  lookback: 12,
});
