import { type ReferenceFn } from '../common.js';
import { lagged, rocp } from './common.js';

const reference: ReferenceFn = lagged(rocp);

export default reference;
