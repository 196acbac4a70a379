// pattern.shooting_star, stepped: native/pattern/shooting_star.h, TA-Lib
// CDLSHOOTINGSTAR. The candle of pattern.inverted_hammer (small body, long
// upper shadow, very short lower one) gapping up from the previous body: -100.
import { patternStepper } from '../patterns.js';
import { invertedHammerScan } from './inverted_hammer.js';

export default patternStepper(invertedHammerScan(true, -100.0));
