import { patternDef } from './common.js';

export default patternDef({
  name: 'engulfing',
  talib: 'CDLENGULFING',
  title: 'Engulfing',
  signal: '+100 bullish engulfing, -100 bearish, +80 / -80 when one end of the two bodies coincides; else 0',
  lookback: 2,
});
