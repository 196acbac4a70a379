import { patternDef } from './common.js';

export default patternDef({
  name: 'spinning_top',
  talib: 'CDLSPINNINGTOP',
  title: 'Spinning top',
  signal: '+100 on a small white body with both shadows longer than the body, -100 on a black one; else 0',
  lookback: 10,
});
