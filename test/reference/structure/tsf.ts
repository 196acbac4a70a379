import { type ReferenceFn, bySegments } from '../common.js';
import { linearRegression } from '../trend/linreg.js';

const reference: ReferenceFn = ([x], { window: n }) => bySegments([x!], 1, ([s]) => [linearRegression(s!, n!)[4]!]);

export default reference;
