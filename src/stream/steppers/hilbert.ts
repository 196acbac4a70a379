// The Hilbert-transform family (cycle.ht_*, ma.ht_trendline, ma.mama),
// stepped: a TypeScript copy of HilbertCore in native/cycle/common.h,
// operation for operation, kept in the stepper's state per source run, and
// the stepper all seven share. As forEachHilbertBar: a run of valid bars
// seeds a 4-bar WMA of the price with its first 3 bars, runs the WMA alone
// for `warmup` bars (9, or 34 for the functions with lookback 63), then
// steps the transform on every bar, odd and even bars (by the age in the
// run) keeping separate filter histories; a NaN bar ends the run.
import * as fdlibm from './fdlibm.js';
import { lastNaN, type KernelStateMap, type Stepper, type StepperContext } from './types.js';

const SMOOTH_PRICE_SIZE = 50;
/**
 * Raw prices kept: the WMA drops the price 3 bars back and the trendline
 * averages up to one dominant cycle (smoothPeriod <= 50, so at most 50 bars).
 */
const PRICE_RING = 50;
/** Numbers of one HilbertFilter: ring[2][3], prev[2], prevInput[2]. */
const FILTER = 10;

// Where HilbertCore's members live in a run's block of the state.
const AGE = 0;  // valid bars of the run so far (the stream's own count)
const WMA_SUB = 1, WMA_SUM = 2, TRAILING_VALUE = 3;
const HILBERT_IDX = 4, PERIOD = 5, PREV_I2 = 7, PREV_Q2 = 8, RE = 9, IM = 10;
const I1_ODD_PREV2 = 11, I1_ODD_PREV3 = 12, I1_EVEN_PREV2 = 13, I1_EVEN_PREV3 = 14;
const RING_IDX = 17, I_TREND1 = 19, I_TREND2 = 20, I_TREND3 = 21;
const PRICE_POS = 22;  // the newest slot of the raw-price ring
const DETRENDER = 23, Q1 = DETRENDER + FILTER, JI = Q1 + FILTER, JQ = JI + FILTER;
const SMOOTH_PRICE = JQ + FILTER, PRICES = SMOOTH_PRICE + SMOOTH_PRICE_SIZE;
/** Numbers of one transform. */
const CORE = PRICES + PRICE_RING;
/** Offsets of the members the indicators read (from a run's block). */
export const SMOOTH_PERIOD = 6, IN_PHASE = 15, QUADRATURE = 16, DC_PHASE = 18;
/** Offset of the indicator's own numbers per run (`HilbertSpec.extra`) in a run's block. */
export const EXTRA = CORE;

/** 180/π as TA-Lib computes it (rad2Deg()). */
export const RAD2DEG = 180.0 / (4.0 * fdlibm.atan(1.0));
export const DEG2RAD = 1.0 / RAD2DEG;

/** CycleAngles: sin and cos of 2π·i/n for every cycle length n up to 50, at n * 50 + i. */
const TWO_PI = fdlibm.atan(1.0) * 8.0;
const SINE = new Float64Array((SMOOTH_PRICE_SIZE + 1) * SMOOTH_PRICE_SIZE);
const COSINE = new Float64Array((SMOOTH_PRICE_SIZE + 1) * SMOOTH_PRICE_SIZE);
for (let n = 1; n <= SMOOTH_PRICE_SIZE; n++) {
  for (let i = 0; i < n; i++) {
    SINE[n * SMOOTH_PRICE_SIZE + i] = fdlibm.sin((i * TWO_PI) / n);
    COSINE[n * SMOOTH_PRICE_SIZE + i] = fdlibm.cos((i * TWO_PI) / n);
  }
}

/** The raw price `back` valid bars before the newest of the run at o. */
function priceBack(s: Float64Array, o: number, back: number): number {
  const pos = s[o + PRICE_POS]! - back;
  return s[o + PRICES + (pos < 0 ? pos + PRICE_RING : pos)]!;
}

/** HilbertFilter::step of the filter at f: Ehlers' 7-tap FIR over same-parity bars, in TA-Lib's order. */
function filterStep(s: Float64Array, f: number, input: number, parity: number, idx: number, adjustedPrevPeriod: number): number {
  const ring = f + parity * 3 + idx, prev = f + 6 + parity, prevInput = f + 8 + parity;
  const scaled = 0.0962 * input;
  let v = -s[ring]!;
  s[ring] = scaled;
  v += scaled;
  v -= s[prev]!;
  s[prev] = 0.5769 * s[prevInput]!;
  v += s[prev]!;
  s[prevInput] = input;
  return v * adjustedPrevPeriod;
}

/** HilbertCore::smooth: the WMA of the price at the newest bar x, dropping the price 3 bars back. */
function smooth(s: Float64Array, o: number, x: number): number {
  let sub = s[o + WMA_SUB]! + x;
  sub -= s[o + TRAILING_VALUE]!;
  let sum = s[o + WMA_SUM]! + x * 4.0;
  s[o + TRAILING_VALUE] = priceBack(s, o, 3);
  const smoothed = sum * 0.1;
  sum -= sub;
  s[o + WMA_SUB] = sub;
  s[o + WMA_SUM] = sum;
  return smoothed;
}

/**
 * HilbertCore::step: detrender, I1/Q1, the homodyne discriminator, the
 * period and its smoothing, for the bar advance() put last into the price
 * ring (read from there: V8 boxes a number passed to a function it does not
 * inline, and this one is too long to inline).
 */
function transformStep(s: Float64Array, o: number, even: boolean): void {
  const x = s[o + PRICES + s[o + PRICE_POS]!]!;
  const period = s[o + PERIOD]!;
  const adjusted = 0.075 * period + 0.54;
  const smoothed = smooth(s, o, x);
  const ringIdx = s[o + RING_IDX] === SMOOTH_PRICE_SIZE - 1 ? 0 : s[o + RING_IDX]! + 1;
  s[o + RING_IDX] = ringIdx;
  s[o + SMOOTH_PRICE + ringIdx] = smoothed;
  const p = even ? 0 : 1;
  const i1 = even ? s[o + I1_EVEN_PREV3]! : s[o + I1_ODD_PREV3]!;
  const idx = s[o + HILBERT_IDX]!;
  // The detrender, Q1, jI and jQ filters (each FILTER numbers on from DETRENDER) by one call site, in
  // that order: four call sites took the inlining budget atan needed, and each call left out of line
  // boxed its numbers.
  let d = 0.0, q = 0.0, ji = 0.0, jq = 0.0;
  for (let k = 0; k < 4; k++) {
    const y = filterStep(s, o + DETRENDER + k * FILTER, k === 0 ? smoothed : k === 1 ? d : k === 2 ? i1 : q, p, idx, adjusted);
    if (k === 0) d = y;
    else if (k === 1) q = y;
    else if (k === 2) ji = y;
    else jq = y;
  }
  if (even) s[o + HILBERT_IDX] = idx + 1 === 3 ? 0 : idx + 1;
  const prevQ2 = s[o + PREV_Q2]!, prevI2 = s[o + PREV_I2]!;
  const q2 = (0.2 * (q + ji)) + (0.8 * prevQ2);
  const i2 = (0.2 * (i1 - jq)) + (0.8 * prevI2);
  if (even) {
    s[o + I1_ODD_PREV3] = s[o + I1_ODD_PREV2]!;
    s[o + I1_ODD_PREV2] = d;
  } else {
    s[o + I1_EVEN_PREV3] = s[o + I1_EVEN_PREV2]!;
    s[o + I1_EVEN_PREV2] = d;
  }
  s[o + IN_PHASE] = i1;
  s[o + QUADRATURE] = q;
  const re = (0.2 * ((i2 * prevI2) + (q2 * prevQ2))) + (0.8 * s[o + RE]!);
  const im = (0.2 * ((i2 * prevQ2) - (q2 * prevI2))) + (0.8 * s[o + IM]!);
  s[o + RE] = re;
  s[o + IM] = im;
  s[o + PREV_Q2] = q2;
  s[o + PREV_I2] = i2;
  const last = period;
  let next = period;
  if (im !== 0.0 && re !== 0.0) next = 360.0 / (fdlibm.atan(im / re) * RAD2DEG);
  if (next > 1.5 * last) next = 1.5 * last;
  if (next < 0.67 * last) next = 0.67 * last;
  if (next < 6) next = 6;
  else if (next > 50) next = 50;
  next = (0.2 * next) + (0.8 * last);
  s[o + PERIOD] = next;
  s[o + SMOOTH_PERIOD] = (0.33 * next) + (0.67 * s[o + SMOOTH_PERIOD]!);
}

/** HilbertCore::phase: the phase of I1 (MAMA's), 0 where I1 is 0. */
export function phase(s: Float64Array, o: number): number {
  const inPhase = s[o + IN_PHASE]!;
  return inPhase !== 0.0 ? fdlibm.atan(s[o + QUADRATURE]! / inPhase) * RAD2DEG : 0.0;
}

/** HilbertCore::cycleBars: the dominant cycle's whole-bar length. */
function cycleBars(s: Float64Array, o: number): number {
  return Math.trunc(s[o + SMOOTH_PERIOD]! + 0.5);
}

/** The newest smoothed price. */
export function smoothPrice(s: Float64Array, o: number): number {
  return s[o + SMOOTH_PRICE + s[o + RING_IDX]!]!;
}

/** HilbertCore::updatePhase (HT_DCPHASE): the phase of the smoothed price over one dominant cycle, into DC_PHASE. */
export function updatePhase(s: Float64Array, o: number): void {
  const n = cycleBars(s, o);
  let realPart = 0.0, imagPart = 0.0;
  let idx = s[o + RING_IDX]!;
  for (let i = 0; i < n; i++) {
    const sine = n <= SMOOTH_PRICE_SIZE ? SINE[n * SMOOTH_PRICE_SIZE + i]! : fdlibm.sin((i * TWO_PI) / n);
    const cosine = n <= SMOOTH_PRICE_SIZE ? COSINE[n * SMOOTH_PRICE_SIZE + i]! : fdlibm.cos((i * TWO_PI) / n);
    const price = s[o + SMOOTH_PRICE + idx]!;
    realPart += sine * price;
    imagPart += cosine * price;
    idx = idx === 0 ? SMOOTH_PRICE_SIZE - 1 : idx - 1;
  }
  const smoothPeriod = s[o + SMOOTH_PERIOD]!;
  let dcPhase = s[o + DC_PHASE]!;
  const magnitude = Math.abs(imagPart);
  if (magnitude > 0.0) dcPhase = fdlibm.atan(realPart / imagPart) * RAD2DEG;
  else if (magnitude <= 0.01) {
    if (realPart < 0.0) dcPhase -= 90.0;
    else if (realPart > 0.0) dcPhase += 90.0;
  }
  dcPhase += 90.0;
  dcPhase += 360.0 / smoothPeriod;
  if (imagPart < 0.0) dcPhase += 180.0;
  if (dcPhase > 315.0) dcPhase -= 360.0;
  s[o + DC_PHASE] = dcPhase;
}

/** HilbertCore::trendline (HT_TRENDLINE): a 4-bar WMA of the price's mean over the dominant cycle (within the run). */
export function trendline(s: Float64Array, o: number): number {
  const n = cycleBars(s, o), age = s[o + AGE]!;
  let mean = 0.0;
  for (let i = 0; i < n && i < age; i++) mean += priceBack(s, o, i);
  if (n > 0) mean = mean / n;
  const line = (4.0 * mean + 3.0 * s[o + I_TREND1]! + 2.0 * s[o + I_TREND2]! + s[o + I_TREND3]!) / 10.0;
  s[o + I_TREND3] = s[o + I_TREND2]!;
  s[o + I_TREND2] = s[o + I_TREND1]!;
  s[o + I_TREND1] = mean;
  return line;
}

/** Clears the run's block at o (`size` numbers), as after a NaN bar: HilbertCore{}, no price yet. */
function clear(s: Float64Array, o: number, size: number): void {
  s.fill(0, o, o + size);
  s[o + RING_IDX] = SMOOTH_PRICE_SIZE - 1;
  s[o + PRICE_POS] = PRICE_RING - 1;
}

/**
 * One bar x of the run whose block starts at o (`size` numbers: the
 * transform and the indicator's own): a NaN bar ends the run and clears the
 * block (the kernel state after it is that, whatever the run was); the
 * first valid bar seeds the WMA with the next two (clearing the block too,
 * for a state restored from before it was cleared at gaps); then the WMA
 * alone for `warmup` bars, then the transform. Returns the bar's age in the
 * run (t - s), or -1 for a gap.
 */
export function advance(s: Float64Array, o: number, size: number, x: number, warmup: number): number {
  if (x !== x) {
    clear(s, o, size);
    return -1;
  }
  const a = s[o + AGE]!;
  if (a === 0) clear(s, o, size);
  s[o + AGE] = a + 1;
  const pos = s[o + PRICE_POS] === PRICE_RING - 1 ? 0 : s[o + PRICE_POS]! + 1;
  s[o + PRICE_POS] = pos;
  s[o + PRICES + pos] = x;
  if (a === 0) {
    s[o + WMA_SUB] = x;
    s[o + WMA_SUM] = x;
  } else if (a < 3) {
    s[o + WMA_SUB] = s[o + WMA_SUB]! + x;
    s[o + WMA_SUM] = s[o + WMA_SUM]! + x * (a + 1.0);
  } else if (a < 3 + warmup) {
    smooth(s, o, x);
  } else {
    transformStep(s, o, a % 2 === 0);
  }
  return a;
}

/** What one indicator of the family adds to the transform. */
export interface HilbertSpec {
  /** WMA-only bars after the 3 seed bars: 9 (lookback 32) or 34 (lookback 63). */
  readonly warmup: number;
  readonly lookback: number;
  /** Numbers per source run the indicator keeps after the transform's (at o + EXTRA), 0 at each run's start. */
  readonly extra?: number;
  /** Numbers per variant (at own + n * v), 0 at each run's start. */
  readonly own?: number;
  /**
   * After each transform bar x of the run at o (every one: the state steps
   * in the lookback too), writes the values of variants [v0, v1) into rows
   * (null or missing: not wanted, as during the lookback).
   */
  bar(s: Float64Array, o: number, x: number, rows: readonly (Float64Array | null)[], v0: number, v1: number, own: number): void;
}

const NO_ROWS: readonly null[] = [];

/** The stepper of one indicator of the family: a transform per source run, shared by the run's variants. */
export function hilbertStepper(ctx: StepperContext, spec: HilbertSpec): Stepper {
  const size = CORE + (spec.extra ?? 0), ownSize = spec.own ?? 0;
  const runs = ctx.runs.map((r, k) => ({ v0: r.v0, v1: r.v1, src: ctx.sourceIndex(r.sources.source!), at: k * size }));
  const ownAt = runs.length * size;
  const state = new Float64Array(ownAt + ownSize * ctx.grid.variants);
  for (const r of runs) clear(state, r.at, size);
  const first = 3 + spec.warmup;
  /** One bar x of run r, its variants' values into rows. */
  const stepRun = (r: (typeof runs)[number], x: number, rows: readonly (Float64Array | null)[]): void => {
    const a = advance(state, r.at, size, x, spec.warmup);
    if (a <= 0) state.fill(0, ownAt + ownSize * r.v0, ownAt + ownSize * r.v1);
    if (a >= first) spec.bar(state, r.at, x, a >= spec.lookback ? rows : NO_ROWS, r.v0, r.v1, ownAt);
    if (a < spec.lookback) for (const row of rows) row?.fill(NaN, r.v0, r.v1);
  };
  return {
    state,
    step(bar, rows) {
      for (const r of runs) stepRun(r, bar[r.src]!, rows);
    },
    // No resume(): `history` goes through the kernel too.
    kernel: hilbertKernelState(state, runs, ctx.grid.variants, size, ownAt, ownSize, first, (r, col) => {
      // A run the kernel left to the stream (still seeding, or ended by the last bar): its bars from the gap before it.
      const g = lastNaN(col, 0, col.length);
      for (let i = Math.max(g, 0); i < col.length; i++) stepRun(r, col[i]!, NO_ROWS);
    }),
  };
}

/**
 * The kernel state (namespace state in native/cycle/common.h): per variant
 * the run's block, then the variant's own numbers. The kernel reads the
 * prices before the batch from the block's ring. Where the batch ends in a
 * gap or a run still in its seed and warm-up (`first` bars: the kernel
 * leaves its age and prices, not the WMA's partial sums), `stepTail` steps
 * the run's bars since its last gap.
 */
function hilbertKernelState(
  state: Float64Array, runs: readonly { v0: number; v1: number; src: number; at: number }[], V: number, size: number, ownAt: number, ownSize: number, first: number,
  stepTail: (r: (typeof runs)[number], col: Float64Array) => void,
): KernelStateMap {
  const S = size + ownSize;
  return {
    perVariant: S,
    length: S * V,
    save(into) {
      for (const r of runs) {
        for (let v = r.v0; v < r.v1; v++) {
          into.set(state.subarray(r.at, r.at + size), S * v);
          into.set(state.subarray(ownAt + ownSize * v, ownAt + ownSize * (v + 1)), S * v + size);
        }
      }
    },
    load(from, bars, columns) {
      for (const r of runs) {
        if (from[S * r.v0 + AGE]! < first) {
          stepTail(r, columns[r.src]!.subarray(0, bars));
          continue;
        }
        state.set(from.subarray(S * r.v0, S * r.v0 + size), r.at);
        for (let v = r.v0; v < r.v1; v++) state.set(from.subarray(S * v + size, S * (v + 1)), ownAt + ownSize * v);
      }
    },
  };
}

/** Writes `value` for variants [v0, v1) into output k's row, if wanted. */
export function put(rows: readonly (Float64Array | null)[], k: number, v0: number, v1: number, value: number): void {
  rows[k]?.fill(value, v0, v1);
}
