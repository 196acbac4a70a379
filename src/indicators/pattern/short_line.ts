import { patternDef } from './common.js';

export default patternDef({
  name: 'short_line',
  talib: 'CDLSHORTLINE',
  title: 'Short line candle',
  signal: '+100 on a short white body with short shadows, -100 on a short black one; else 0',
  lookback: 10,
});
