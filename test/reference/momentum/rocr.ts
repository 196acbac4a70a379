import { type ReferenceFn } from '../common.js';
import { lagged, rocr } from './common.js';

const reference: ReferenceFn = lagged(rocr);

export default reference;
