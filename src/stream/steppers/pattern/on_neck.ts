// pattern.on_neck, stepped: native/pattern/on_neck.h, TA-Lib CDLONNECK. The
// two candles of pattern.in_neck, the white one closing at about the black
// one's low: -100.
import { patternStepper } from '../patterns.js';
import { neckScan } from './in_neck.js';

export default patternStepper(neckScan((k, i, same) => k.close(i) <= k.low(i - 1) + same && k.close(i) >= k.low(i - 1) - same));
