import { type ReferenceFn } from '../common.js';
import { bandsOf } from './common.js';

const reference: ReferenceFn = ([x], { window: n, mult }, { matype } = {}) => bandsOf(x!, n!, mult!, matype);

export default reference;
