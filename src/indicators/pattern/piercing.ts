import { patternDef } from './common.js';

export default patternDef({
  name: 'piercing',
  talib: 'CDLPIERCING',
  title: 'Piercing pattern',
  signal: '+100 where a long black candle is followed by a long white one opening below its low and closing above the middle of its body; else 0',
  lookback: 11,
});
