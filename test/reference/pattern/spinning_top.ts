import { BODY_SHORT, patternReference } from './common.js';

export default patternReference(10, (k, i) =>
  k.body(i) < k.average(BODY_SHORT, i) && Math.min(k.upperShadow(i), k.lowerShadow(i)) > k.body(i) ? 100 * k.color(i) : 0);
