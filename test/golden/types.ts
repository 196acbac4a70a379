/** How one TA-Lib function of the golden file maps onto a ta-grid indicator. */
export interface GoldenMapping {
  id: string;
  /**
   * TA-Lib optIn values -> our grid values, one per axis. `inputs` is the
   * case's input map for two-input functions (BETA, CORREL: `{ inReal0:
   * 'close', inReal1: 'open' }`), so a mapping can name source axes.
   */
  params: (talib: Record<string, number>, inputs: Record<string, string> | null) => Record<string, number | string>;
  /** TA-Lib output name -> our output name. */
  outputs: Record<string, string>;
  /**
   * Extra absolute tolerance for float64, in units of the price scale, where
   * TA-Lib's own arithmetic is known to cancel (see the fixture README).
   */
  absTolerance?: number;
  /** Only the fixture cases whose TA-Lib params this accepts (e.g. APO with matype 1 = EMA). */
  only?: (talib: Record<string, number>) => boolean;
}

export const period = (p: Record<string, number>) => ({ window: p.optInTimePeriod! });
export const fastSlow = (p: Record<string, number>) => ({ fast: p.optInFastPeriod!, slow: p.optInSlowPeriod! });
export const fastSlowSignal = (p: Record<string, number>) => ({ ...fastSlow(p), signal: p.optInSignalPeriod! });

/** An indicator's mappings, by TA-Lib function name (its id comes from its file's place). */
export type TalibMappings = Record<string, Omit<GoldenMapping, 'id'>>;

/** TA-Lib's optInMAType codes 0..8 as values of a `matype` axis. */
export const maType = (code: number) => ['sma', 'ema', 'wma', 'dema', 'tema', 'trima', 'kama', 'mama', 't3'][code]!;
