import { BODY_DOJI, patternReference } from './common.js';

export default patternReference(10, (k, i) => (k.body(i) <= k.average(BODY_DOJI, i) ? 100 : 0));
