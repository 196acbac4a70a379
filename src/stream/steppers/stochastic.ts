// momentum.stoch and momentum.stochf, stepped: stochastic() in
// native/momentum/common.h. One channel of the highest high and lowest low
// over the last k_window bars; per variant, fast %K (stochK), its running
// mean over k_smoothing bars (slow %K; STOCHF: one bar, %K itself) and the
// running mean of that over d_window bars (%D), both TA-Lib's RunningMean
// (compensated sum, add the newest, then drop the oldest), restarted with
// each run of valid bars (high, low and close); k and d from %D's first bar.
// A variant with an MA type other than 'sma' takes kdByType's averages
// instead (kdAverages: TA_MA lanes of matypes.ts), which the kernels carry
// too (kdByLanes) for every type but 'wma' and 'mama'.
import { longestOf, paramOf, resumeBySources, type KernelStateMap, type Stepper, type StepperContext } from './types.js';
import { twoSumError, ZERO_DENOMINATOR_NAN } from './primitives.js';
import { type Channel, Layout, priceChannel } from './extremes.js';
import { hasKernelLane, laneColumn } from './matypes.js';

/** The code of MA type 'sma' (MA_TYPES in src/indicators/params.ts, matype::kSma). */
const SMA = 0;

/** Numbers before the ring of a mean: RunningMean's kernel state (RunningMean::kStateHead in native/primitives.h). */
export const MEAN_HEAD = 4;

/** RunningMean::reset for the mean at s[at]: [pos, count, sum, err, ring of n], the ring zeroed as the kernel's state shows a slot not written since. */
function resetMean(s: Float64Array, at: number, n: number): void {
  s.fill(0.0, at, at + MEAN_HEAD + n);
}

/** RunningMean::push: the mean of the last n values once n have arrived, else NaN. */
export function pushMean(s: Float64Array, at: number, n: number, x: number): number {
  const ring = at + 4;
  if (n === 1) {
    // The general steps over one slot leave pos 0, sum and err +0 (x - x, exact) and give (0 + x + 0) / 1: x, -0 as +0.
    s[ring] = x;
    s[at + 1] = s[at + 1]! + 1;
    return x + 0.0;
  }
  let pos = s[at]!;
  s[ring + pos] = x;
  let sum = s[at + 2]!, err = s[at + 3]!;
  let t = sum + x;
  err += twoSumError(sum, x, t);
  sum = t;
  if (++pos === n) pos = 0;
  s[at] = pos;
  const count = s[at + 1]! + 1;
  s[at + 1] = count;
  let mean = NaN;
  if (count >= n) {
    mean = (sum + err) / n;
    const y = -s[ring + pos]!;  // the oldest value of this window
    t = sum + y;
    err += twoSumError(sum, y, t);
    sum = t;
  }
  s[at + 2] = sum;
  s[at + 3] = err;
  return mean;
}

/**
 * Per variant, what averages fast %K into slow %K and %D: with both types
 * 'sma', TA-Lib's running means (over k_smoothing, then d_window; putKD);
 * else kdByType's TA_MA lanes (matypes.ts): slow %K the TA_MA of fast %K,
 * %D the TA_MA of slow %K from slow %K's first value, both shown from %D's
 * first value. Laid out in `layout` (the lanes after it, from `base`);
 * null when a type is MAMA's (no lane).
 */
export function kdAverages(layout: Layout, kTypes: ArrayLike<number>, kn: ArrayLike<number>, dTypes: ArrayLike<number>, dn: ArrayLike<number>, fastKOf: ArrayLike<string | number>) {
  const V = kTypes.length;
  const sma = Uint8Array.from({ length: V }, (_, v) => (kTypes[v] === SMA && dTypes[v] === SMA ? 1 : 0));
  // Running means of slow %K: variants with the same fast %K series (fastKOf) and k_smoothing take the
  // first one's (its mean steps once per bar; theirs stay unused), only their %D their own.
  const lead = new Int32Array(V), firsts = new Map<string, number>();
  for (let v = 0; v < V; v++) {
    const key = `${fastKOf[v]}:${kn[v]}:${sma[v]}`;
    if (!sma[v] || !firsts.has(key)) firsts.set(key, v);
    lead[v] = sma[v] ? firsts.get(key)! : v;
  }
  const slowNow = new Float64Array(V);
  const slowAt = new Int32Array(V), dAt = new Int32Array(V);
  const means: SmaMeans = { lead, slowAt, dAt, slowNow, kn: Int32Array.from(kn), dn: Int32Array.from(dn) };
  for (let v = 0; v < V; v++) {
    if (!sma[v]) continue;
    slowAt[v] = layout.take(4 + kn[v]!);
    dAt[v] = layout.take(4 + dn[v]!);
  }
  const skip = (v: number) => sma[v] === 1;
  const k = laneColumn(kTypes, kn, layout.size, skip), d = k && laneColumn(dTypes, dn, layout.size + k.size, skip);
  if (!k || !d) return null;
  layout.take(k.size + d.size);
  return {
    /** Whether every variant takes the running means (both types 'sma'), the ones a kernel state carries. */
    allSma: sma.every((x) => x === 1),
    /** Whether the kernels carry every variant's averages: the running means, or lanes of types with a kernel lane (KERNEL_LANES). */
    kernelLanes: Array.from({ length: V }, (_, v) => sma[v] === 1 || (hasKernelLane(kTypes[v]!, kn[v]!) && hasKernelLane(dTypes[v]!, dn[v]!))).every((x) => x),
    /** Where variant v's slow %K and %D lanes are in the state (null: on the running means). */
    lanes(v: number): { k: number; kSize: number; d: number; dSize: number } | null {
      return sma[v] ? null : { k: k.at[v]!, kSize: k.lane[v]!.size, d: d.at[v]!, dSize: d.lane[v]!.size };
    },
    /** The running means' offsets and windows, for pushMeans() (the steps of the default grids). */
    sma: means,
    /**
     * Where variant v's running means are in the state: slow %K's (that of
     * the first variant with the same fast %K and k_smoothing, which steps
     * it; `owns` when that is v) and %D's, each [pos, count, sum, err, ring].
     */
    means(v: number): { slow: number; d: number; owns: boolean } {
      return { slow: slowAt[lead[v]!]!, d: dAt[v]!, owns: lead[v] === v };
    },
    /** Variant v at its run's first bar. */
    reset(s: Float64Array, v: number): void {
      if (sma[v]) {
        resetMean(s, slowAt[v]!, kn[v]!);
        resetMean(s, dAt[v]!, dn[v]!);
        return;
      }
      s.fill(0.0, k.at[v]!, k.at[v]! + k.lane[v]!.size);
      s.fill(0.0, d.at[v]!, d.at[v]! + d.lane[v]!.size);
    },
    /**
     * Variant v at a bar: `has` when fast %K has a value (its window is
     * full), fastK, its number i (from 0) in the run, `blank` when its range
     * was empty under zero_denominator 'nan' (NaN for both outputs at that
     * bar only: the averages still take TA-Lib's 0). Variants go in
     * increasing order within a bar (a slow %K's first variant before the
     * others sharing it).
     */
    push(s: Float64Array, v: number, has: boolean, fastK: number, i: number, blank: boolean, kOut: Float64Array | null, dOut: Float64Array | null): void {
      if (sma[v]) {
        pushMeans(s, lead, slowAt, dAt, slowNow, means.kn, means.dn, v, has, fastK, blank, kOut, dOut);
        return;
      }
      const kl = k.lane[v]!, dl = d.lane[v]!;
      const slow = has ? kl.push(s, k.at[v]!, fastK) : NaN;
      const dv = has && i >= kl.lookback ? dl.push(s, d.at[v]!, slow) : NaN;
      const shown = has && i >= kl.lookback + dl.lookback && !blank;
      if (kOut) kOut[v] = shown ? slow : NaN;
      if (dOut) dOut[v] = shown ? dv : NaN;
    },
  };
}

/** Where each variant's running means are (kdAverages' layout), typed for the loops of push(). */
export interface SmaMeans {
  /** The variant whose slow %K mean a variant reads (the first with its fast %K series and k_smoothing). */
  readonly lead: Int32Array;
  readonly slowAt: Int32Array;
  readonly dAt: Int32Array;
  /** Slow %K at this bar, written by the variant that steps it. */
  readonly slowNow: Float64Array;
  readonly kn: Int32Array;
  readonly dn: Int32Array;
}

/**
 * Variant v on the running means at a bar (kdAverages' push; the means'
 * columns of SmaMeans): slow %K stepped by its lead variant (the others
 * read it), %D from slow %K's values (putKD), both shown from %D's first
 * value; `blank` NaN for both at this bar. A top-level function with typed
 * arguments, so the loops calling it inline it (no boxed numbers per
 * variant).
 */
export function pushMeans(
  s: Float64Array, lead: Int32Array, slowAt: Int32Array, dAt: Int32Array, slowNow: Float64Array, kn: Int32Array, dn: Int32Array,
  v: number, has: boolean, fastK: number, blank: boolean, kOut: Float64Array | null, dOut: Float64Array | null,
): void {
  let slow = NaN;
  if (has) {
    const first = lead[v]!;
    slow = first === v ? (slowNow[v] = pushMean(s, slowAt[v]!, kn[v]!, fastK)) : slowNow[first]!;
  }
  const dv = slow === slow ? pushMean(s, dAt[v]!, dn[v]!, slow) : NaN;
  if (kOut) kOut[v] = dv !== dv || blank ? NaN : slow;
  if (dOut) dOut[v] = blank ? NaN : dv;
}

/** Bits of a variant's fast %K at a bar, for pushMeansRow(): it has a value; its range was empty under zero_denominator 'nan'. */
export const HAS_K = 1, BLANK_K = 2;

/**
 * pushMeans() of the variants [v0, v1) in increasing order, fast %K of
 * variant v at fastK[v] and its HAS_K / BLANK_K bits at bits[v]: a loop of
 * its own, so V8 inlines both of its means (with the loop that makes fast %K
 * in the same function they miss its inlining budget and box their numbers).
 */
export function pushMeansRow(s: Float64Array, m: SmaMeans, v0: number, v1: number, fastK: Float64Array, bits: Uint8Array, kOut: Float64Array | null, dOut: Float64Array | null): void {
  const { lead, slowAt, dAt, slowNow, kn, dn } = m;
  for (let v = v0; v < v1; v++) {
    const b = bits[v]!;
    pushMeans(s, lead, slowAt, dAt, slowNow, kn, dn, v, (b & HAS_K) !== 0, fastK[v]!, (b & BLANK_K) !== 0, kOut, dOut);
  }
}

/** stochK (native/momentum/common.h): where x sits in [lowest, highest], in percent; 0 where the range is empty. */
export function stochK(x: number, highest: number, lowest: number): number {
  const diff = (highest - lowest) / 100.0;
  return diff !== 0.0 ? (x - lowest) / diff : 0.0;
}

/** Whether stochK's range is empty (stochBlank: NaN there with zero_denominator 'nan'). */
export function emptyRange(highest: number, lowest: number): boolean {
  return (highest - lowest) / 100.0 === 0.0;
}

/** smoothing: the k_smoothing param (null: STOCHF, none); types: the MA type params (slow %K's, then %D's; STOCHF: %D's). */
export function stochastic(ctx: StepperContext, smoothing: string | null, types: readonly string[]): Stepper | null {
  const V = ctx.grid.variants;
  const kType = types.length === 2 ? paramOf(ctx, types[0]!) : new Float64Array(V).fill(SMA), dType = paramOf(ctx, types[types.length - 1]!);
  const kn = smoothing ? paramOf(ctx, smoothing) : new Float64Array(V).fill(1);
  const dn = paramOf(ctx, 'd_window');
  const zero = paramOf(ctx, 'zero_denominator');
  const { window: kWindow, level, back, c, layout, ch } = priceChannel(ctx, 'k_window', true);
  const kd = kdAverages(layout, kType, kn, dType, dn, kWindow);
  if (!kd) return null;
  const state = new Float64Array(layout.size);
  const { lead, slowAt, dAt, slowNow, kn: knOf, dn: dnOf } = kd.sma;
  const kwOf = Int32Array.from(kWindow);
  const range = new Float64Array(2);  // the lowest and highest of a k_window (Channel.range)
  const blankable = Uint8Array.from(zero, (z) => (z === ZERO_DENOMINATOR_NAN ? 1 : 0));
  // Every variant on the running means (the default grids): push()'s own loop, its columns typed, the
  // operations of pushMeans in its order, written out: calling it here, the extra level of inlining
  // overran V8's budget and left the channel's reads out of line (boxed numbers, STOCHF's push 5% slower).
  const stepMeans: Stepper['step'] = (bar, rows) => {
    const run = ch.advance(state, bar);
    const kOut = rows[0] ?? null, dOut = rows[1] ?? null;
    if (run === 1) for (let v = 0; v < V; v++) kd.reset(state, v);
    const close = bar[c]!;
    let lastWindow = -1, fastK = NaN, empty = false;
    for (let v = 0; v < V; v++) {
      const kw = kwOf[v]!, has = run >= kw;
      let slow = NaN;
      if (has) {
        if (kw !== lastWindow) {
          lastWindow = kw;
          ch.range(state, level[v]!, back[v]!, range);
          const ll = range[0]!, hh = range[1]!;
          fastK = stochK(close, hh, ll);
          empty = emptyRange(hh, ll);
        }
        const first = lead[v]!;
        slow = first === v ? (slowNow[v] = pushMean(state, slowAt[v]!, knOf[v]!, fastK)) : slowNow[first]!;
      }
      const dv = slow === slow ? pushMean(state, dAt[v]!, dnOf[v]!, slow) : NaN;
      const blank = has && empty && blankable[v] === 1;
      if (kOut) kOut[v] = dv !== dv || blank ? NaN : slow;
      if (dOut) dOut[v] = blank ? NaN : dv;
    }
  };

  const stepEach: Stepper['step'] = (bar, rows) => {
    const run = ch.advance(state, bar);
    const kOut = rows[0] ?? null, dOut = rows[1] ?? null;
    const close = bar[c]!;
    // Fast %K of the last k_window seen: the variants of one k_window (the outer axis) take it once.
    let lastWindow = -1, fastK = NaN, empty = false;
    for (let v = 0; v < V; v++) {
      if (run === 1) kd.reset(state, v);
      const kw = kWindow[v]!, has = run >= kw;
      if (has && kw !== lastWindow) {
        lastWindow = kw;
        ch.range(state, level[v]!, back[v]!, range);
        const ll = range[0]!, hh = range[1]!;
        fastK = stochK(close, hh, ll);
        empty = emptyRange(hh, ll);
      }
      kd.push(state, v, has, has ? fastK : NaN, run - kw, has && empty && zero[v] === ZERO_DENOMINATOR_NAN, kOut, dOut);
    }
  };
  return {
    state,
    // History through the kernel where it takes the state (resume() would step every variant's averages).
    ...(kd.kernelLanes ? { kernel: stochasticKernelState(state, ch, kd, kWindow, kn, dn) } : { resume: resumeBySources }),
    step: kd.allSma ? stepMeans : stepEach,
  };
}

/** Numbers before a variant's means in the stochastics' kernel state (kStochasticHead in native/momentum/common.h): stride, lead, age. */
const STOCHASTIC_HEAD = 3;

/**
 * The kernel state of STOCH and STOCHF (stochastic() in
 * native/momentum/common.h), per variant: [stride, lead, age, slow %K's
 * mean, %D's mean] with both types 'sma', else [stride, lead, age, slow %K's
 * TA_MA lane, %D's] (matypes.ts's lanes as they are: matype::Lane), stride
 * the numbers per variant, the largest. The call's first `lead` bars (the
 * longest k_window - 1, and at least either mean's window) are the stream's
 * last bars (streamKeepsTail), so the kernel reads every channel's window from the call;
 * load() steps the channel over the bars it holds (Channel.skip) and takes
 * the means.
 */
function stochasticKernelState(state: Float64Array, ch: Channel, kd: NonNullable<ReturnType<typeof kdAverages>>, kWindow: Float64Array, kn: ArrayLike<number>, dn: ArrayLike<number>): KernelStateMap {
  const V = kWindow.length;
  const lead = Math.max(longestOf(kWindow) - 1, longestOf(kn), longestOf(dn));
  const means = Array.from({ length: V }, (_, v) => kd.means(v)), lanes = Array.from({ length: V }, (_, v) => kd.lanes(v));
  let stride = 0;
  for (let v = 0; v < V; v++) {
    const l = lanes[v];
    stride = Math.max(stride, STOCHASTIC_HEAD + (l ? l.kSize + l.dSize : 2 * MEAN_HEAD + kn[v]! + dn[v]!));
  }
  return {
    perVariant: stride,
    length: stride * V,
    lead,
    streamKeepsTail: true,
    save(into) {
      const age = ch.run(state);
      for (let v = 0; v < V; v++) {
        const at = stride * v, l = lanes[v];
        into[at] = stride;
        into[at + 1] = lead;
        into[at + 2] = age;
        if (l) {
          into.set(state.subarray(l.k, l.k + l.kSize), at + STOCHASTIC_HEAD);
          into.set(state.subarray(l.d, l.d + l.dSize), at + STOCHASTIC_HEAD + l.kSize);
          continue;
        }
        const { slow, d } = means[v]!, k = MEAN_HEAD + kn[v]!;
        into.set(state.subarray(slow, slow + k), at + STOCHASTIC_HEAD);
        into.set(state.subarray(d, d + MEAN_HEAD + dn[v]!), at + STOCHASTIC_HEAD + k);
      }
    },
    load(from, bars, columns) {
      ch.skip(state, columns, 0, bars);
      for (let v = 0; v < V; v++) {
        const at = stride * v + STOCHASTIC_HEAD, l = lanes[v];
        if (l) {
          state.set(from.subarray(at, at + l.kSize), l.k);
          state.set(from.subarray(at + l.kSize, at + l.kSize + l.dSize), l.d);
          continue;
        }
        const { slow, d, owns } = means[v]!, k = MEAN_HEAD + kn[v]!;
        if (owns) state.set(from.subarray(at, at + k), slow);
        state.set(from.subarray(at + k, at + k + MEAN_HEAD + dn[v]!), d);
      }
    },
  };
}
