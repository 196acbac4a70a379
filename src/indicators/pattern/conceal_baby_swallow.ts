import { patternDef } from './common.js';

export default patternDef({
  name: 'conceal_baby_swallow',
  talib: 'CDLCONCEALBABYSWALL',
  title: 'Concealing baby swallow',
  signal: '+100 on a concealing baby swallow; else 0',
  lookback: 13,
});
