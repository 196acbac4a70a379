import { BODY_DOJI, BODY_LONG, BODY_SHORT, patternReference } from './common.js';

export default patternReference(12, (k, i, { penetration: p }) => {
  if (!(k.body(i - 2) > k.average(BODY_LONG, i - 2) && k.body(i - 1) <= k.average(BODY_DOJI, i - 1) &&
    k.body(i) > k.average(BODY_SHORT, i))) return 0;
  const reach = k.body(i - 2) * p!;
  if (k.color(i - 2) === 1 && k.color(i) === -1 && k.c[i]! < k.c[i - 2]! - reach && k.gapUp(i - 1, i - 2) && k.gapDown(i, i - 1)) return -100;
  if (k.color(i - 2) === -1 && k.color(i) === 1 && k.c[i]! > k.c[i - 2]! + reach && k.gapDown(i - 1, i - 2) && k.gapUp(i, i - 1)) return 100;
  return 0;
});
