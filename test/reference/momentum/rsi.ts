import { type ReferenceFn } from '../common.js';
import { fromGainsLosses, nearZero } from './common.js';

const reference: ReferenceFn = fromGainsLosses((gain, loss) => (nearZero(gain + loss) ? 0 : (100 * gain) / (gain + loss)));

export default reference;
