import { patternDef } from './common.js';

export default patternDef({
  name: 'advance_block',
  talib: 'CDLADVANCEBLOCK',
  title: 'Advance block',
  signal: '-100 on an advance block (three rising white candles losing strength); else 0',
  lookback: 12,
});
