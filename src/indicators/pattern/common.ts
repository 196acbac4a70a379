// What every candlestick-pattern definition shares: the candle inputs, the one
// output in TA-Lib's -100 / 0 / +100 code, the penetration axis, the notes.
import type { IndicatorDef, ParamDef } from '../types.js';

export interface PatternSpec {
  /** File name and id suffix: TA-Lib's name spelled out in snake_case (ids do not start with a digit). */
  readonly name: string;
  /** TA-Lib function, e.g. 'CDL2CROWS'. */
  readonly talib: string;
  readonly title: string;
  /** What the values mean, e.g. '-100 on a bearish two crows, 0 otherwise'. */
  readonly signal: string;
  /**
   * TA-Lib's TA_CDL*_Lookback with the default candle settings: the longest
   * average period the pattern uses plus its length in bars minus one.
   */
  readonly lookback: number;
  /** TA-Lib's optInPenetration default, for the patterns that take one. */
  readonly penetration?: number;
  readonly notes?: string;
}

/** TA-Lib's optInPenetration: how far into the first candle's body the last one must close. */
export function penetrationParam(defaultValue: number): ParamDef {
  return {
    name: 'penetration',
    kind: 'float',
    min: 0,
    max: 1,
    default: [defaultValue],
    description: `fraction of the first candle's real body the last candle must penetrate (TA-Lib optInPenetration, default ${defaultValue})`,
  };
}

export const CANDLE_SETTINGS_NOTE =
  "Long, short, doji-like, near and equal are TA-Lib's default candle settings: a factor of the average real body, high-low range or shadows " +
  "of the 5 or 10 bars before the judged one, kept as TA-Lib's running totals. After a NaN bar the pattern restarts as if the series began there.";

export function patternDef(spec: PatternSpec): IndicatorDef {
  return {
    id: `pattern.${spec.name}`,
    group: 'pattern',
    title: spec.title,
    inputs: ['open', 'high', 'low', 'close'],
    params: spec.penetration === undefined ? [] : [penetrationParam(spec.penetration)],
    outputs: [{ name: 'signal', description: spec.signal }],
    lookback: String(spec.lookback),
    convention: `TA-Lib ${spec.talib}`,
    notes: spec.notes ? `${spec.notes} ${CANDLE_SETTINGS_NOTE}` : CANDLE_SETTINGS_NOTE,
  };
}
