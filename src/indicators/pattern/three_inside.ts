import { patternDef } from './common.js';

export default patternDef({
  name: 'three_inside',
  talib: 'CDL3INSIDE',
  title: 'Three inside up/down',
  signal: '+100 three inside up (long black, short candle inside its body, white closing above the first open), -100 three inside down (the mirror); else 0',
  lookback: 12,
});
