import { BODY_LONG, SHADOW_VERY_SHORT, patternReference } from './common.js';

export default patternReference(10, (k, i) => {
  const openingShadow = k.color(i) === 1 ? k.lowerShadow(i) : k.upperShadow(i);
  return k.body(i) > k.average(BODY_LONG, i) && openingShadow < k.average(SHADOW_VERY_SHORT, i) ? k.color(i) * 100 : 0;
});
