import { patternReference } from './common.js';

export default patternReference(2, (k, i) => {
  const d = k.color(i - 2); // +1 upside, -1 downside
  const gap = d === 1 ? k.bodyGapUp(i - 1, i - 2) : k.bodyGapDown(i - 1, i - 2);
  return gap && k.color(i - 1) === d && k.color(i) === -d &&
    k.o[i]! < k.top(i - 1) && k.o[i]! > k.bottom(i - 1) && k.c[i]! < k.top(i - 2) && k.c[i]! > k.bottom(i - 2) ? 100 * d : 0;
});
