import { patternDef } from './common.js';

export default patternDef({
  name: 'belt_hold',
  talib: 'CDLBELTHOLD',
  title: 'Belt hold',
  signal: '+100 white belt hold (long white opening on its low), -100 black (long black opening on its high); else 0',
  lookback: 10,
});
