import { type ReferenceFn } from '../common.js';
import { lagged, rocr100 } from './common.js';

const reference: ReferenceFn = lagged(rocr100);

export default reference;
