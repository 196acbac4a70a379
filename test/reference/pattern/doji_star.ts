import { BODY_DOJI, BODY_LONG, patternReference } from './common.js';

export default patternReference(11, (k, i) => {
  const gapsAway = k.color(i - 1) === 1 ? k.bodyGapUp(i, i - 1) : k.bodyGapDown(i, i - 1);
  return k.body(i - 1) > k.average(BODY_LONG, i - 1) && k.body(i) <= k.average(BODY_DOJI, i) && gapsAway ? -k.color(i - 1) * 100 : 0;
});
