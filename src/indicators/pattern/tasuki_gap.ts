import { patternDef } from './common.js';

export default patternDef({
  name: 'tasuki_gap',
  talib: 'CDLTASUKIGAP',
  title: 'Tasuki gap',
  signal: '+100 upside tasuki gap (a white candle gapping up, then a black one of about the same size closing inside the gap), -100 downside (the mirror); else 0',
  lookback: 7,
});
