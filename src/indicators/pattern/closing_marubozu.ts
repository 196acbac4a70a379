import { patternDef } from './common.js';

export default patternDef({
  name: 'closing_marubozu',
  talib: 'CDLCLOSINGMARUBOZU',
  title: 'Closing marubozu',
  signal: '+100 white closing marubozu (long white closing on its high), -100 black (long black closing on its low); else 0',
  lookback: 10,
});
