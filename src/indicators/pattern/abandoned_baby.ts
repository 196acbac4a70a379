import { patternDef } from './common.js';

export default patternDef({
  name: 'abandoned_baby',
  talib: 'CDLABANDONEDBABY',
  title: 'Abandoned baby',
  signal: '+100 bullish abandoned baby (long black, gapped doji, white gapping up into the first body), -100 bearish; else 0',
  lookback: 12,
  penetration: 0.3,
});
