import { type ReferenceFn, nanArray, bySegments } from '../common.js';
import type { Series } from './common.js';

/** Least squares over the last n values, TA-Lib's form: x = bar age, newest 0; the fifth series is the line one bar ahead (TSF). */
export function linearRegression(y: Series, n: number): Series[] {
  const T = y.length;
  const [value, slope, intercept, angle, forecast] = [nanArray(T), nanArray(T), nanArray(T), nanArray(T), nanArray(T)];
  const sumX = n * (n - 1) * 0.5;
  const sumXSqr = (n * (n - 1) * (2 * n - 1)) / 6;
  const divisor = sumX * sumX - n * sumXSqr;
  for (let t = n - 1; t < T; t++) {
    let sumY = 0, sumXY = 0;
    for (let age = n - 1; age >= 0; age--) {
      sumY += y[t - age]!;
      sumXY += age * y[t - age]!;
    }
    const m = (n * sumXY - sumX * sumY) / divisor;
    const b = (sumY - m * sumX) / n;
    value[t] = b + m * (n - 1);
    slope[t] = m;
    intercept[t] = b;
    angle[t] = Math.atan(m) * (180 / Math.PI);
    forecast[t] = b + m * n;
  }
  return [value, slope, intercept, angle, forecast];
}

const reference: ReferenceFn = ([x], { window: n }) => bySegments([x!], 4, ([s]) => linearRegression(s!, n!).slice(0, 4));

export default reference;
