import { type ReferenceFn, bySegments } from '../common.js';

const reference: ReferenceFn = ([open, high, low, close]) =>
  bySegments([open!, high!, low!, close!], 1, ([o, h, l, c]) => [
    o!.map((_, t) => (h![t]! - l![t]! < 1e-14 ? 0 : (c![t]! - o![t]!) / (h![t]! - l![t]!))),
  ]);

export default reference;
