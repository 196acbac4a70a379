import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  ROC: { params: period, outputs: { outReal: 'roc' } },
};

export default talib;
