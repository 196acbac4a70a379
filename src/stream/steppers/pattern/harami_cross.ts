// pattern.harami_cross, stepped: native/pattern/harami_cross.h, TA-Lib
// CDLHARAMICROSS. harami's scan with a doji second candle.
import { BODY_DOJI, patternStepper } from '../patterns.js';
import { haramiScan } from './harami.js';

export default patternStepper(haramiScan(BODY_DOJI));
