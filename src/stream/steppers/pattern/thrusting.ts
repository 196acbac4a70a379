// pattern.thrusting, stepped: native/pattern/thrusting.h, TA-Lib
// CDLTHRUSTING. The two candles of pattern.in_neck, the white one closing
// into the black body, above its close by more than "equal" but not above
// its middle: -100.
import { patternStepper } from '../patterns.js';
import { neckScan } from './in_neck.js';

export default patternStepper(neckScan((k, i, same) => k.close(i) > k.close(i - 1) + same && k.close(i) <= k.close(i - 1) + k.body(i - 1) * 0.5));
