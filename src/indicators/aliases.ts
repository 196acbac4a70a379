// Ids of the Numba engine ta-grid replaces that are outputs of a ta-grid
// indicator rather than indicators of their own. Each is accepted as an id:
// it computes its target with the alias's output names. The axes are the
// target's, whose names (window, left, right, atr_window) are already the old
// engine's.

export interface AliasDef {
  /** The old engine's id. */
  readonly id: string;
  /** The ta-grid indicator that computes it. */
  readonly target: string;
  /** Each output name of the alias, in the target's output order, with the target output it is. */
  readonly outputs: Readonly<Record<string, string>>;
}

const same = (...names: string[]) => Object.fromEntries(names.map((n) => [n, n]));
const candle = (name: string): AliasDef => ({ id: `structure.candle_${name}`, target: 'structure.candle_stats', outputs: same(name) });
const candleAtr = (name: string): AliasDef => ({ id: `structure.candle_${name}_atr`, target: 'structure.candle_stats_atr_norm', outputs: { [`${name}_atr`]: name } });

export const ALIASES: readonly AliasDef[] = [
  { id: 'ma.lwma', target: 'ma.wma', outputs: { lwma: 'wma' } },
  { id: 'trend.linreg_slope', target: 'trend.linreg', outputs: same('slope') },
  { id: 'volume.ad_line', target: 'volume.ad', outputs: { ad_line: 'ad' } },
  { id: 'structure.pivot_high', target: 'structure.pivots', outputs: same('pivot_high') },
  { id: 'structure.pivot_low', target: 'structure.pivots', outputs: same('pivot_low') },
  ...['body', 'range', 'upper_wick', 'lower_wick', 'body_pct', 'upper_wick_pct', 'lower_wick_pct'].map(candle),
  ...['body', 'range', 'upper_wick', 'lower_wick'].map(candleAtr),
];
