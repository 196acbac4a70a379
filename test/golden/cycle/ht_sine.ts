import { type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  HT_SINE: { params: () => ({}), outputs: { outSine: 'sine', outLeadSine: 'leadsine' } },
};

export default talib;
