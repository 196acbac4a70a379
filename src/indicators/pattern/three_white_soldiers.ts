import { patternDef } from './common.js';

export default patternDef({
  name: 'three_white_soldiers',
  talib: 'CDL3WHITESOLDIERS',
  title: 'Three advancing white soldiers',
  signal: '+100 on three advancing white soldiers; else 0',
  lookback: 12,
});
