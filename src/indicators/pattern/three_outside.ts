import { patternDef } from './common.js';

export default patternDef({
  name: 'three_outside',
  talib: 'CDL3OUTSIDE',
  title: 'Three outside up/down',
  signal: '+100 three outside up (white engulfing a black, then a higher close), -100 three outside down; else 0',
  lookback: 3,
});
