// The candlestick patterns, stepped: a TypeScript mirror of
// native/pattern/common.h (TA-Lib's candle settings, the Candles macros, the
// Trailing totals and forEachRun), so that a pattern's stepper is the C++
// scan's loop body in a few lines (src/stream/steppers/pattern/<name>.ts).
//
// A setting's total is a floating running sum: summed in bar order at the
// run's first judged bar, then rolled one bar per step. The steppers do the
// same additions in the same order, so every comparison against an average
// gives the kernel's answer, equal-to ones included.
import { paramOf, type KernelStateMap, type Stepper, type StepperContext, type StepperFactory } from './types.js';

/** TA_RangeType: what a setting measures on a candle. */
export type RangeType = 'realBody' | 'highLow' | 'shadows';

/**
 * TA_CandleSetting: a candle part is compared with factor x the average of
 * its range over the `period` bars before it (the bar's own range when
 * period is 0; half the average for shadows, both shadows being summed).
 */
export interface CandleSetting {
  readonly range: RangeType;
  readonly period: number;
  readonly factor: number;
}

// TA-Lib's TA_CandleDefaultSettings (ta_global.c), as native/pattern/common.h.
export const BODY_LONG: CandleSetting = { range: 'realBody', period: 10, factor: 1.0 };
export const BODY_VERY_LONG: CandleSetting = { range: 'realBody', period: 10, factor: 3.0 };
export const BODY_SHORT: CandleSetting = { range: 'realBody', period: 10, factor: 1.0 };
export const BODY_DOJI: CandleSetting = { range: 'highLow', period: 10, factor: 0.1 };
export const SHADOW_LONG: CandleSetting = { range: 'realBody', period: 0, factor: 1.0 };
export const SHADOW_VERY_LONG: CandleSetting = { range: 'realBody', period: 0, factor: 2.0 };
export const SHADOW_SHORT: CandleSetting = { range: 'shadows', period: 10, factor: 1.0 };
export const SHADOW_VERY_SHORT: CandleSetting = { range: 'highLow', period: 10, factor: 0.1 };
export const NEAR: CandleSetting = { range: 'highLow', period: 5, factor: 0.2 };
export const FAR: CandleSetting = { range: 'highLow', period: 5, factor: 0.6 };
export const EQUAL: CandleSetting = { range: 'highLow', period: 5, factor: 0.05 };

/**
 * The open, high, low, close of the current run's last `size` bars (a ring
 * in the stepper's state) and TA-Lib's candle macros over them. Bar t is
 * counted from the run's first bar (0), as the kernels count from theirs:
 * read only bars of the last `size` (the pattern's lookback and the bar).
 */
export class Candles {
  constructor(private readonly ring: Float64Array, private readonly size: number) {}

  open(t: number): number { return this.ring[4 * (t % this.size)]!; }
  high(t: number): number { return this.ring[4 * (t % this.size) + 1]!; }
  low(t: number): number { return this.ring[4 * (t % this.size) + 2]!; }
  close(t: number): number { return this.ring[4 * (t % this.size) + 3]!; }

  // TA_REALBODY, TA_UPPERSHADOW, TA_LOWERSHADOW, TA_HIGHLOWRANGE, TA_CANDLECOLOR
  body(t: number): number { return Math.abs(this.close(t) - this.open(t)); }
  upperShadow(t: number): number {
    const c = this.close(t), o = this.open(t);
    return this.high(t) - (c >= o ? c : o);
  }
  lowerShadow(t: number): number {
    const c = this.close(t), o = this.open(t);
    return (c >= o ? o : c) - this.low(t);
  }
  highLow(t: number): number { return this.high(t) - this.low(t); }
  color(t: number): 1 | -1 { return this.close(t) >= this.open(t) ? 1 : -1; }
  /** std::max(close, open) and std::min(close, open), which pick close on a tie. */
  bodyTop(t: number): number {
    const c = this.close(t), o = this.open(t);
    return c < o ? o : c;
  }
  bodyBottom(t: number): number {
    const c = this.close(t), o = this.open(t);
    return o < c ? o : c;
  }

  // TA_REALBODYGAPUP / DOWN (bar t's body clear of bar p's), TA_CANDLEGAPUP / DOWN
  bodyGapUp(t: number, p: number): boolean { return this.bodyBottom(t) > this.bodyTop(p); }
  bodyGapDown(t: number, p: number): boolean { return this.bodyTop(t) < this.bodyBottom(p); }
  gapUp(t: number, p: number): boolean { return this.low(t) > this.high(p); }
  gapDown(t: number, p: number): boolean { return this.high(t) < this.low(p); }

  /** TA_CANDLERANGE: the part of bar t that setting s measures. */
  range(s: CandleSetting, t: number): number {
    return s.range === 'realBody' ? this.body(t) : s.range === 'highLow' ? this.highLow(t) : this.upperShadow(t) + this.lowerShadow(t);
  }

  /** The total of setting s over the `period` bars before bar `end`, added in bar order. */
  total(s: CandleSetting, end: number): number {
    let sum = 0.0;
    for (let t = end - s.period; t < end; t++) sum += this.range(s, t);
    return sum;
  }

  /** The total once its window moves on to end after bar t (TA-Lib's update). */
  roll(s: CandleSetting, total: number, t: number): number {
    return total + (this.range(s, t) - this.range(s, t - s.period));
  }

  /** TA_CANDLEAVERAGE: the threshold setting s sets for bar t, given its total. */
  average(s: CandleSetting, total: number, t: number): number {
    return (s.factor * (s.period !== 0 ? total / s.period : this.range(s, t))) / (s.range === 'shadows' ? 2.0 : 1.0);
  }
}

/**
 * A setting's running total judging bar i - lag while the scan moves bar i
 * on (Trailing in native/pattern/common.h), kept in the stepper's state:
 * summed by start(first) at the run's first judged bar, moved on by next(i)
 * after each bar.
 */
export class Trailing {
  constructor(
    private readonly k: Candles,
    readonly setting: CandleSetting,
    readonly lag: number,
    private readonly totals: Float64Array,
    private readonly at: number,
  ) {}

  /** The C++ constructor: the total of the `period` bars before bar first - lag. */
  start(first: number): void {
    this.totals[this.at] = this.k.total(this.setting, first - this.lag);
  }

  /** TA_CANDLEAVERAGE: the threshold the setting sets for bar i - lag. */
  average(i: number): number {
    return this.k.average(this.setting, this.totals[this.at]!, i - this.lag);
  }

  /** Moves the window on after bar i. */
  next(i: number): void {
    this.totals[this.at] = this.k.roll(this.setting, this.totals[this.at]!, i - this.lag);
  }
}

/** What a pattern's scan sees of the run besides the candles. */
export interface PatternRun<T extends string = never> {
  /** The scan's totals, by the names PatternScan.totals gives them. */
  readonly totals: Readonly<Record<T, Trailing>>;
  /** The numbers the scan carries from bar to bar (PatternScan.locals of them), kept in the state. */
  readonly locals: Float64Array;
  /** The variant's `penetration` (patterns with that param; NaN for the others). */
  penetration: number;
}

/** A pattern's scan: the C++ lambda forEachRun calls, as hooks. */
export interface PatternScan<T extends string = never> {
  /** kLookback of the kernel (the definition's lookback): the first judged bar of a run. */
  readonly lookback: number;
  /** The scan's Trailing totals by the kernel's names: [setting, lag] each. */
  readonly totals?: Readonly<Record<T, readonly [CandleSetting, number]>>;
  /** How many numbers the scan carries from bar to bar besides the totals (hikkake's pattern bar and result). */
  readonly locals?: number;
  /** The lambda's lines before its loop, at the run's first judged bar `first`, after the totals are summed. */
  start?(k: Candles, first: number, run: PatternRun<T>): void;
  /**
   * The loop body: the value at bar i (the totals are moved on after it).
   * A pattern with a `penetration` param gets one call per variant, which
   * must not change the run (no locals); the others one call per bar,
   * which every variant takes (putAll), also on a bar without a row.
   */
  value(k: Candles, i: number, run: PatternRun<T>): number;
}

// The kernel state of every pattern (namespace state in native/pattern/common.h):
// [lead, age, totals (a slot per range type, period and lag), locals, ring].
const MAX_LAG = 4;
const STATE_TOTALS = 9 * (MAX_LAG + 1);
const STATE_LOCALS = 3;
const TOTALS_AT = 2, LOCALS_AT = TOTALS_AT + STATE_TOTALS, RING_AT = LOCALS_AT + STATE_LOCALS;
const RANGE_INDEX: Record<RangeType, number> = { realBody: 0, highLow: 1, shadows: 2 };

/** A total's slot in the kernel state: totals with the same range, period and lag are the same sums. */
function stateSlot(s: CandleSetting, lag: number): number {
  return TOTALS_AT + (RANGE_INDEX[s.range] * 3 + (s.period === 0 ? 0 : s.period === 5 ? 1 : 2)) * (MAX_LAG + 1) + lag;
}

/**
 * The stepper factory of a pattern (forEachRun's bookkeeping): NaN on an
 * invalid bar (any of open, high, low, close NaN) and before bar `lookback`
 * of the run; at bar `lookback` the totals are summed and start() runs;
 * then value() and the totals moved on, on every bar. State: [valid bars
 * of the run, ring of the last lookback + 1 bars (open, high, low, close),
 * totals, locals], all zero after a gap (so the kernel, which sees only the
 * current run, leaves the same state). Batches run through the kernel with
 * its state (Stepper.kernel), the first `lookback` bars of each stepped here.
 */
export function patternStepper<T extends string = never>(scan: PatternScan<T>): StepperFactory {
  const settings = Object.entries(scan.totals ?? {}) as [T, readonly [CandleSetting, number]][];
  const nLocals = scan.locals ?? 0;
  for (const [, [s, lag]] of settings) {
    if (lag + s.period > scan.lookback) throw new Error(`a pattern total of period ${s.period} and lag ${lag} reads before its lookback ${scan.lookback}`);
    if (lag > MAX_LAG) throw new Error(`a pattern total of lag ${lag} has no slot in the kernel state (lags up to ${MAX_LAG})`);
  }
  if (nLocals > STATE_LOCALS) throw new Error(`a pattern scan with ${nLocals} locals (the kernel state keeps ${STATE_LOCALS})`);
  return (ctx: StepperContext): Stepper => {
    if (Number(ctx.def.lookback) !== scan.lookback) throw new Error(`${ctx.def.id}: stepper lookback ${scan.lookback}, definition ${ctx.def.lookback}`);
    const size = scan.lookback + 1;
    const ringAt = 1, totalsAt = ringAt + 4 * size, localsAt = totalsAt + settings.length;
    const state = new Float64Array(localsAt + nLocals);
    const k = new Candles(state.subarray(ringAt, totalsAt), size);
    const totalsView = state.subarray(totalsAt, localsAt);
    const totals = settings.map(([, [s, lag]], j) => new Trailing(k, s, lag, totalsView, j));
    const run: PatternRun<T> = {
      totals: Object.fromEntries(settings.map(([name], j) => [name, totals[j]!])) as Record<T, Trailing>,
      locals: state.subarray(localsAt),
      penetration: NaN,
    };
    const penetration = ctx.def.params.some((p) => p.name === 'penetration') ? paramOf(ctx, 'penetration') : null;
    const [o, h, l, c] = (['open', 'high', 'low', 'close'] as const).map((s) => ctx.sourceIndex(s)) as [number, number, number, number];
    const V = ctx.grid.variants;
    return {
      state,
      step(bar, rows) {
        const out = rows[0] ?? null;
        const open = bar[o]!, high = bar[h]!, low = bar[l]!, close = bar[c]!;
        if (open !== open || high !== high || low !== low || close !== close) {
          if (state[0] !== 0) state.fill(0);
          out?.fill(NaN);
          return;
        }
        const i = state[0]!;
        state[0] = i + 1;
        const slot = ringAt + 4 * (i % size);
        state[slot] = open;
        state[slot + 1] = high;
        state[slot + 2] = low;
        state[slot + 3] = close;
        if (i < scan.lookback) {
          out?.fill(NaN);
          return;
        }
        if (i === scan.lookback) {
          for (const t of totals) t.start(i);
          scan.start?.(k, i, run);
        }
        if (penetration === null) {
          const y = scan.value(k, i, run);
          out?.fill(y);
        } else if (out) {
          for (let v = 0; v < V; v++) {
            run.penetration = penetration[v]!;
            out[v] = scan.value(k, i, run);
          }
        }
        for (const t of totals) t.next(i);
      },
      ...(ctx.runs.length === 1 ? { kernel: kernelState(scan.lookback, settings.map(([, [s, lag]]) => stateSlot(s, lag)), nLocals, state) } : {}),
    };
  };
}

/** The kernel state of a pattern stepper's state (layouts above), `slots[j]` the slot of its total j. */
function kernelState(lookback: number, slots: readonly number[], nLocals: number, state: Float64Array): KernelStateMap {
  const ringLength = 4 * (lookback + 1), totalsAt = 1 + ringLength, localsAt = totalsAt + slots.length;
  const length = RING_AT + ringLength;
  return {
    perVariant: 0,
    length,
    runs: [{ at: 0, length }],
    // Stepped (no tail): lookback bars of one variant cost less than copying the batch behind a tail.
    lead: lookback,
    save(into) {
      into.fill(0, 0, length);
      into[0] = lookback;
      into[1] = state[0]!;
      slots.forEach((slot, j) => { into[slot] = state[totalsAt + j]!; });
      for (let j = 0; j < nLocals; j++) into[LOCALS_AT + j] = state[localsAt + j]!;
      into.set(state.subarray(1, totalsAt), RING_AT);
    },
    load(from) {
      state[0] = from[1]!;
      slots.forEach((slot, j) => { state[totalsAt + j] = from[slot]!; });
      for (let j = 0; j < nLocals; j++) state[localsAt + j] = from[LOCALS_AT + j]!;
      state.set(from.subarray(RING_AT, length), 1);
    },
  };
}
