import { patternDef } from './common.js';

export default patternDef({
  name: 'harami',
  talib: 'CDLHARAMI',
  title: 'Harami',
  signal: '+100 bullish harami (long black, short body inside it), -100 bearish, +80 / -80 when one end of the bodies coincides; else 0',
  lookback: 11,
});
