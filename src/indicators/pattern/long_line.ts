import { patternDef } from './common.js';

export default patternDef({
  name: 'long_line',
  talib: 'CDLLONGLINE',
  title: 'Long line candle',
  signal: '+100 on a long white body with short shadows, -100 on a long black one; else 0',
  lookback: 10,
});
