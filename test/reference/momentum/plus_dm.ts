import { type ReferenceFn } from '../common.js';
import { directionalMovement } from './common.js';

const reference: ReferenceFn = directionalMovement(true);

export default reference;
