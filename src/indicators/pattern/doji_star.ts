import { patternDef } from './common.js';

export default patternDef({
  name: 'doji_star',
  talib: 'CDLDOJISTAR',
  title: 'Doji star',
  signal: '-100 doji star after a long white candle (body gapping up), +100 after a long black one (gapping down); else 0',
  lookback: 11,
});
