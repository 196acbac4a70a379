// pattern.morning_doji_star, stepped: native/pattern/morning_doji_star.h,
// TA-Lib CDLMORNINGDOJISTAR. The morning star of pattern.morning_star with a
// doji as the star: +100.
import { BODY_DOJI, patternStepper } from '../patterns.js';
import { morningStarScan } from './morning_star.js';

export default patternStepper(morningStarScan(12, BODY_DOJI));
