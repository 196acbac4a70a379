import { patternReference } from './common.js';
import { isKick } from './kicking.js';

export default patternReference(11, (k, i) => (isKick(k, i) ? 100 * k.color(k.body(i) > k.body(i - 1) ? i : i - 1) : 0));
