// pattern.marubozu, stepped: native/pattern/marubozu.h, TA-Lib CDLMARUBOZU.
// A long body with very short shadows: +100 white, -100 black.
import { BODY_LONG, SHADOW_VERY_SHORT, patternStepper } from '../patterns.js';
import { oneCandleScan } from './long_line.js';

export default patternStepper(oneCandleScan(10, BODY_LONG, true, SHADOW_VERY_SHORT));
