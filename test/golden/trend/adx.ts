import { period, type TalibMappings } from '../types.js';

const adx = (output: string) => ({ params: period, outputs: { outReal: output } });

const talib: TalibMappings = {
  ADX: adx('adx'),
  PLUS_DI: adx('plus_di'),
  MINUS_DI: adx('minus_di'),
  DX: adx('dx'),
};

export default talib;
