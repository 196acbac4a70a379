import { patternReference } from './common.js';

export default patternReference(3, (k, i) => {
  const engulfs = k.color(i - 1) !== k.color(i - 2) && k.top(i - 1) > k.top(i - 2) && k.bottom(i - 1) < k.bottom(i - 2);
  if (!engulfs) return 0;
  if (k.color(i - 1) === 1 && k.c[i]! > k.c[i - 1]!) return 100;
  if (k.color(i - 1) === -1 && k.c[i]! < k.c[i - 1]!) return -100;
  return 0;
});
