import { BODY_LONG, SHADOW_VERY_SHORT, patternReference } from './common.js';

export default patternReference(10, (k, i) => {
  const closingShadow = k.color(i) === 1 ? k.upperShadow(i) : k.lowerShadow(i);
  return k.body(i) > k.average(BODY_LONG, i) && closingShadow < k.average(SHADOW_VERY_SHORT, i) ? k.color(i) * 100 : 0;
});
