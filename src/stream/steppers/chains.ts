// Steppers of chained and paired seeded averages: the chains of emaChain in
// native/ma/common.h (DEMA, TEMA, T3, ZLEMA) and TRIX's, and the spreads of
// emaSpread in native/momentum/common.h (MACD, MACDFIX, APO, PPO, MACDEXT). Every stage is an
// EmaStream (native/primitives.h): the in-order mean of its first `period`
// inputs seeds it, then it steps; a NaN bar restarts a chain or a spread as
// forEachSegment does.
import { paramOf, rangesKernelState, type Stepper, type StepperContext } from './types.js';
import { emaStep, nearZero, SEED_FIRST, seededAverageStep, ZERO_DENOMINATOR_NAN } from './primitives.js';
import { hasKernelLane, laneColumn, MA, maLookback, stagePush, t3Step, t3Weights, type MaLane } from './matypes.js';

/**
 * The age of a source's current run of valid bars at state[at] (-1 after a
 * NaN bar), stepped by the bar's value x: a NaN restarts it and blanks every
 * output of the run's variants [v0, v1). Returns the age (-1 at a NaN).
 */
export function runAge(state: Float64Array, at: number, x: number, rows: readonly (Float64Array | null)[], v0: number, v1: number): number {
  if (x !== x) {
    state[at] = -1;
    for (const o of rows) o?.fill(NaN, v0, v1);
    return -1;
  }
  return (state[at] = state[at]! + 1);
}

export type ChainKind = 'dema' | 'tema' | 't3' | 'zlema' | 'trix';

const DEPTH: Record<ChainKind, number> = { dema: 2, tema: 3, t3: 6, zlema: 1, trix: 3 };

/** rocValue (native/momentum/trix.h): TA-Lib ROC in its operation order; `zero` where the earlier value is 0. */
function rocValue(x: number, prev: number, zero: number): number {
  return prev !== 0.0 ? (x / prev - 1.0) * 100.0 : zero;
}

/**
 * emaChain<kind> (ChainLanes::warm, which steady() equals once every stage
 * is seeded), and TRIX's chain of three (native/momentum/trix.h: the one-bar
 * ROC of the third stage from its second value on, zero_denominator deciding
 * a zero E3[t-1]). The stages of a variant depend on its source, window and
 * seed only (T3's volume factor and TRIX's zero_denominator change what is
 * made of them), so variants sharing those share one chain. Per chain, the
 * (value, count) of each stage, reset at a run's first bar; per source run,
 * the age of its current run and, for ZLEMA, a ring of the last maxLag + 1
 * values (its input is x + (x − x[t − lag])).
 */
export function emaChain(ctx: StepperContext, kind: ChainKind): Stepper {
  const D = DEPTH[kind], t3 = kind === 't3', E = 2 * D;
  const window = paramOf(ctx, 'window');
  const seed = paramOf(ctx, 'seed');
  const V = ctx.grid.variants;
  // T3's weights of its volume factor, in TA-Lib's operation order (they do not sum to exactly 1).
  const c = [0, 0, 0, 0].map(() => new Float64Array(V));
  if (t3) {
    const vf = paramOf(ctx, 'vfactor');
    for (let v = 0; v < V; v++) t3Weights(vf[v]!).forEach((w, i) => (c[i]![v] = w));
  }
  const [c1, c2, c3, c4] = c as [Float64Array, Float64Array, Float64Array, Float64Array];
  const zero = kind === 'trix' ? paramOf(ctx, 'zero_denominator').map((z) => (z === ZERO_DENOMINATOR_NAN ? NaN : 0.0)) : new Float64Array(0);
  // The chains of each source run, in the order of their first variant.
  const chainOf = new Int32Array(V);
  const windows: number[] = [], periods: number[] = [];
  const runs = ctx.runs.map((r) => {
    const first = new Map<string, number>(), c0 = windows.length;
    for (let v = r.v0; v < r.v1; v++) {
      const p = seed[v] === SEED_FIRST ? 1 : window[v]!, key = `${window[v]}:${p}`;
      if (!first.has(key)) {
        first.set(key, windows.length);
        windows.push(window[v]!);
        periods.push(p);
      }
      chainOf[v] = first.get(key)!;
    }
    return { v0: r.v0, v1: r.v1, src: ctx.sourceIndex(r.sources.source!), c0, c1: windows.length, at: 0, R: 1 };
  });
  const G = windows.length;
  const period = Float64Array.from(periods), k = Float64Array.from(windows, (n) => 2.0 / (n + 1.0));
  // t3Step's 1 - k, taken once (the same double it computes every step).
  const rest = k.map((kv) => 1.0 - kv);
  const lag = Int32Array.from(windows, (n) => (kind === 'zlema' ? Math.trunc((Math.trunc(n) - 1) / 2) : 0));
  // (value, count) of each stage per chain; then per source run [age, pos, ring of R values].
  let size = E * G;
  for (const r of runs) {
    for (let g = r.c0; g < r.c1; g++) r.R = Math.max(r.R, lag[g]! + 1);
    r.at = size;
    size += 2 + r.R;
  }
  const state = new Float64Array(size);
  for (const r of runs) state[r.at] = -1;
  const lanes: Lanes = {
    s: state, chainOf, lead: Int32Array.from({ length: G }, (_, g) => chainOf.indexOf(g)), period, k, rest, c1, c2, c3, c4, zero,
    had: new Uint8Array(G), prev: new Float64Array(G),
    // A chain while one of its stages still seeds: stagePush down the stages until one has no value yet.
    warm(g, y) {
      for (let d = E * g; d < E * (g + 1); d += 2) {
        if (!stagePush(state, d, y, period[g]!, k[g]!, t3)) return;
        y = state[d]!;
      }
    },
  };
  const variantLanes = LANES[kind];
  return {
    state,
    step(bar, rows) {
      const out = rows[0]!;
      for (const r of runs) {
        const x = bar[r.src]!;
        const age = runAge(state, r.at, x, rows, r.v0, r.v1);
        if (age < 0) continue;
        let pos = state[r.at + 1]! + 1;
        if (pos === r.R) pos = 0;
        state[r.at + 1] = pos;
        const ring = r.at + 2;
        if (kind === 'zlema') state[ring + pos] = x;
        // A run's first bar restarts every stage of its chains.
        if (age === 0) state.fill(0.0, E * r.c0, E * r.c1);
        if (kind !== 'zlema') {
          variantLanes(lanes, out, r.v0, r.v1, x, r.c0, r.c1);
          continue;
        }
        for (let v = r.v0; v < r.v1; v++) {
          const g = chainOf[v]!, L = lag[g]!;
          // ChainLanes::input: ZLEMA's de-lagged value.
          if (age < L) out[v] = NaN;
          else zlemaLane(lanes, out, v, g, x + (x - state[ring + (pos >= L ? pos - L : pos - L + r.R)]!));
        }
      }
    },
    kernel: kind === 'zlema' ? zlemaKernelState(state, runs, lanes, lag) : chainKernelState(state, runs, lanes, E),
  };
}

/**
 * ZLEMA's kernel state (chainState in native/ma/common.h): per variant its
 * chain's (value, count), its source run's age, then its last lag values of
 * the run, oldest first, at a stride of 3 + the longest lag (the values of a
 * shorter lag first, the rest unused). The stepper's ring of each source
 * counts valid bars: load() turns it over by the batch's valid bars and
 * writes the last of them from the batch's columns.
 */
function zlemaKernelState(state: Float64Array, runs: readonly { v0: number; v1: number; c0: number; c1: number; at: number; R: number; src: number }[], lanes: Lanes, lag: Int32Array) {
  const V = lanes.chainOf.length;
  let longest = 0;
  for (let g = 0; g < lag.length; g++) longest = Math.max(longest, lag[g]!);
  const S = 3 + longest;
  return {
    perVariant: S,
    length: S * V,
    save(into: Float64Array) {
      into.fill(0);
      for (const r of runs) {
        const pos = state[r.at + 1]!, ring = r.at + 2;
        for (let v = r.v0; v < r.v1; v++) {
          const g = lanes.chainOf[v]!, L = lag[g]!;
          into.set(state.subarray(2 * g, 2 * g + 2), S * v);
          into[S * v + 2] = state[r.at]!;
          // x[-L + i]: L - 1 - i valid bars before the last one.
          for (let i = 0; i < L; i++) {
            const back = L - 1 - i;
            into[S * v + 3 + i] = state[ring + (pos >= back ? pos - back : pos - back + r.R)]!;
          }
        }
      }
    },
    load(from: Float64Array, bars: number, columns: readonly Float64Array[]) {
      for (const r of runs) {
        for (let g = r.c0; g < r.c1; g++) state.set(from.subarray(S * lanes.lead[g]!, S * lanes.lead[g]! + 2), 2 * g);
        state[r.at] = from[S * r.v0 + 2]!;
        const col = columns[r.src]!, R = r.R, ring = r.at + 2;
        let valid = 0;
        for (let i = 0; i < bars; i++) if (col[i] === col[i]) valid++;
        const pos = (state[r.at + 1]! + valid) % R;
        state[r.at + 1] = pos;
        // The last min(valid, R) valid values, newest at pos.
        for (let i = bars - 1, p = pos, k = Math.min(valid, R); k > 0; i--) {
          if (col[i] !== col[i]) continue;
          state[ring + p] = col[i]!;
          p = p === 0 ? R - 1 : p - 1;
          k--;
        }
      }
    },
  };
}

/**
 * The kernel's state of DEMA, TEMA, T3 and TRIX (chainState in native/ma/common.h):
 * per variant its chain's E numbers ((value, count) of each stage), then its
 * source run's age. Variants sharing a chain have the same numbers in the
 * kernel's state; load() takes each chain's from its first variant.
 */
function chainKernelState(state: Float64Array, runs: readonly { v0: number; v1: number; c0: number; c1: number; at: number }[], lanes: Lanes, E: number) {
  const S = E + 1, V = lanes.chainOf.length;
  return {
    perVariant: S,
    length: S * V,
    save(into: Float64Array) {
      for (const r of runs) {
        for (let v = r.v0; v < r.v1; v++) {
          const g = lanes.chainOf[v]!;
          into.set(state.subarray(E * g, E * g + E), S * v);
          into[S * v + E] = state[r.at]!;
        }
      }
    },
    load(from: Float64Array) {
      for (const r of runs) {
        for (let g = r.c0; g < r.c1; g++) state.set(from.subarray(S * lanes.lead[g]!, S * lanes.lead[g]! + E), E * g);
        state[r.at] = from[S * r.v0 + E]!;
      }
    },
  };
}

/** What the lanes of a chain read: the state, each variant's chain and each chain's first variant, per chain its seeding period, k and 1 − k (T3), per variant T3's weights and TRIX's zero value. */
interface Lanes {
  readonly s: Float64Array;
  readonly chainOf: Int32Array;
  readonly lead: Int32Array;
  readonly period: Float64Array;
  readonly k: Float64Array;
  readonly rest: Float64Array;
  readonly c1: Float64Array;
  readonly c2: Float64Array;
  readonly c3: Float64Array;
  readonly c4: Float64Array;
  readonly zero: Float64Array;
  /** TRIX, per chain: whether E3 had a value before this bar, and that value. */
  readonly had: Uint8Array;
  readonly prev: Float64Array;
  warm(g: number, y: number): void;
}

// The variants [v0, v1) of a chain stepper at a bar of input x, one function
// per kind so each loop stays monomorphic: a chain's first variant steps it
// (once every stage is seeded, its last stage's count at the period: the
// steps alone as ChainLanes::steady, unrolled in locals; before, warm());
// every variant then reads the kernel's combination of its chain's stages,
// NaN while the last stage has no value. That NaN is a store of its own, not
// a `cond ? NaN : value` store: TurboFan boxed the value of such a select as
// a heap number, one allocation per variant and bar (3 KB per push into the
// default TEMA grid, 4.5 KB into T3's), and the collections they caused made
// stretches of a few thousand pushes 5-10x slower.

/** ZLEMA's one stage for variant v of chain g and its de-lagged input y, into out[v]. */
function zlemaLane(l: Lanes, out: Float64Array, v: number, g: number, y: number): void {
  const s = l.s, e = 2 * g;
  if (l.lead[g] === v) {
    if (s[e + 1]! < l.period[g]!) l.warm(g, y);
    else s[e] = (y - s[e]!) * l.k[g]! + s[e]!;
  }
  if (s[e + 1]! < l.period[g]!) out[v] = NaN;
  else out[v] = s[e]!;
}

function demaLanes(l: Lanes, out: Float64Array, v0: number, v1: number, x: number): void {
  const { s, chainOf, lead, period, k } = l;
  for (let v = v0; v < v1; v++) {
    const g = chainOf[v]!, e = 4 * g;
    if (lead[g] === v) {
      if (s[e + 3]! < period[g]!) l.warm(g, x);
      else {
        const kg = k[g]!, e1 = (x - s[e]!) * kg + s[e]!;
        s[e] = e1;
        s[e + 2] = (e1 - s[e + 2]!) * kg + s[e + 2]!;
      }
    }
    if (s[e + 3]! < period[g]!) out[v] = NaN;
    else out[v] = 2.0 * s[e]! - s[e + 2]!;
  }
}

function temaLanes(l: Lanes, out: Float64Array, v0: number, v1: number, x: number): void {
  const { s, chainOf, lead, period, k } = l;
  for (let v = v0; v < v1; v++) {
    const g = chainOf[v]!, e = 6 * g;
    if (lead[g] === v) {
      if (s[e + 5]! < period[g]!) l.warm(g, x);
      else {
        const kg = k[g]!, e1 = (x - s[e]!) * kg + s[e]!, e2 = (e1 - s[e + 2]!) * kg + s[e + 2]!;
        s[e] = e1;
        s[e + 2] = e2;
        s[e + 4] = (e2 - s[e + 4]!) * kg + s[e + 4]!;
      }
    }
    if (s[e + 5]! < period[g]!) out[v] = NaN;
    else out[v] = s[e + 4]! + (3.0 * s[e]! - 3.0 * s[e + 2]!);
  }
}

/** TRIX: the ROC of E3 from its value before this bar (rocValue), from E3's second value on. */
function trixLanes(l: Lanes, out: Float64Array, v0: number, v1: number, x: number): void {
  const { s, chainOf, lead, period, k, zero, had, prev } = l;
  for (let v = v0; v < v1; v++) {
    const g = chainOf[v]!, e = 6 * g;
    if (lead[g] === v) {
      prev[g] = s[e + 4]!;
      had[g] = s[e + 5]! < period[g]! ? 0 : 1;
      if (!had[g]) l.warm(g, x);
      else {
        const kg = k[g]!, e1 = (x - s[e]!) * kg + s[e]!, e2 = (e1 - s[e + 2]!) * kg + s[e + 2]!;
        s[e] = e1;
        s[e + 2] = e2;
        s[e + 4] = (e2 - prev[g]!) * kg + prev[g]!;
      }
    }
    if (had[g]) out[v] = rocValue(s[e + 4]!, prev[g]!, zero[v]!);
    else out[v] = NaN;
  }
}

/** T3: six t3Step stages (k·x + (1 − k)·e) per chain, then c1·E6 + c2·E5 + c3·E4 + c4·E3 with each variant's weights. */
function t3Lanes(l: Lanes, out: Float64Array, v0: number, v1: number, x: number, g0: number, g1: number): void {
  const { s, chainOf, period, k, rest, c1, c2, c3, c4 } = l;
  // The chains [g0, g1) of the run first (one per window: five volume factors each in the default grid), then every variant's weights.
  for (let g = g0; g < g1; g++) {
    const e = 12 * g;
    if (s[e + 11]! < period[g]!) l.warm(g, x);
    else {
      const kg = k[g]!, rg = rest[g]!;
      const e1 = kg * x + rg * s[e]!, e2 = kg * e1 + rg * s[e + 2]!, e3 = kg * e2 + rg * s[e + 4]!;
      const e4 = kg * e3 + rg * s[e + 6]!, e5 = kg * e4 + rg * s[e + 8]!;
      s[e] = e1;
      s[e + 2] = e2;
      s[e + 4] = e3;
      s[e + 6] = e4;
      s[e + 8] = e5;
      s[e + 10] = kg * e5 + rg * s[e + 10]!;
    }
  }
  for (let v = v0; v < v1; v++) {
    const g = chainOf[v]!, e = 12 * g;
    if (s[e + 11]! < period[g]!) out[v] = NaN;
    else out[v] = c1[v]! * s[e + 10]! + c2[v]! * s[e + 8]! + c3[v]! * s[e + 6]! + c4[v]! * s[e + 4]!;
  }
}

const LANES: Record<ChainKind, (l: Lanes, out: Float64Array, v0: number, v1: number, x: number, g0: number, g1: number) => void> = {
  dema: demaLanes, tema: temaLanes, t3: t3Lanes, trix: trixLanes, zlema: () => {},
};

/** What a spread outputs and how its averages start (SpreadStyle in native/momentum/common.h). */
export interface SpreadStyle {
  /** MACD's alignment: the fast EMA starts slow − fast bars into a run, and every output starts on the signal's first bar. */
  readonly macd: boolean;
  /** Outputs line, signal, hist (else the line only). */
  readonly signal: boolean;
  /** MACDFIX: fast 12 (k 0.15), slow 26 (k 0.075); the signal window is the only param. */
  readonly fixed?: boolean;
  /** The line from the fast and slow averages (emaDifference, emaPercent). */
  readonly line: (fast: number, slow: number) => number;
  /** MA-type params that must all be 'ema' for the grid to step (default: `matype`, where the indicator has it). */
  readonly maParams?: readonly string[];
  /** MACDEXT: a signal window of 1 is the line itself (TA-Lib's TA_MA copies a series for a period of 1). */
  readonly copyAtOne?: boolean;
}

/** emaDifference: MACD's and APO's line. */
export const emaDifference = (fast: number, slow: number): number => fast - slow;

/** emaPercent: TA-Lib PPO's line, 0 where the slow EMA is ~0. */
export const emaPercent = (fast: number, slow: number): number => (nearZero(slow) ? 0.0 : ((fast - slow) / slow) * 100.0);

/**
 * The variants of a spread with an MA type other than 'ema', as their
 * kernels run them, on lanes of matypes.ts (each average's state from
 * `base`, reset at a run's start): APO's and PPO's maSpread
 * (native/momentum/common.h: fast and slow TA_MA of the variant's matype
 * from the run's first bar, fast > slow swapped, the line from the later
 * one's first value, PPO's signal an EmaStream of the line) or, for
 * MACDEXT (style.macd), macdext.h's (fast > slow swaps periods and types,
 * each average starts its own lookback before the later one's first value,
 * the signal TA_MA of the line from there, all three outputs from the
 * signal's first value). Null when an average is MAMA's (no lane).
 */
function spreadsByType(ctx: StepperContext, style: SpreadStyle, maParams: readonly string[], base: number) {
  const V = ctx.grid.variants;
  const types = maParams.map((p) => paramOf(ctx, p));
  const typed = Uint8Array.from({ length: V }, (_, v) => (types.some((t) => t[v] !== MA.ema) ? 1 : 0));
  if (!typed.includes(1)) return { typed, size: 0, step: () => {}, kernelLanes: true, parts: (): { at: number; size: number }[] => [] };
  const ext = style.macd;
  const f0 = paramOf(ctx, 'fast'), s0 = paramOf(ctx, 'slow'), sig = style.signal ? paramOf(ctx, 'signal') : null;
  const fastT = types[0]!, slowT = types[ext ? 1 : 0]!;
  const fn = new Float64Array(V), sn = new Float64Array(V), ft = new Float64Array(V), st = new Float64Array(V);
  for (let v = 0; v < V; v++) {
    const swap = f0[v]! > s0[v]!;
    [fn[v], sn[v], ft[v], st[v]] = swap ? [s0[v]!, f0[v]!, slowT[v]!, fastT[v]!] : [f0[v]!, s0[v]!, fastT[v]!, slowT[v]!];
  }
  const skip = (v: number) => typed[v] === 0;
  const fast = laneColumn(ft, fn, base, skip), slow = fast && laneColumn(st, sn, base + fast.size, skip);
  if (!fast || !slow) return null;
  const sigAt = base + fast.size + slow.size;
  // MACDEXT: the signal's lane; PPO: an EmaStream (value, count) per variant.
  const sigLanes = ext ? laneColumn(types[2]!, sig!, sigAt, skip) : null;
  if (ext && !sigLanes) return null;
  const has = (p: string) => ctx.def.params.some((x) => x.name === p);
  const first = has('seed') ? paramOf(ctx, 'seed') : null;
  const blankZero = has('zero_denominator') ? paramOf(ctx, 'zero_denominator') : null;
  const fastFrom = new Float64Array(V), slowFrom = new Float64Array(V), lineFrom = new Float64Array(V), on = new Float64Array(V);
  for (let v = 0; v < V; v++) {
    const lf = maLookback(ft[v]!, fn[v]!), ls = maLookback(st[v]!, sn[v]!), largest = Math.max(lf, ls);
    if (ext) [fastFrom[v], slowFrom[v]] = [largest - lf, largest - ls];
    lineFrom[v] = largest;
    on[v] = ext ? largest + maLookback(types[2]![v]!, sig![v]!) : largest;
  }
  const clear = (s: Float64Array, c: { lane: (MaLane | null)[]; at: Int32Array }, v: number) => s.fill(0.0, c.at[v]!, c.at[v]! + c.lane[v]!.size);
  const part = (c: { lane: (MaLane | null)[]; at: Int32Array }, v: number) => ({ at: c.at[v]!, size: c.lane[v]!.size });
  return {
    typed,
    /** Whether the kernels step every variant's averages (hasKernelLane: laneSpread in native/momentum/common.h). */
    kernelLanes: Array.from({ length: V }, (_, v) => !typed[v] || (hasKernelLane(ft[v]!, fn[v]!) && hasKernelLane(st[v]!, sn[v]!) && (!ext || hasKernelLane(types[2]![v]!, sig![v]!)))).every((x) => x),
    /** Where variant v's averages are in the state, in laneSpread's order (fast, slow, signal); none for an 'ema' variant. */
    parts(v: number): { at: number; size: number }[] {
      if (!typed[v]) return [];
      const signal = sigLanes ? [part(sigLanes, v)] : sig ? [{ at: sigAt + 2 * v, size: 2 }] : [];
      return [part(fast, v), part(slow, v), ...signal];
    },
    size: fast.size + slow.size + (ext ? sigLanes!.size : sig ? 2 * V : 0),
    /** Variant v at a bar of age `age` in its run, x its value. */
    step(s: Float64Array, v: number, x: number, age: number, rows: readonly (Float64Array | null)[]): void {
      if (age === 0) {
        clear(s, fast, v);
        clear(s, slow, v);
        if (sigLanes) clear(s, sigLanes, v);
        else if (sig) s.fill(0.0, sigAt + 2 * v, sigAt + 2 * v + 2);
      }
      const fy = age >= fastFrom[v]! ? fast.lane[v]!.push(s, fast.at[v]!, x) : NaN;
      const sy = age >= slowFrom[v]! ? slow.lane[v]!.push(s, slow.at[v]!, x) : NaN;
      const lineOut = rows[0], signalOut = rows[1], histOut = rows[2];
      if (age < lineFrom[v]!) {
        for (const o of rows) if (o) o[v] = NaN;
        return;
      }
      const l = style.line(fy, sy);
      if (sigLanes) {
        const g = sigLanes.lane[v]!.push(s, sigLanes.at[v]!, l), shown = age >= on[v]!;
        if (lineOut) lineOut[v] = shown ? l : NaN;
        if (signalOut) signalOut[v] = shown ? g : NaN;
        if (histOut) histOut[v] = shown ? l - g : NaN;
        return;
      }
      // 'nan' blanks this bar's outputs where the slow average is ~0; the signal still takes TA-Lib's 0.
      const blank = blankZero !== null && blankZero[v] === ZERO_DENOMINATOR_NAN && nearZero(sy);
      if (lineOut) lineOut[v] = blank ? NaN : l;
      if (!sig) return;
      const n = sig[v]!, g = seededAverageStep(s, sigAt + 2 * v, l, first?.[v] === SEED_FIRST ? 1 : n, 2.0 / (n + 1.0), n, false);
      if (signalOut) signalOut[v] = blank ? NaN : g;
      if (histOut) histOut[v] = blank ? NaN : l - g;
    },
  };
}

export function emaSpread(ctx: StepperContext, style: SpreadStyle): Stepper | null {
  const has = (p: string) => ctx.def.params.some((x) => x.name === p);
  const maParams = style.maParams ?? (has('matype') ? ['matype'] : []);
  const V = ctx.grid.variants;
  const sig = style.signal ? paramOf(ctx, 'signal') : null;
  const first = has('seed') ? paramOf(ctx, 'seed').map((s) => (s === SEED_FIRST ? 1 : 0)) : new Float64Array(V);
  const blankZero = has('zero_denominator') ? paramOf(ctx, 'zero_denominator').map((z) => (z === ZERO_DENOMINATOR_NAN ? 1 : 0)) : null;
  const f0 = style.fixed ? new Float64Array(V).fill(12) : paramOf(ctx, 'fast');
  const s0 = style.fixed ? new Float64Array(V).fill(26) : paramOf(ctx, 'slow');
  const fastN = f0.map((f, v) => Math.min(f, s0[v]!)), slowN = f0.map((f, v) => Math.max(f, s0[v]!));
  const k = (n: number) => 2.0 / (n + 1.0);
  const fastK = style.fixed ? fastN.map(() => 0.15) : fastN.map(k);
  const slowK = style.fixed ? slowN.map(() => 0.075) : slowN.map(k);
  const sigK = sig?.map(k);
  const copy = sig?.map((n) => (style.copyAtOne && n === 1 ? 1 : 0));
  const period = (n: Float64Array) => n.map((w, v) => (first[v] ? 1 : w));
  const fastP = period(fastN), slowP = period(slowN), sigP = sig && period(sig);
  const fastFrom = fastN.map((f, v) => (style.macd && !first[v] ? slowN[v]! - f : 0));
  // (value, count) of the fast, slow and signal averages per variant, the age of each source run (-1 after a NaN), then the other types' lanes.
  const byType = spreadsByType(ctx, style, maParams, 6 * V + ctx.runs.length);
  if (!byType) return null;
  const { typed } = byType;
  const runs = ctx.runs.map((r, i) => {
    // The age from which every average of the run's variants is seeded (none on another MA type): the plain EMA steps of steadySpread.
    let steady = 0;
    for (let v = r.v0; v < r.v1; v++) steady = typed[v] ? Infinity : Math.max(steady, Math.max(fastFrom[v]! + fastP[v]!, slowP[v]!) + (sigP ? sigP[v]! : 0));
    return { v0: r.v0, v1: r.v1, src: ctx.sourceIndex(r.sources.source!), at: 6 * V + i, steady };
  });
  const percent = style.line === emaPercent;
  const state = new Float64Array(6 * V + runs.length + byType.size).fill(-1, 6 * V, 6 * V + runs.length);
  const { line, macd } = style;
  return {
    state,
    step(bar, rows) {
      const [lineOut, signalOut, histOut] = rows;
      for (const r of runs) {
        const x = bar[r.src]!;
        const age = runAge(state, r.at, x, rows, r.v0, r.v1);
        if (age < 0) continue;
        if (age >= r.steady) {
          // Every count is at its period: seededAverageStep's EMA steps, inlined, and the line without the style's closure call.
          for (let v = r.v0; v < r.v1; v++) {
            const a = 6 * v, f = state[a]!, s = state[a + 2]!;
            const fast = (state[a] = (x - f) * fastK[v]! + f);
            const slow = (state[a + 2] = (x - s) * slowK[v]! + s);
            const l = percent ? emaPercent(fast, slow) : fast - slow;
            const blank = blankZero !== null && blankZero[v] === 1 && nearZero(slow);
            if (!sig) {
              if (lineOut) lineOut[v] = blank ? NaN : l;
              continue;
            }
            const p = state[a + 4]!;
            const g = (state[a + 4] = copy![v] ? l : (l - p) * sigK![v]! + p);
            if (lineOut) lineOut[v] = blank ? NaN : l;
            if (signalOut) signalOut[v] = blank ? NaN : g;
            if (histOut) histOut[v] = blank ? NaN : l - g;
          }
          continue;
        }
        for (let v = r.v0; v < r.v1; v++) {
          if (typed[v]) {
            byType.step(state, v, x, age, rows);
            continue;
          }
          const a = 6 * v;
          if (age === 0) state.fill(0.0, a, a + 6);
          if (age >= fastFrom[v]!) seededAverageStep(state, a, x, fastP[v]!, fastK[v]!, fastN[v]!, false);
          seededAverageStep(state, a + 2, x, slowP[v]!, slowK[v]!, slowN[v]!, false);
          if (state[a + 3]! < slowP[v]!) {
            for (const o of rows) if (o) o[v] = NaN;
            continue;
          }
          const slow = state[a + 2]!;
          const l = line(state[a]!, slow);
          // 'nan' blanks this bar's outputs where the slow EMA is ~0; the signal still takes TA-Lib's 0.
          const blank = blankZero !== null && blankZero[v] === 1 && nearZero(slow);
          if (!sig) {
            if (lineOut) lineOut[v] = blank ? NaN : l;
            continue;
          }
          if (copy![v]) state[a + 4] = l;
          else seededAverageStep(state, a + 4, l, sigP![v]!, sigK![v]!, sig[v]!, false);
          const hasSignal = copy![v] === 1 || state[a + 5]! >= sigP![v]!;
          const g = hasSignal && !blank ? state[a + 4]! : NaN;
          if (lineOut) lineOut[v] = (hasSignal || !macd) && !blank ? l : NaN;
          if (signalOut) signalOut[v] = g;
          if (histOut) histOut[v] = blank ? NaN : l - g;
        }
      }
    },
    // The kernel's state (kSpreadState in native/momentum/common.h): per
    // variant its three (value, count) pairs, then its source run's age;
    // a variant of another MA type, its lanes after those (laneSpread), each
    // variant's part at the longest part's stride.
    ...(byType.kernelLanes ? {
      kernel: rangesKernelState(state, V, (v) => {
        const r = runs.find((x) => v >= x.v0 && v < x.v1)!;
        return [{ at: 6 * v, size: 6 }, { at: r.at, size: 1 }, ...byType.parts(v)];
      }),
    } : {}),
  };
}
