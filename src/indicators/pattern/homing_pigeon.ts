import { patternDef } from './common.js';

export default patternDef({
  name: 'homing_pigeon',
  talib: 'CDLHOMINGPIGEON',
  title: 'Homing pigeon',
  signal: '+100 where a long black candle is followed by a short black one whose body lies inside the first body; else 0',
  lookback: 11,
});
