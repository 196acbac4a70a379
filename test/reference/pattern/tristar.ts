import { BODY_DOJI, patternReference } from './common.js';

export default patternReference(12, (k, i) => {
  const doji = k.average(BODY_DOJI, i - 2);
  if (![i - 2, i - 1, i].every((j) => k.body(j) <= doji)) return 0;
  if (k.bodyGapUp(i - 1, i - 2) && k.top(i) < k.top(i - 1)) return -100;
  if (k.bodyGapDown(i - 1, i - 2) && k.bottom(i) > k.bottom(i - 1)) return 100;
  return 0;
});
