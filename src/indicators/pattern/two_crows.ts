import { patternDef } from './common.js';

export default patternDef({
  name: 'two_crows',
  talib: 'CDL2CROWS',
  title: 'Two crows',
  signal: '-100 where a long white candle is followed by two black ones, the first gapping up and the second closing inside the white body; else 0',
  lookback: 12,
});
