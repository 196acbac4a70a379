import { type ReferenceFn } from '../common.js';
import { lagged, roc } from './common.js';

const reference: ReferenceFn = lagged(roc);

export default reference;
