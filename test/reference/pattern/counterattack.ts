import { BODY_LONG, EQUAL, patternReference } from './common.js';

export default patternReference(11, (k, i) => {
  const tolerance = k.average(EQUAL, i - 1);
  return k.color(i - 1) === -k.color(i) && k.body(i - 1) > k.average(BODY_LONG, i - 1) && k.body(i) > k.average(BODY_LONG, i) &&
    k.c[i]! <= k.c[i - 1]! + tolerance && k.c[i]! >= k.c[i - 1]! - tolerance
    ? k.color(i) * 100 : 0;
});
