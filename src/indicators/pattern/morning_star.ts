import { patternDef } from './common.js';

export default patternDef({
  name: 'morning_star',
  talib: 'CDLMORNINGSTAR',
  title: 'Morning star',
  signal: '+100 where a long black candle, a short one gapping down, and a white candle closing well into the first body follow each other; else 0',
  lookback: 12,
  penetration: 0.3,
});
