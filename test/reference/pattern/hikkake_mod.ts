import { hikkakeReference, modifiedBreakout } from './hikkake.js';

export default hikkakeReference(10, modifiedBreakout);
