import { BODY_LONG, BODY_SHORT, patternReference } from './common.js';

export default patternReference(12, (k, i) => {
  const harami = k.body(i - 2) > k.average(BODY_LONG, i - 2) && k.body(i - 1) <= k.average(BODY_SHORT, i - 1) &&
    k.top(i - 1) < k.top(i - 2) && k.bottom(i - 1) > k.bottom(i - 2);
  if (!harami) return 0;
  if (k.color(i - 2) === 1 && k.color(i) === -1 && k.c[i]! < k.o[i - 2]!) return -100;
  if (k.color(i - 2) === -1 && k.color(i) === 1 && k.c[i]! > k.o[i - 2]!) return 100;
  return 0;
});
