import { patternDef } from './common.js';

export default patternDef({
  name: 'on_neck',
  talib: 'CDLONNECK',
  title: 'On-neck',
  signal: '-100 where a long black candle is followed by a white one opening below its low and closing at about that low; else 0',
  lookback: 11,
});
