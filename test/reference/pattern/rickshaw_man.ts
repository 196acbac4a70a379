import { BODY_DOJI, NEAR, patternReference, SHADOW_LONG } from './common.js';

export default patternReference(10, (k, i) => {
  const mid = (k.h[i]! + k.l[i]!) / 2, near = k.average(NEAR, i);
  return k.body(i) <= k.average(BODY_DOJI, i) && Math.min(k.upperShadow(i), k.lowerShadow(i)) > k.average(SHADOW_LONG, i) &&
    k.bottom(i) <= mid + near && k.top(i) >= mid - near ? 100 : 0;
});
