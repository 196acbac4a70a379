import { patternDef } from './common.js';

export default patternDef({
  name: 'mat_hold',
  talib: 'CDLMATHOLD',
  title: 'Mat hold',
  signal: '+100 where a long white candle, a small black one gapping up, two small falling reaction candles held within the first body, and a white candle closing above their highs follow each other; else 0',
  lookback: 14,
  penetration: 0.5,
});
