import { patternDef } from './common.js';

export default patternDef({
  name: 'long_legged_doji',
  talib: 'CDLLONGLEGGEDDOJI',
  title: 'Long-legged doji',
  signal: '+100 on a doji with a long upper or lower shadow; else 0',
  lookback: 10,
});
