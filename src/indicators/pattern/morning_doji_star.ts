import { patternDef } from './common.js';

export default patternDef({
  name: 'morning_doji_star',
  talib: 'CDLMORNINGDOJISTAR',
  title: 'Morning doji star',
  signal: '+100 where a long black candle, a doji gapping down, and a white candle closing well into the first body follow each other; else 0',
  lookback: 12,
  penetration: 0.3,
});
