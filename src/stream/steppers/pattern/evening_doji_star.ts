// pattern.evening_doji_star, stepped: native/pattern/evening_doji_star.h,
// TA-Lib CDLEVENINGDOJISTAR. evening_star's scan with a doji in the middle.
import { BODY_DOJI, patternStepper } from '../patterns.js';
import { eveningStarScan } from './evening_star.js';

export default patternStepper(eveningStarScan(BODY_DOJI));
