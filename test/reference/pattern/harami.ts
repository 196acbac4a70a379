import { BODY_LONG, BODY_SHORT, haramiValue, patternReference } from './common.js';

export default patternReference(11, (k, i) =>
  k.body(i - 1) > k.average(BODY_LONG, i - 1) && k.body(i) <= k.average(BODY_SHORT, i) ? haramiValue(k, i) : 0);
