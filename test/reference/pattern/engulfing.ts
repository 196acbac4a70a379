import { patternReference } from './common.js';

export default patternReference(2, (k, i) => {
  if (k.color(i) === k.color(i - 1)) return 0;
  // the new body covers the old one, strictly at one end at least
  const covers = k.top(i) >= k.top(i - 1) && k.bottom(i) <= k.bottom(i - 1) && (k.top(i) > k.top(i - 1) || k.bottom(i) < k.bottom(i - 1));
  if (!covers) return 0;
  const strict = k.top(i) > k.top(i - 1) && k.bottom(i) < k.bottom(i - 1);
  return k.color(i) * (strict ? 100 : 80);
});
