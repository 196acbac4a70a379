import { BODY_DOJI, patternReference } from './common.js';
import { isMorningStar } from './morning_star.js';

export default patternReference(12, (k, i, { penetration }) => (isMorningStar(k, i, BODY_DOJI, penetration!) ? 100 : 0));
