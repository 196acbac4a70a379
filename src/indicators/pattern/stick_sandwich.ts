import { patternDef } from './common.js';

export default patternDef({
  name: 'stick_sandwich',
  talib: 'CDLSTICKSANDWICH',
  title: 'Stick sandwich',
  signal: '+100 where a black candle, a white one trading above its close, and a black one closing at about the first close follow each other; else 0',
  lookback: 7,
});
