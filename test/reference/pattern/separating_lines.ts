import { BODY_LONG, EQUAL, patternReference, SHADOW_VERY_SHORT } from './common.js';

export default patternReference(11, (k, i) => {
  const openingShadow = k.color(i) === 1 ? k.lowerShadow(i) : k.upperShadow(i);
  return k.color(i - 1) !== k.color(i) && Math.abs(k.o[i]! - k.o[i - 1]!) <= k.average(EQUAL, i - 1) &&
    k.body(i) > k.average(BODY_LONG, i) && openingShadow < k.average(SHADOW_VERY_SHORT, i) ? 100 * k.color(i) : 0;
});
