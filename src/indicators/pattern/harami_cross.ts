import { patternDef } from './common.js';

export default patternDef({
  name: 'harami_cross',
  talib: 'CDLHARAMICROSS',
  title: 'Harami cross',
  signal: '+100 bullish harami cross (long black, doji inside its body), -100 bearish, +80 / -80 when one end of the bodies coincides; else 0',
  lookback: 11,
});
