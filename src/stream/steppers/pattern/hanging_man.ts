// pattern.hanging_man, stepped: native/pattern/hanging_man.h, TA-Lib
// CDLHANGINGMAN. hammer's scan, placed near or above the previous high.
import { patternStepper } from '../patterns.js';
import { hammerScan } from './hammer.js';

export default patternStepper(hammerScan(true));
