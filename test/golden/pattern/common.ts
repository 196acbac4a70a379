// What every pattern's golden mapping shares: TA-Lib's one integer output.
import { type GoldenMapping } from '../types.js';

/** A pattern without parameters. */
export const plain: Omit<GoldenMapping, 'id'> = { params: () => ({}), outputs: { outInteger: 'signal' } };

/** A pattern with TA-Lib's optInPenetration as the `penetration` axis. */
export const withPenetration: Omit<GoldenMapping, 'id'> = {
  params: (p) => ({ penetration: p.optInPenetration! }),
  outputs: { outInteger: 'signal' },
};
