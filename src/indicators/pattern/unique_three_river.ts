import { patternDef } from './common.js';

export default patternDef({
  name: 'unique_three_river',
  talib: 'CDLUNIQUE3RIVER',
  title: 'Unique three river',
  signal: '+100 where a long black candle, a black harami with a lower low, and a short white candle opening above that low follow each other; else 0',
  lookback: 12,
});
