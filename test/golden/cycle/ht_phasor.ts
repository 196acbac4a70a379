import { type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  HT_PHASOR: { params: () => ({}), outputs: { outInPhase: 'inphase', outQuadrature: 'quadrature' } },
};

export default talib;
