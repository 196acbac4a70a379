// pattern.closing_marubozu, stepped: native/pattern/closing_marubozu.h,
// TA-Lib CDLCLOSINGMARUBOZU. belt_hold's scan on the closing side.
import { patternStepper } from '../patterns.js';
import { beltHoldScan } from './belt_hold.js';

export default patternStepper(beltHoldScan(true));
