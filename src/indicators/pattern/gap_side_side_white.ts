import { patternDef } from './common.js';

export default patternDef({
  name: 'gap_side_side_white',
  talib: 'CDLGAPSIDESIDEWHITE',
  title: 'Up/down-gap side-by-side white lines',
  signal: '+100 up-gap side-by-side white lines, -100 down-gap; else 0',
  lookback: 7,
});
