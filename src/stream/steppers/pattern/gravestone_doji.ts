// pattern.gravestone_doji, stepped: native/pattern/gravestone_doji.h,
// TA-Lib CDLGRAVESTONEDOJI. dragonfly_doji's scan with the shadows swapped.
import { patternStepper } from '../patterns.js';
import { dojiSideScan } from './dragonfly_doji.js';

export default patternStepper(dojiSideScan(true));
