// trend.sarext, stepped: trend.psar's SarLane per variant with SAREXT's
// long and short accelerations (start and step clamped to their maximum),
// startvalue and offset, the SAR negated in a short trend
// (native/trend/sarext.h).
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { sarLanes } from './psar.js';

export default function sarext(ctx: StepperContext): Stepper {
  const p = (name: string) => paramOf(ctx, name);
  const [initLong, long, maxLong] = [p('accelerationinitlong'), p('accelerationlong'), p('accelerationmaxlong')];
  const [initShort, short, maxShort] = [p('accelerationinitshort'), p('accelerationshort'), p('accelerationmaxshort')];
  const clamped = (x: number, cap: number) => (x > cap ? cap : x);
  const acc = new Float64Array(6 * ctx.grid.variants);
  for (let v = 0; v < ctx.grid.variants; v++) {
    const ml = maxLong[v]!, ms = maxShort[v]!;
    acc.set([clamped(initLong[v]!, ml), clamped(long[v]!, ml), ml, clamped(initShort[v]!, ms), clamped(short[v]!, ms), ms], 6 * v);
  }
  return sarLanes(ctx, acc, p('startvalue'), p('offsetonreverse'), true);
}
