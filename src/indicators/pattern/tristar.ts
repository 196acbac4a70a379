import { patternDef } from './common.js';

export default patternDef({
  name: 'tristar',
  talib: 'CDLTRISTAR',
  title: 'Tristar',
  signal: '+100 bullish tristar (three dojis, the middle one gapping down), -100 bearish (the middle one gapping up); else 0',
  lookback: 12,
});
