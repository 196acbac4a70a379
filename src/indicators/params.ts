import type { ChoiceParamDef, ParamDef } from './types.js';

/** Bounds every length parameter shares (kMaxWindow in native/abi.h, MAX_WINDOW in asm/abi.ts): TA-Lib's limit. */
export const WINDOW_MAX = 100_000;

/** Whether a param is a length in bars: kernels size per-variant rings and deques for the longest one. */
export function isWindowParam(p: ParamDef): boolean {
  return p.kind === 'int' && p.max === WINDOW_MAX;
}

/**
 * The longest window among variants [v0, v1) of per-param columns (0 when the
 * indicator has none): the W kernels size their scratch with.
 */
export function longestWindow(params: readonly ParamDef[], columns: readonly ArrayLike<number>[], v0: number, v1: number): number {
  let w = 0;
  params.forEach((p, i) => {
    if (!isWindowParam(p)) return;
    const col = columns[i]!;
    for (let v = v0; v < v1; v++) if (col[v]! > w) w = col[v]!;
  });
  return Math.min(Math.ceil(w), WINDOW_MAX);
}

/** A length in bars (window, period, shift): an integer in [min, WINDOW_MAX]. */
export function period(name: string, min: number, defaults: ParamDef['default'], description: string): ParamDef {
  return { name, kind: 'int', min, max: WINDOW_MAX, default: defaults, description };
}

/** The `window` parameter most indicators take. */
export function windowParam(defaults: ParamDef['default'], min = 2, description = 'window length in bars'): ParamDef {
  return period('window', min, defaults, description);
}

/**
 * A param's value as kernels read it: the number itself, or for a choice
 * the index of the value in its `values`.
 */
export function kernelValue(p: ParamDef, value: number | string): number {
  return p.kind === 'choice' ? p.values.indexOf(value as string) : (value as number);
}

/** A param's default values as a list (a range default expands to its start: callers wanting one value take [0]). */
export function firstDefault(p: ParamDef): number | string {
  const d = p.default;
  if (typeof d === 'number' || typeof d === 'string') return d;
  if (Array.isArray(d)) return p.kind === 'choice' ? (d as string[])[0]! : Math.min(...(d as number[]));
  return (d as { start: number }).start;
}

/** An axis of named alternatives (see ChoiceParamDef): `values` in code order, `default` one of them. */
export function choice(name: string, values: readonly string[], defaultValue: string, description: string): ChoiceParamDef {
  return { name, kind: 'choice', values, default: [defaultValue], description };
}

/** Values of the `seed` axis, in code order (kSeedFirst in native/primitives.h, SEED_FIRST in asm/primitives.ts). */
export const SEEDS = ['sma', 'first'] as const;

/**
 * The `seed` axis of indicators built on EMAs or Wilder averages: how each
 * average starts. 'sma' (default, TA-Lib): the mean of its first n inputs,
 * NaN before. 'first': its first input, no warm-up NaN (pandas
 * ewm(adjust=False); TradingView ta.ema). An axis, not a request option, so
 * one grid can hold both and each variant's params and labels say which.
 */
export const seedParam: ChoiceParamDef = choice(
  'seed', SEEDS, 'sma',
  "how each EMA or Wilder average starts: 'sma' with the mean of its first window inputs, NaN before (TA-Lib); 'first' with its first input, no warm-up (pandas ewm(adjust=False), TradingView ta.ema)",
);

/** The `seed` axis of an indicator whose averages are EMAs only when the choice `matype` is 'ema'. */
export function seedParamFor(matype: string): ChoiceParamDef {
  return { ...seedParam, onlyWith: { param: matype, values: ['ema'] } };
}

/** A lookback that depends on the seed: `sma` for seed 'sma' (TA-Lib's), `first` for seed 'first'. */
export function bySeed(sma: string, first: string): string {
  return `if(seed == 'first', ${first}, ${sma})`;
}

/** Values of the `zero_denominator` axis, in code order (kZeroDenominatorNaN in native/primitives.h, ZERO_DENOMINATOR_NAN in asm/primitives.ts). */
export const ZERO_DENOMINATORS = ['talib', 'nan'] as const;

/**
 * The `zero_denominator` axis of indicators for which TA-Lib writes a number
 * where the ratio is 0/0 (a flat or untraded window): 'talib' (default) keeps
 * it, 'nan' writes NaN (the old engine, pandas). An axis like `seed`, so it
 * shows in listIndicators() exactly where it applies and one grid can hold
 * both; `where` says which bars and what TA-Lib writes there.
 */
export function zeroDenominatorParam(where: string): ChoiceParamDef {
  return choice('zero_denominator', ZERO_DENOMINATORS, 'talib', `what a bar with a zero denominator gives (${where}): 'talib' TA-Lib's number, 'nan' NaN`);
}

/** A distance in units of a spread (standard deviations, ATRs): a float in [0.1, 10]. */
export function multiplier(name: string, defaults: ParamDef['default'], description: string): ParamDef {
  return { name, kind: 'float', min: 0.1, max: 10, default: defaults, description };
}

/**
 * Values of a `matype` axis, in TA-Lib's TA_MAType code order (Code in
 * native/matype.h, asm/matype.ts): SMA, EMA, WMA, DEMA, TEMA, TRIMA, KAMA,
 * MAMA, T3. Append-only.
 */
export const MA_TYPES = ['sma', 'ema', 'wma', 'dema', 'tema', 'trima', 'kama', 'mama', 't3'] as const;
export type MaType = (typeof MA_TYPES)[number];

/**
 * A moving-average type as an axis (TA-Lib's optInMAType): `name` is the
 * param ('matype', 'fast_matype', ...), `of` says which average it picks.
 * MAMA uses TA_MA's limits 0.5 / 0.05 and ignores the period; T3 its volume
 * factor 0.7.
 */
export function matypeParam(name: string, defaultValue: MaType, of: string): ChoiceParamDef {
  return choice(
    name, MA_TYPES, defaultValue,
    `moving-average type of ${of}, TA-Lib's MA types: 'sma', 'ema', 'wma', 'dema', 'tema', 'trima', 'kama', 'mama' (limits 0.5 / 0.05, period ignored), 't3' (volume factor 0.7)`,
  );
}

/**
 * TA_MA_Lookback as a lookback formula: bars before the first value of a
 * `matype` average (choice param `matype`) over `n` bars (a param name).
 * A period of 1 copies the series through (0 bars) for every type.
 */
export function maLookback(matype: string, n: string): string {
  const m = (type: MaType, bars: string, rest: string) => `if(${matype} == '${type}', ${bars}, ${rest})`;
  const byType = m('dema', `2 * (${n} - 1)`, m('tema', `3 * (${n} - 1)`, m('kama', n, m('mama', '32', m('t3', `6 * (${n} - 1)`, `${n} - 1`)))));
  return `if(${n} == 1, 0, ${byType})`;
}
