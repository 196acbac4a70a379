import { patternDef } from './common.js';

export default patternDef({
  name: 'in_neck',
  talib: 'CDLINNECK',
  title: 'In-neck',
  signal: '-100 where a long black candle is followed by a white one opening below its low and closing at or just above its close; else 0',
  lookback: 11,
});
