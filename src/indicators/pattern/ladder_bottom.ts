import { patternDef } from './common.js';

export default patternDef({
  name: 'ladder_bottom',
  talib: 'CDLLADDERBOTTOM',
  title: 'Ladder bottom',
  signal: '+100 where three black candles with lower opens and closes, a black one with an upper shadow, and a white one opening above its body and closing above its high follow each other; else 0',
  lookback: 14,
});
