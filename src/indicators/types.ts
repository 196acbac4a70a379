// What an indicator definition says: its inputs, params, outputs and lookback,
// and the vocabulary they are written in (candle columns, sources, groups).

/** Columns a candle set can hold. */
export const CANDLE_COLUMNS = ['open', 'high', 'low', 'close', 'volume'] as const;
export type CandleColumn = (typeof CANDLE_COLUMNS)[number];

/**
 * Price series an indicator with a `source` axis can read. The derived ones
 * are TA-Lib's MEDPRICE (hl2), TYPPRICE (hlc3), AVGPRICE (ohlc4), WCLPRICE (hlcc4).
 */
export const SOURCES = ['open', 'high', 'low', 'close', 'volume', 'hl2', 'hlc3', 'ohlc4', 'hlcc4'] as const;
export type SourceName = (typeof SOURCES)[number];

/** Indicator groups, in their fixed listing order. */
export const GROUPS = ['ma', 'volatility', 'momentum', 'trend', 'volume', 'structure', 'cycle', 'pattern'] as const;
export type GroupName = (typeof GROUPS)[number];

/** An inclusive range of axis values. */
export interface RangeSpec {
  start: number;
  stop: number;
  step?: number;
}

/** How a request (or a default) names the values of one axis. */
export type AxisSpec = number | string | readonly (number | string)[] | RangeSpec;

/** A numeric axis: a length in bars ('int') or a real coefficient ('float'). */
export interface NumericParamDef {
  readonly name: string;
  /** 'int' params are lengths in bars (windows, periods, shifts): none may exceed the candle count. */
  readonly kind: 'int' | 'float';
  readonly min: number;
  readonly max: number;
  /** The values swept when a request leaves this axis out. */
  readonly default: AxisSpec;
  readonly description: string;
}

/**
 * An axis of named alternatives, e.g. `seed: 'sma' | 'first'`. Requests,
 * results (params, variant labels, Arrow column names), listings and docs use
 * the strings; the kernels read value i as the number i (its index in
 * `values`), so a kernel's switch follows the order written here. Lookback
 * formulas test it by value: `if(seed == 'first', 0, window - 1)`.
 */
export interface ChoiceParamDef {
  readonly name: string;
  readonly kind: 'choice';
  /** The allowed values, in the order of their codes 0, 1, ... */
  readonly values: readonly string[];
  /** The values swept when a request leaves this axis out: one, so default grids do not grow. */
  readonly default: string | readonly string[];
  /** What the axis chooses, and what each value means. */
  readonly description: string;
  /**
   * A grid constraint: values other than the default mean something only when
   * every value of the axis `param` in the grid is one of `values` (APO's
   * seed 'first' only with matype 'ema'). Request validation rejects any other
   * grid with a GridValidationError naming both axes.
   */
  readonly onlyWith?: { readonly param: string; readonly values: readonly string[] };
}

export type ParamDef = NumericParamDef | ChoiceParamDef;

export interface OutputDef {
  readonly name: string;
  readonly description: string;
  /**
   * NaN is a legitimate value after the lookback (pivots between pivots, the
   * undefined end of a line shifted backward). The warmup self-test then only
   * checks the warm-up zone.
   */
  readonly sparse?: boolean;
  /**
   * The value at bar t reads candles after t (Ichimoku's lagging line): the
   * look-ahead test skips it and a stream refuses it.
   */
  readonly looksAhead?: boolean;
  /**
   * The value is a bar index counted from the first candle of the call
   * (TA-Lib's MAXINDEX family), so a run computed alone gives it shifted by
   * the run's first bar.
   */
  readonly barIndex?: boolean;
}

/**
 * Inputs that become axes of kind 'source', named as the input: `source`, and
 * `source2` for the second series of two-series indicators (BETA, CORREL).
 */
export const SOURCE_INPUTS = ['source', 'source2'] as const;
export type SourceInput = (typeof SOURCE_INPUTS)[number];

/** An input is either a source axis or a fixed candle column. */
export type InputRef = SourceInput | CandleColumn;

export function isSourceInput(input: string): input is SourceInput {
  return (SOURCE_INPUTS as readonly string[]).includes(input);
}

/** One variant's params: numbers, and strings for choice params. */
export type ParamValues = Readonly<Record<string, number | string>>;

/**
 * A lookback formula such as `'window - 1'` or `'max(fast, slow) - 1'`: numbers,
 * param names, + - * /, parentheses, max, min, floor, ceil, sqrt, and if() over a
 * test of a choice param (`if(seed == 'first', 0, window - 1)`). A record
 * gives one formula per output name.
 */
export type Lookback = string | Readonly<Record<string, string>>;

export interface IndicatorDef {
  /** `group.name` */
  readonly id: string;
  readonly group: GroupName;
  readonly title: string;
  /** Kernel input columns in kernel order; 'source' and 'source2' become axes of that name. */
  readonly inputs: readonly InputRef[];
  /** Default of the `source` axis when the indicator has one (close when left out). */
  readonly defaultSource?: AxisSpec;
  /** Default of the `source2` axis when the indicator has one (close when left out). */
  readonly defaultSource2?: AxisSpec;
  readonly params: readonly ParamDef[];
  readonly outputs: readonly OutputDef[];
  /**
   * Index of the first non-NaN output on NaN-free input (TA-Lib's lookback),
   * as a formula over the param names (see formula.ts): one for all outputs,
   * or one per output name when they differ (ADX's plus_di starts before adx).
   */
  readonly lookback: Lookback;
  /** The TA-Lib function it matches ("TA-Lib NAME ..."), or the formula and its convention. */
  readonly convention: string;
  /** Longer notes for the docs: edge cases, which bar a value is reported at and why. */
  readonly notes?: string;
  /**
   * Compute per value relative to a cheap kernel's (MOM, SMA, EMA: 1, the
   * default), declared where it is several times that: the wasm chunk rule
   * gives a costly small grid a second thread (wasmSplitPays in src/pool/planner.ts).
   */
  readonly cost?: number;
  /**
   * The kernel sums every window up to a call's longest each bar, whatever
   * the call's width (WMA and HMA: WmaDiagonal in native/ma/common.h), so a
   * narrow chunk of long windows costs nearly what the whole source run
   * does: compute() then cuts a source's variants only to give every thread
   * work, not to keep chunks short.
   */
  readonly sharesWindowSums?: boolean;
}

/** The source axes of an indicator, in input order, with their defaults. */
export function sourceAxes(def: IndicatorDef): { name: SourceInput; default: AxisSpec }[] {
  return def.inputs.filter(isSourceInput).map((name) => ({
    name,
    default: (name === 'source' ? def.defaultSource : def.defaultSource2) ?? ['close'],
  }));
}
