import { patternDef } from './common.js';

export default patternDef({
  name: 'kicking_by_length',
  talib: 'CDLKICKINGBYLENGTH',
  title: 'Kicking, bull/bear by the longer marubozu',
  signal: '+100 or -100 on a kicking pattern (two opposite marubozu with a gap), the sign being the colour of the longer body (white +100); else 0',
  lookback: 11,
});
