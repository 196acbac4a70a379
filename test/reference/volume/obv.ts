import { type ReferenceFn, bySegments, fromBar } from '../common.js';

const reference: ReferenceFn = ([c, v]) =>
  bySegments([c!, v!], 1, ([sc, sv]) => {
    let level = sv![0]!;
    return [fromBar(sc!.length, 0, (t) => (level += t === 0 ? 0 : sc![t]! > sc![t - 1]! ? sv![t]! : sc![t]! < sc![t - 1]! ? -sv![t]! : 0))];
  });

export default reference;
