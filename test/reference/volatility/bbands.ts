import { type ReferenceFn } from '../common.js';
import { bandsOf } from './common.js';

const reference: ReferenceFn = ([x], { window: n, mult }) => bandsOf(x!, n!, mult!);

export default reference;
