import { patternDef } from './common.js';

export default patternDef({
  name: 'upside_gap_two_crows',
  talib: 'CDLUPSIDEGAP2CROWS',
  title: 'Upside gap two crows',
  signal: '-100 where a long white candle, a short black one gapping up, and a black one engulfing it but closing above the first close follow each other; else 0',
  lookback: 12,
});
