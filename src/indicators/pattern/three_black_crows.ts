import { patternDef } from './common.js';

export default patternDef({
  name: 'three_black_crows',
  talib: 'CDL3BLACKCROWS',
  title: 'Three black crows',
  signal: '-100 where a white candle is followed by three declining black candles with very short lower shadows, each opening inside the previous body; else 0',
  lookback: 13,
});
