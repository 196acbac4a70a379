import { type ReferenceFn, mean, populationVariance } from '../common.js';
import { ratioOrNaN, windowed } from './common.js';

const reference: ReferenceFn = windowed((x, t, n) => ratioOrNaN(x[t]! - mean(x, t - n + 1, n), Math.sqrt(populationVariance(x, t - n + 1, n))));

export default reference;
