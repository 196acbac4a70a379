import { patternDef } from './common.js';

export default patternDef({
  name: 'doji',
  talib: 'CDLDOJI',
  title: 'Doji',
  signal: '+100 on a doji (real body at most a tenth of the average high-low range); else 0',
  lookback: 10,
});
