// pattern.short_line, stepped: native/pattern/short_line.h, TA-Lib
// CDLSHORTLINE. A short body with short shadows: +100 white, -100 black.
import { BODY_SHORT, SHADOW_SHORT, patternStepper } from '../patterns.js';
import { oneCandleScan } from './long_line.js';

export default patternStepper(oneCandleScan(10, BODY_SHORT, false, SHADOW_SHORT));
