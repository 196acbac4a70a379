// pattern.kicking_by_length, stepped: native/pattern/kicking_by_length.h,
// TA-Lib CDLKICKINGBYLENGTH. kicking's scan, signed by the colour of the
// longer marubozu.
import { patternStepper } from '../patterns.js';
import { kickingScan } from './kicking.js';

export default patternStepper(kickingScan((k, i) => k.color(k.body(i) > k.body(i - 1) ? i : i - 1) * 100.0));
