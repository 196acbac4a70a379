import { patternDef } from './common.js';

export default patternDef({
  name: 'marubozu',
  talib: 'CDLMARUBOZU',
  title: 'Marubozu',
  signal: '+100 on a long white body with very short shadows, -100 on a long black one; else 0',
  lookback: 10,
});
