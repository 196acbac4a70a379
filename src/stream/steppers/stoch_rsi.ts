// momentum.stoch_rsi, stepped: native/momentum/stoch_rsi.h, STOCHF over the
// RSI. Per source run, the age of its run and the previous value; per
// (source run, rsi_window, seed), TA-Lib's RSI (rsiRun: the means of the
// first m changes, m = rsi_window or 1 for seed 'first', then Wilder's
// steps) and a ring of its last (longest k_window) values, written twice so
// that they are one contiguous run of the state; per variant, the
// highest and lowest RSI of its k_window (the values the kernel's deques
// give), fast %K, and with fastd_matype 'sma' TA-Lib's running means of
// slow %K (k_smoothing) and %D (putKD), else kdByType's lanes (kdAverages: an
// SMA over k_smoothing, %D of its type); MAMA recomputes. With %D type 'sma',
// batches go through the kernel after a tail (stochRsiKernelState).
import { longestOf, paramOf, type KernelStateMap, type Stepper, type StepperContext } from './types.js';
import { rsiFromAverages, SEED_FIRST, wilderStep, ZERO_DENOMINATOR_NAN } from './primitives.js';
import { Layout } from './extremes.js';
import { MA } from './matypes.js';
import { BLANK_K, emptyRange, HAS_K, kdAverages, MEAN_HEAD, pushMeansRow, stochK } from './stochastic.js';

/** One RSI of a source run: [gain, loss, RSI values so far in the run, ring position, ring of the last R, the ring again]. */
interface RsiGroup { n: number; m: number; R: number; at: number; vars: number[] }

/**
 * rsiRun for the bar of age `age` (its change x - prev) of the RSI at s[at]
 * (window n, m means summed first, ring of R): the RSI, NaN before its first value.
 */
function rsiStep(s: Float64Array, at: number, n: number, m: number, R: number, age: number, x: number, prev: number): number {
  if (age === 0) {
    // The ring too: slots not written since read 0, as the kernel's state gives them.
    s.fill(0.0, at, at + 4 + 2 * R);
    return NaN;
  }
  const d = x - prev;
  const up = d > 0.0 ? d : 0.0, down = d < 0.0 ? -d : 0.0;
  let gain = s[at]!, loss = s[at + 1]!;
  if (age <= m) {
    gain += up;
    loss += down;
    if (age === m) {
      gain /= m;
      loss /= m;
    }
  } else {
    gain = wilderStep(gain, up, n);
    loss = wilderStep(loss, down, n);
  }
  s[at] = gain;
  s[at + 1] = loss;
  if (age < m) return NaN;
  const rsi = rsiFromAverages(gain, loss);
  const pos = s[at + 3]!;
  s[at + 4 + pos] = s[at + 4 + pos + R] = rsi;
  s[at + 3] = pos + 1 === R ? 0 : pos + 1;
  s[at + 2] = s[at + 2]! + 1;
  return rsi;
}

/** Where the newest value of the RSI ring at s[at] (R slots written twice) is, so that its last R values end there. */
function newestOf(s: Float64Array, at: number, R: number): number {
  const pos = s[at + 3]!;
  return at + 4 + R + (pos === 0 ? R - 1 : pos - 1);
}

/**
 * The highest and lowest of the newest j + 1 values of a ring (the newest,
 * x, at s[newest], the older ones before it) into hi[j], lo[j] for j < n:
 * one scan back from the newest, y > hh (y < ll) taking each value as the
 * kernel's scan of each window does, so every window's extremes are its
 * prefix's.
 */
function extremesBack(s: Float64Array, newest: number, x: number, n: number, hi: Float64Array, lo: Float64Array): void {
  let hh = x, ll = x;
  hi[0] = x;
  lo[0] = x;
  for (let j = 1; j < n; j++) {
    const y = s[newest - j]!;
    if (y > hh) hh = y;
    if (y < ll) ll = y;
    hi[j] = hh;
    lo[j] = ll;
  }
}

/** The RSIs of a stream and their variants, typed for fastKRow(): per RSI (group) its numbers and its variants' span of `vars`. */
interface RsiRows {
  readonly at: Int32Array;
  readonly n: Float64Array;
  readonly m: Int32Array;
  readonly R: Int32Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Each RSI's variants in increasing order, one RSI after another. */
  readonly vars: Int32Array;
  readonly kWindow: Int32Array;
  readonly blankable: Uint8Array;
  /** The highest and lowest of an RSI's last j + 1 values at this bar (extremesBack). */
  readonly hi: Float64Array;
  readonly lo: Float64Array;
  /** Per variant at this bar, fast %K and its HAS_K / BLANK_K bits (pushMeansRow). */
  readonly fastK: Float64Array;
  readonly bits: Uint8Array;
}

/**
 * The RSIs [g0, g1) of a source run at a valid bar of age `age` (x, its
 * previous value prev): each RSI's step, its extremes, and its variants'
 * fast %K into rows.fastK and rows.bits, for pushMeansRow(). Top-level, its
 * numbers typed, so V8 keeps them unboxed (the loop as a closure boxed
 * those it passed: about 10 KB of garbage a bar over the default grid).
 */
function fastKRow(s: Float64Array, rows: RsiRows, g0: number, g1: number, age: number, x: number, prev: number): void {
  const { kWindow, vars, hi, lo, fastK, bits } = rows;
  for (let g = g0; g < g1; g++) {
    const at = rows.at[g]!, m = rows.m[g]!, R = rows.R[g]!;
    const rsi = rsiStep(s, at, rows.n[g]!, m, R, age, x, prev);
    const count = age >= m ? s[at + 2]! : 0;
    if (count > 0) extremesBack(s, newestOf(s, at, R), rsi, count < R ? count : R, hi, lo);
    // Fast %K of the last k_window seen: the variants of one k_window (next to each other) take it once.
    let lastWindow = -1, k = NaN, empty = 0;
    for (let i = rows.from[g]!, end = rows.to[g]!; i < end; i++) {
      const v = vars[i]!, kw = kWindow[v]!;
      if (count < kw) {
        fastK[v] = NaN;
        bits[v] = 0;
        continue;
      }
      if (kw !== lastWindow) {
        lastWindow = kw;
        k = stochK(rsi, hi[kw - 1]!, lo[kw - 1]!);
        empty = emptyRange(hi[kw - 1]!, lo[kw - 1]!) ? BLANK_K : 0;
      }
      fastK[v] = k;
      bits[v] = HAS_K | (empty & (rows.blankable[v]! === 1 ? BLANK_K : 0));
    }
  }
}

/** Numbers before a variant's means in the kernel state (kStochRsiHead in native/momentum/stoch_rsi.h): stride, lead, age, gain, loss, rsis. */
const STOCH_RSI_HEAD = 6;

/**
 * The kernel state of STOCHRSI with %D type 'sma' (native/momentum/stoch_rsi.h),
 * per variant: [stride, lead, age, the RSI's gain, loss and count of values
 * in the run, slow %K's mean, %D's mean, the last k_window RSI values,
 * oldest first]. The call's first `lead` bars (the longest k_window - 1,
 * and at least either mean's window, so the rings fit its scratch) stand
 * before the batch, and the kernel reads the RSI values its ranges need at
 * bar lead from the state's ring. Of those bars it reads nothing but the
 * last, bar lead's previous value, and whether it is a number: `tail`
 * gives that one from the state and NaN before it, so no bar steps here.
 * load() takes the RSI ring back from the variant of the longest k_window
 * of each RSI.
 */
function stochRsiKernelState(
  state: Float64Array, runs: readonly { src: number; at: number; v0: number; groups: RsiGroup[] }[], kd: NonNullable<ReturnType<typeof kdAverages>>,
  kWindow: Float64Array, kn: Float64Array, dn: Float64Array,
): KernelStateMap {
  const V = kWindow.length;
  const stride = STOCH_RSI_HEAD + 2 * MEAN_HEAD + longestOf(kn) + longestOf(dn) + longestOf(kWindow);
  const lead = Math.max(longestOf(kWindow) - 1, longestOf(kn), longestOf(dn));
  const means = Array.from({ length: V }, (_, v) => kd.means(v));
  const ringOf = (v: number) => stride * v + STOCH_RSI_HEAD + 2 * MEAN_HEAD + kn[v]! + dn[v]!;
  // Per RSI, a variant of its longest k_window: its ring holds every value the stepper's ring keeps.
  const longVar = runs.map((r) => r.groups.map((g) => g.vars.find((v) => kWindow[v] === g.R)!));
  return {
    perVariant: stride,
    length: stride * V,
    lead,
    tail(into) {
      for (const r of runs) {
        const to = into[r.src]!;
        to.fill(NaN);
        // A run going on (its age state[r.at] >= 0) has its previous value; after a gap the bar is one.
        if (to.length > 0 && state[r.at]! >= 0) to[to.length - 1] = state[r.at + 1]!;
      }
    },
    save(into) {
      into.fill(0.0);
      for (const r of runs) {
        const age = state[r.at]! + 1;  // valid bars of the run (0 after a gap)
        for (const g of r.groups) {
          const count = state[g.at + 2]!;
          for (const v of g.vars) {
            const at = stride * v, { slow, d } = means[v]!, k = MEAN_HEAD + kn[v]!;
            into[at] = stride;
            into[at + 1] = lead;
            into[at + 2] = age;
            into[at + 3] = state[g.at]!;
            into[at + 4] = state[g.at + 1]!;
            into[at + 5] = count;
            into.set(state.subarray(slow, slow + k), at + STOCH_RSI_HEAD);
            into.set(state.subarray(d, d + MEAN_HEAD + dn[v]!), at + STOCH_RSI_HEAD + k);
            // RSI number i of the run is in slot i mod R.
            const kw = kWindow[v]!, ring = ringOf(v);
            for (let i = Math.max(0, kw - count); i < kw; i++) into[ring + i] = state[g.at + 4 + ((count - kw + i) % g.R)]!;
          }
        }
      }
    },
    load(from, bars, columns) {
      runs.forEach((r, i) => {
        state[r.at] = from[stride * r.v0 + 2]! - 1;
        const col = columns[r.src]!;
        let last = bars - 1;
        while (last >= 0 && col[last] !== col[last]) last--;
        if (last >= 0) state[r.at + 1] = col[last]!;
        r.groups.forEach((g, k) => {
          const v = g.vars[0]!, count = from[stride * v + 5]!, lv = longVar[i]![k]!, ring = ringOf(lv);
          state[g.at] = from[stride * v + 3]!;
          state[g.at + 1] = from[stride * v + 4]!;
          state[g.at + 2] = count;
          state[g.at + 3] = count % g.R;
          state.fill(0.0, g.at + 4, g.at + 4 + 2 * g.R);
          for (let j = Math.max(0, g.R - count); j < g.R; j++) {
            const slot = g.at + 4 + ((count - g.R + j) % g.R);
            state[slot] = state[slot + g.R] = from[ring + j]!;
          }
        });
      });
      for (let v = 0; v < V; v++) {
        const at = stride * v + STOCH_RSI_HEAD, { slow, d, owns } = means[v]!, k = MEAN_HEAD + kn[v]!;
        if (owns) state.set(from.subarray(at, at + k), slow);
        state.set(from.subarray(at + k, at + k + MEAN_HEAD + dn[v]!), d);
      }
    },
  };
}

export default function stochRsi(ctx: StepperContext): Stepper | null {
  const V = ctx.grid.variants;
  const rsiWindow = paramOf(ctx, 'rsi_window'), kWindow = paramOf(ctx, 'k_window'), dn = paramOf(ctx, 'd_window'), kn = paramOf(ctx, 'k_smoothing');
  const zero = paramOf(ctx, 'zero_denominator'), seed = paramOf(ctx, 'seed'), dType = paramOf(ctx, 'fastd_matype');
  const layout = new Layout();
  const runs = ctx.runs.map((r) => {
    const at = layout.take(2);  // age of the run (-1 after a gap), previous value
    const groups = new Map<string, RsiGroup>();
    for (let v = r.v0; v < r.v1; v++) {
      const key = `${rsiWindow[v]}:${seed[v]}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { n: rsiWindow[v]!, m: seed[v] === SEED_FIRST ? 1 : rsiWindow[v]!, R: 1, at: 0, vars: [] }));
      g.R = Math.max(g.R, kWindow[v]!);
      g.vars.push(v);
    }
    for (const g of groups.values()) g.at = layout.take(4 + 2 * g.R);
    return { v0: r.v0, v1: r.v1, src: ctx.sourceIndex(r.sources.source!), at, groups: [...groups.values()] };
  });
  // Fast %K is one series per RSI (group) and k_window.
  const fastKOf: string[] = [];
  runs.forEach((r) => r.groups.forEach((g) => g.vars.forEach((v) => (fastKOf[v] = `${g.at}:${kWindow[v]}`))));
  const kd = kdAverages(layout, new Float64Array(V).fill(MA.sma), kn, dType, dn, fastKOf);
  if (!kd) return null;
  const state = new Float64Array(layout.size);
  for (const r of runs) state[r.at] = -1;
  // Per group at this bar: the highest and lowest of its last j + 1 RSI values, read by every k_window of the group.
  let longest = 1;
  for (const r of runs) for (const g of r.groups) longest = Math.max(longest, g.R);
  const hiBack = new Float64Array(longest), loBack = new Float64Array(longest);
  // The RSIs one after another: run i's are [g0[i], g0[i + 1]).
  const groups = runs.flatMap((r) => r.groups);
  const g0 = Int32Array.from({ length: runs.length + 1 }, (_, i) => runs.slice(0, i).reduce((k, r) => k + r.groups.length, 0));
  const from = new Int32Array(groups.length);
  groups.forEach((g, i) => (from[i] = i === 0 ? 0 : from[i - 1]! + groups[i - 1]!.vars.length));
  const rsiRows: RsiRows = {
    at: Int32Array.from(groups, (g) => g.at), n: Float64Array.from(groups, (g) => g.n), m: Int32Array.from(groups, (g) => g.m), R: Int32Array.from(groups, (g) => g.R),
    from, to: Int32Array.from(groups, (g, i) => from[i]! + g.vars.length), vars: Int32Array.from(groups.flatMap((g) => g.vars)),
    kWindow: Int32Array.from(kWindow), blankable: Uint8Array.from(zero, (z) => (z === ZERO_DENOMINATOR_NAN ? 1 : 0)), hi: hiBack, lo: loBack,
    fastK: new Float64Array(V), bits: new Uint8Array(V),
  };
  /** The RSIs of run r at a valid bar through kd.push (a %D type other than 'sma'). */
  const eachRun = (r: (typeof runs)[number], age: number, x: number, prev: number, kOut: Float64Array | null, dOut: Float64Array | null) => {
    for (const g of r.groups) {
      const rsi = rsiStep(state, g.at, g.n, g.m, g.R, age, x, prev);
      const count = age >= g.m ? state[g.at + 2]! : 0;
      if (count > 0) extremesBack(state, newestOf(state, g.at, g.R), rsi, Math.min(count, g.R), hiBack, loBack);
      // Fast %K of the last k_window seen: the variants of one k_window (next to each other) take it once.
      let lastWindow = -1, fastK = NaN, empty = false;
      for (const v of g.vars) {
        const kw = kWindow[v]!, has = count >= kw;
        if (has && kw !== lastWindow) {
          lastWindow = kw;
          // The highest and lowest of the last kw RSI values.
          fastK = stochK(rsi, hiBack[kw - 1]!, loBack[kw - 1]!);
          empty = emptyRange(hiBack[kw - 1]!, loBack[kw - 1]!);
        }
        kd.push(state, v, has, has ? fastK : NaN, count - kw, has && empty && zero[v] === ZERO_DENOMINATOR_NAN, kOut, dOut);
      }
    }
  };
  const allSma = kd.allSma;
  return {
    state,
    // pushMany() and history through the kernel where it takes the state (every %D type 'sma').
    ...(allSma ? { kernel: stochRsiKernelState(state, runs, kd, kWindow, kn, dn) } : {}),
    step(bar, rows) {
      const kOut = rows[0] ?? null, dOut = rows[1] ?? null;
      for (let i = 0; i < runs.length; i++) {
        const r = runs[i]!, x = bar[r.src]!;
        if (x !== x) {
          state[r.at] = -1;
          for (const o of rows) o?.fill(NaN, r.v0, r.v1);
          continue;
        }
        const age = state[r.at]! + 1, prev = state[r.at + 1]!;
        state[r.at] = age;
        state[r.at + 1] = x;
        if (age === 0) for (let v = r.v0; v < r.v1; v++) kd.reset(state, v);
        if (allSma) {
          fastKRow(state, rsiRows, g0[i]!, g0[i + 1]!, age, x, prev);
          pushMeansRow(state, kd.sma, r.v0, r.v1, rsiRows.fastK, rsiRows.bits, kOut, dOut);
        } else eachRun(r, age, x, prev, kOut, dOut);
      }
    },
  };
}
