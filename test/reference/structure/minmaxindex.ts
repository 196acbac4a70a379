import { type ReferenceFn } from '../common.js';
import { extremeIndexes } from './common.js';

const reference: ReferenceFn = (inputs, params) => {
  const [min, max] = extremeIndexes(inputs, params);
  return [min, max];
};

export default reference;
