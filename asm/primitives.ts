// Mirrors native/primitives.h. AssemblyScript has no closures, so the segment
// walk is spelled out: validAt / segmentEnd instead of forEachSegment.
import { AVERAGE_LANE_BYTES, AVERAGE_LANES, BLOCK, Call, MAX_WINDOW, at, beginPass, input, param, putNaNAll } from "./abi";

export function validAt(c: Call, nCols: i32, t: i32): bool {
  for (let i = 0; i < nCols; ++i) if (isNaN(at(input(c, i), t))) return false;
  return true;
}

// NaN for every output of the block at invalid bars from t on; returns the
// next valid bar (or T). With segmentEnd, the segment walk of
// forEachSegment in native/primitives.h:
//   while ((t = skipGaps<O>(c, n, t, b0, nb)) < c.T) { const s = t, e = segmentEnd(c, n, t); ... }
export function skipGaps<O>(c: Call, nCols: i32, t: i32, b0: i32, nb: i32): i32 {
  while (t < c.T && !validAt(c, nCols, t)) {
    putNaNAll<O>(c, t, b0, nb);
    ++t;
  }
  return t;
}

// End (exclusive) of the run of valid bars starting at s.
export function segmentEnd(c: Call, nCols: i32, s: i32): i32 {
  let t = s;
  while (t < c.T && validAt(c, nCols, t)) ++t;
  return t;
}

// Error-free transformations; mirror twoSumError, splitHalves and
// twoProductError in native/primitives.h (no FMA in wasm: the same bits).
@inline export function twoSumError(a: f64, b: f64, s: f64): f64 {
  const bb = s - a;
  return (a - (s - bb)) + (b - bb);
}

@inline export function splitHigh(a: f64): f64 {
  const c = 134217729.0 * a;  // 2^27 + 1
  return c - (c - a);
}

@inline export function twoProductError(a: f64, b: f64, p: f64): f64 {
  const ah = splitHigh(a), bh = splitHigh(b);
  const al = a - ah, bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

// Compensated prefix sums restarted at every run of valid bars, (hi, lo)
// pairs at prefix (2T + 2 doubles); mirrors prefixSums in native/primitives.h.
export function prefixLength(T: i32): f64 { return 2.0 * <f64>T + 2.0; }

// hi, lo, run: continuing a run (a kernel with state), as in native/primitives.h.
export function prefixSums(x: usize, T: i32, prefix: usize, lastGap: usize, hi: f64 = 0.0, lo: f64 = 0.0, run: f64 = 0.0): void {
  let gap = -1.0 - run;
  store<f64>(prefix, hi);
  store<f64>(prefix + 8, lo);
  for (let t = 0; t < T; ++t) {
    const v = at(x, t);
    if (isNaN(v)) {
      gap = <f64>t;
      hi = 0.0;
      lo = 0.0;
    } else {
      const s = hi + v;
      lo += twoSumError(hi, v, s);
      hi = s;
    }
    const p = prefix + (<usize>(t + 1) << 4);
    store<f64>(p, hi);
    store<f64>(p + 8, lo);
    store<f64>(lastGap + (<usize>t << 3), gap);
  }
}

@inline export function prefixWindowSum(prefix: usize, t: i32, w: i32): f64 {
  const b = prefix + (<usize>(t + 1) << 4), a = prefix + (<usize>(t + 1 - w) << 4);
  return (load<f64>(b) - load<f64>(a)) + (load<f64>(b, 8) - load<f64>(a, 8));
}

// CarriedPrefixes in native/primitives.h (trend.vortex, volatility.accbands):
// [the run's age at bar -1, that bar's `inputs`, then P entries of the k
// prefix sums, oldest first]. One call at a time: readCarriedPrefixes sets
// these; prefix i's entry 0 is at sums0 + i * prefixBytes, W - 1 entries
// after the ones before bar 0.
let carriedInputs = 0, carriedSeries = 0, carriedW = 1, carriedP = 0;

// Whether the state has that shape (else BAD_PARAM).
export function readCarriedPrefixes(c: Call, inputs: i32, k: i32, W: i32): bool {
  const head = 1 + inputs;
  carriedInputs = inputs;
  carriedSeries = k;
  carriedW = W;
  carriedP = c.stateIn != 0 ? (c.stateLen - head) / (2 * k) : 0;
  return !((c.stateOut != 0 && c.stateIn == 0) || (c.stateIn != 0 && (c.stateLen != head + 2 * k * carriedP || carriedP < W)));
}

// The age at bar -1 of the run the state stands in (-1: none).
export function carriedAge(c: Call): f64 { return c.stateIn != 0 ? load<f64>(c.stateIn) : -1.0; }

// Prefix i's W entries ending at its entry 0: the state's, else 0.
export function carriedEntriesBefore(c: Call, i: i32, entry0: usize): void {
  const W = carriedW, k = carriedSeries, entries = entry0 - (<usize>(2 * (W - 1)) << 3);
  for (let e = 0; e < W; ++e) {
    let hi = 0.0, lo = 0.0;
    if (c.stateIn != 0) {
      const q = c.stateIn + (<usize>(1 + carriedInputs + 2 * k * (carriedP - W + e) + 2 * i) << 3);
      hi = load<f64>(q);
      lo = load<f64>(q, 8);
    }
    store<f64>(entries + (<usize>e << 4), hi);
    store<f64>(entries + (<usize>e << 4), lo, 8);
  }
}

// stateOut: the run's age at the last bar (carried: bars of bar 0's run before the call) and that bar's inputs, then the last P entries.
export function writeCarriedPrefixes(c: Call, sums0: usize, prefixBytes: usize, carried: i32): void {
  const T = c.T;
  if (c.stateOut == 0 || T == 0) return;
  const W = carriedW, k = carriedSeries, P = carriedP, head = 1 + carriedInputs;
  let s = T;
  while (s > 0 && validAt(c, carriedInputs, s - 1)) --s;
  store<f64>(c.stateOut, s == T ? -1.0 : s == 0 ? <f64>(T - 1 + carried) : <f64>(T - 1 - s));
  for (let i = 0; i < carriedInputs; ++i) store<f64>(c.stateOut + (<usize>(1 + i) << 3), at(input(c, i), T - 1));
  for (let e = 0; e < P; ++e) {
    const entry = T - P + 1 + e;  // made here from 1 - W on, else from the state
    for (let i = 0; i < k; ++i) {
      const from = entry > -W ? sums0 + <usize>i * prefixBytes + (<usize>(2 * entry) << 3) : c.stateIn + (<usize>(head + 2 * k * (P - 1 + entry) + 2 * i) << 3);
      const to = c.stateOut + (<usize>(head + 2 * k * e + 2 * i) << 3);
      store<f64>(to, load<f64>(from));
      store<f64>(to, load<f64>(from, 8), 8);
    }
  }
}

// A sum and its rounding error at two f64 slots; mirrors compensatedAdd.
@inline export function compensatedAdd(sum: usize, err: usize, x: f64): void {
  const a = load<f64>(sum), s = a + x;
  store<f64>(err, load<f64>(err) + twoSumError(a, x, s));
  store<f64>(sum, s);
}

export function lastGaps(x: usize, T: i32, lastGap: usize): void {
  let gap = -1.0;
  for (let t = 0; t < T; ++t) {
    if (isNaN(at(x, t))) gap = <f64>t;
    store<f64>(lastGap + (<usize>t << 3), gap);
  }
}

// lastGaps over the bars where any of the first nCols inputs is NaN.
export function inputGaps(c: Call, nCols: i32, lastGap: usize): void {
  let gap = -1.0;
  for (let t = 0; t < c.T; ++t) {
    if (!validAt(c, nCols, t)) gap = <f64>t;
    store<f64>(lastGap + (<usize>t << 3), gap);
  }
}

// True when param p of every variant is a window in [1, MAX_WINDOW].
export function windowsFit(c: Call, p: i32): bool {
  for (let v = c.v0; v < c.v1; ++v) {
    const w = param(c, p, v);
    if (!(w >= 1.0 && w <= <f64>MAX_WINDOW)) return false;
  }
  return true;
}

// Largest value of param p over the call's variants; mirrors maxParam.
export function maxParam(c: Call, p: i32): f64 {
  let m = 0.0;
  for (let v = c.v0; v < c.v1; ++v) m = max(m, param(c, p, v));
  return m;
}

// LeadState in native/primitives.h: the kernel state [lead, age, own numbers]
// per variant of a kernel whose call's first `lead` bars are the bars before the state.
// One call at a time: readLeadState sets these for the call's segments.
export let leadAt: i32 = 0, leadAge: i32 = 0, leadOn: bool = false;
// The current run's first bar (before s when it goes on from the state) and its first bar to compute, set by leadRun.
export let runOrigin: i32 = 0, runFrom: i32 = 0, runGoesOn: bool = false;

@inline export function leadStateAt(area: usize, perVariant: i32, v: i32): usize { return area + (<usize>(perVariant * v) << 3); }

// Reads the state; false (a bad state) unless lead >= minLead and lead < T.
export function readLeadState(c: Call, perVariant: i32, minLead: i32): bool {
  leadAt = leadAge = 0;
  leadOn = false;
  if (c.stateIn == 0 && c.stateOut == 0) return true;
  if (c.stateIn == 0 || c.stateLen < perVariant * c.v1) return false;
  const from = leadStateAt(c.stateIn, perVariant, c.v0);  // the same lead and run in every variant
  leadAt = <i32>load<f64>(from);
  leadAge = <i32>load<f64>(from, 8);
  leadOn = true;
  return leadAt >= minLead && leadAt < c.T && leadAge >= 0;
}

// The run [s, e) into runGoesOn, runOrigin, runFrom; NaN for its bars before runFrom (the stream's).
export function leadRun<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  runGoesOn = leadOn && s < leadAt;
  runOrigin = runGoesOn ? leadAt - leadAge : s;
  runFrom = runGoesOn ? min(leadAt, e) : s;
  for (let t = s; t < runFrom; ++t) putNaNAll<O>(c, t, b0, nb);
}

// stateOut of a block before its runs: the state in, no run going on.
export function startLeadBlock(c: Call, perVariant: i32, b0: i32, nb: i32): void {
  if (c.stateOut == 0) return;
  memory.copy(leadStateAt(c.stateOut, perVariant, b0), leadStateAt(c.stateIn, perVariant, b0), <usize>(perVariant * nb) << 3);
  for (let j = 0; j < nb; ++j) store<f64>(leadStateAt(c.stateOut, perVariant, b0 + j), 0.0, 8);
}

// Variant v's stateOut after the current run, ending at e: lead, age (0 unless it reaches the last bar); returns it for the rest.
export function keepLeadState(c: Call, perVariant: i32, v: i32, e: i32): usize {
  const to = leadStateAt(c.stateOut, perVariant, v);
  store<f64>(to, <f64>leadAt);
  store<f64>(to, e == c.T ? <f64>(e - runOrigin) : 0.0, 8);
  return to;
}

// The longest of params p, q and r (-1: none) over the call's variants, the W
// a kernel sized its scratch with; mirrors callWindow.
export function callWindow(c: Call, p: i32, q: i32 = -1, r: i32 = -1, u: i32 = -1): i32 {
  let m = 0.0;
  if (p >= 0) m = max(m, maxParam(c, p));
  if (q >= 0) m = max(m, maxParam(c, q));
  if (r >= 0) m = max(m, maxParam(c, r));
  if (u >= 0) m = max(m, maxParam(c, u));
  return <i32>min(m, <f64>MAX_WINDOW);
}

// stateOut of variants [b0, b0 + nb) of a per-variant state with the last
// bars of the first k inputs as a call ending on a NaN bar leaves it;
// mirrors leaveTailState in native/primitives.h.
// `series`: the one series (k = 1) at bars 0 .. T - 1 the tail keeps, when not the input (fisher's hl2).
export function leaveTailState(c: Call, S: i32, head: i32, k: i32, b0: i32, nb: i32, series: usize = 0): void {
  const P = (S - head) / k;
  for (let j = 0; j < nb; ++j) {
    const from = c.stateIn + (<usize>(S * (b0 + j)) << 3), to = c.stateOut + (<usize>(S * (b0 + j)) << 3);
    memory.copy(to, from, <usize>head << 3);
    store<f64>(to, 0.0, 8);
    for (let i = 0; i < P; ++i) {
      const t = c.T - P + i;
      for (let q = 0; q < k; ++q) {
        store<f64>(to + (<usize>(head + k * i + q) << 3), t >= 0 ? load<f64>((series != 0 ? series : input(c, q)) + (<usize>t << 3)) : load<f64>(from + (<usize>(head + k * (P + t) + q) << 3)));
      }
    }
  }
}

// leaveTailState for a source run's part beside a per-variant state
// (Call.runStateIn); mirrors leaveRunTailState in native/primitives.h.
export function leaveRunTailState(c: Call, head: i32, k: i32): void {
  const P = (c.runStateLen - head) / k;
  const from = c.runStateIn, to = c.runStateOut;
  memory.copy(to, from, <usize>head << 3);
  store<f64>(to, 0.0);
  for (let i = 0; i < P; ++i) {
    const t = c.T - P + i;
    for (let q = 0; q < k; ++q) {
      store<f64>(to + (<usize>(head + k * i + q) << 3), t >= 0 ? load<f64>(input(c, q) + (<usize>t << 3)) : load<f64>(from + (<usize>(head + k * (P + t) + q) << 3)));
    }
  }
}

// Two prefix sums of a call with state (windowRatio's, ma.vwma's); mirror
// pairPrefixStart and pairPrefixEnd in native/primitives.h. Returns P, or -1
// for a state of the wrong size.
export function pairPrefixStart(c: Call, W: i32, head: i32, entriesA: usize, entriesB: usize): i32 {
  const P = c.stateIn != 0 ? (c.stateLen - 1 - head) >> 2 : 0;
  if ((c.stateOut != 0 && c.stateIn == 0) || (c.stateIn != 0 && (c.stateLen != 1 + 4 * P + head || P < W))) return -1;
  store<f64>(entriesA, 0.0); store<f64>(entriesA, 0.0, 8); store<f64>(entriesB, 0.0); store<f64>(entriesB, 0.0, 8);
  for (let i = 0; c.stateIn != 0 && i < W; ++i) {
    const q = c.stateIn + (<usize>(1 + 4 * (P - W + i)) << 3);
    store<f64>(entriesA + (<usize>i << 4), load<f64>(q)); store<f64>(entriesA + (<usize>i << 4), load<f64>(q, 8), 8);
    store<f64>(entriesB + (<usize>i << 4), load<f64>(q, 16)); store<f64>(entriesB + (<usize>i << 4), load<f64>(q, 24), 8);
  }
  return P;
}

export function pairPrefixEnd(c: Call, W: i32, P: i32, sumA: usize, sumB: usize, lastGap: usize): void {
  if (c.stateOut == 0) return;
  const T = c.T;
  store<f64>(c.stateOut, <f64>(T - 1) - at(lastGap, T - 1));
  for (let i = 0; i < P; ++i) {
    const e = T - P + 1 + i;  // entry e: made here from 1 - W on, else from the state
    const to = c.stateOut + (<usize>(1 + 4 * i) << 3);
    if (e > -W) {
      const pa = sumA + (<usize>e << 4), pb = sumB + (<usize>e << 4);
      store<f64>(to, load<f64>(pa)); store<f64>(to, load<f64>(pa, 8), 8);
      store<f64>(to, load<f64>(pb), 16); store<f64>(to, load<f64>(pb, 8), 24);
    } else {
      memory.copy(to, c.stateIn + (<usize>(1 + 4 * (P - 1 + e)) << 3), 32);
    }
  }
}

export function sumRange(x: usize, from: i32, n: i32): f64 {
  let s = 0.0;
  for (let i = 0; i < n; ++i) s += at(x, from + i);
  return s;
}

// sumRange continued from a running sum (sumOnto in native/primitives.h).
export function sumOnto(acc: f64, x: usize, from: i32, n: i32): f64 {
  for (let i = 0; i < n; ++i) acc += at(x, from + i);
  return acc;
}

@inline export function emaStep(prev: f64, x: f64, k: f64): f64 {
  return (x - prev) * k + prev;
}

// The `seed` choice param by code (kSeedFirst in native/primitives.h): 'sma'
// = 0 seeds with the mean of the first n values, 'first' = 1 with the first value.
export const SEED_FIRST: f64 = 1.0;
@inline export function seedsFirst(c: Call, p: i32, v: i32): bool { return param(c, p, v) == SEED_FIRST; }

// The `zero_denominator` choice param by code (zeroDenominator in
// native/primitives.h): 'talib' = 0 keeps TA-Lib's number for a 0/0 bar, 'nan' = 1 gives NaN.
export const ZERO_DENOMINATOR_NAN: f64 = 1.0;
@inline export function zeroDenominator(c: Call, p: i32, v: i32, talib: f64): f64 {
  return param(c, p, v) == ZERO_DENOMINATOR_NAN ? NaN : talib;
}

// An average fed one value at a time, for series made on the fly: the plain
// mean of the first n values seeds it, then TA-Lib's EMA step (k = 2/(n+1))
// or, when wilder, Wilder's step; mirrors SeededAverage in native/primitives.h.
// Lanes live in static memory (AVERAGE_LANES): averageLane(chain, j) is lane j of chain.
@unmanaged export class SeededAverage {
  n: f64 = 0.0;
  k: f64 = 0.0;
  value: f64 = 0.0;  // the running sum until seeded
  count: i32 = 0;
  period: i32 = 0;
  wilder: bool = false;

  reset(window: f64, wilder: bool = false, seedFirst: bool = false): void {
    this.n = window;
    this.k = 2.0 / (window + 1.0);
    this.value = 0.0;
    this.count = 0;
    this.period = seedFirst ? 1 : <i32>window;
    this.wilder = wilder;
  }
  @inline ready(): bool { return this.count >= this.period; }
  // Feeds x; true once the average is defined, from the n-th value on.
  push(x: f64): bool {
    if (this.ready()) {
      this.value = this.wilder ? wilderStep(this.value, x, this.n) : emaStep(this.value, x, this.k);
      return true;
    }
    this.value += x;
    if (++this.count < this.period) return false;
    this.value /= <f64>this.period;  // n itself when seeding with the mean: windows are whole
    return true;
  }
}

@inline export function averageLane(chain: i32, j: i32): SeededAverage {
  return changetype<SeededAverage>(AVERAGE_LANES + <usize>(chain * BLOCK + j) * AVERAGE_LANE_BYTES);
}

// Numbers before the ring in RunningMean's kernel state.
export const RUNNING_MEAN_HEAD: i32 = 4;

// TA-Lib's SMA of a series made on the fly; mirrors RunningMean in
// native/primitives.h. Unmanaged: place instances with changetype, never `new`.
@unmanaged export class RunningMean {
  ring: usize = 0;
  sum: f64 = 0.0;
  err: f64 = 0.0;  // the sum's rounding errors (compensatedAdd)
  n: i32 = 1;
  pos: i32 = 0;
  count: i32 = 0;

  reset(ring: usize, n: i32): void {
    this.ring = ring; this.n = n; this.pos = 0; this.count = 0; this.sum = 0.0; this.err = 0.0;
  }
  push(x: f64): f64 {
    store<f64>(this.ring + (<usize>this.pos << 3), x);
    this.add(x);
    if (++this.pos == this.n) this.pos = 0;
    if (++this.count < this.n) return NaN;
    const mean = (this.sum + this.err) / <f64>this.n;
    this.add(-load<f64>(this.ring + (<usize>this.pos << 3)));
    return mean;
  }
  // Kernel state (RunningMean::load / save in native/primitives.h): [pos,
  // count, sum, err, the ring's n slots], a slot not written since reset() 0.
  load(from: usize): void {
    this.pos = <i32>load<f64>(from); this.count = <i32>load<f64>(from, 8);
    this.sum = load<f64>(from, 16); this.err = load<f64>(from, 24);
    memory.copy(this.ring, from + (<usize>RUNNING_MEAN_HEAD << 3), <usize>this.n << 3);
  }
  save(to: usize): void {
    store<f64>(to, <f64>this.pos); store<f64>(to, <f64>this.count, 8);
    store<f64>(to, this.sum, 16); store<f64>(to, this.err, 24);
    const ring = to + (<usize>RUNNING_MEAN_HEAD << 3);
    for (let i = 0; i < this.n; ++i) store<f64>(ring + (<usize>i << 3), i < this.count ? load<f64>(this.ring + (<usize>i << 3)) : 0.0);
  }
  @inline private add(x: f64): void {
    const s = this.sum + x;
    this.err += twoSumError(this.sum, x, s);
    this.sum = s;
  }
}

@inline export function wilderStep(prev: f64, x: f64, n: f64): f64 {
  return (prev * (n - 1.0) + x) / n;
}

// TA-Lib's WMA as compensated running sums at four f64 slots: `sum`
// (weighted) and `sub` (plain), each beside its rounding errors (`sumErr`,
// `subErr`); mirrors weightedAdd / wmaPrime / wmaNext in native/primitives.h.
@inline export function wmaDivider(n: f64): f64 {
  return n * (n + 1.0) / 2.0;
}

// sum + sumErr += x * weight: the exact products of x's halves (splitHalves).
@inline export function weightedAdd(sum: usize, sumErr: usize, x: f64, weight: f64): void {
  const hi = splitHigh(x), lo = x - hi;
  const p = hi * weight;
  const a = load<f64>(sum), s = a + p;
  store<f64>(sumErr, load<f64>(sumErr) + (twoSumError(a, p, s) + lo * weight));
  store<f64>(sum, s);
}

@inline export function wmaPrime(sum: usize, sumErr: usize, sub: usize, subErr: usize, x: f64, weight: f64): void {
  compensatedAdd(sub, subErr, x);
  weightedAdd(sum, sumErr, x, weight);
}

@inline export function wmaNext(sum: usize, sumErr: usize, sub: usize, subErr: usize, x: f64, trailing: f64, n: f64, divider: f64): f64 {
  compensatedAdd(sub, subErr, x);
  compensatedAdd(sub, subErr, -trailing);
  weightedAdd(sum, sumErr, x, n);
  const w = (load<f64>(sum) + load<f64>(sumErr)) / divider;
  compensatedAdd(sum, sumErr, -load<f64>(sub));
  store<f64>(sumErr, load<f64>(sumErr) - load<f64>(subErr));
  return w;
}

export function trueRange(high: f64, low: f64, prevClose: f64): f64 {
  let r = high - low;
  const a = Math.abs(prevClose - high);
  if (a > r) r = a;
  const b = Math.abs(low - prevClose);
  if (b > r) r = b;
  return r;
}

// True range of every bar from bar 1 on (tr[0] is left as it is); mirrors trueRanges.
export function trueRanges(high: usize, low: usize, close: usize, T: i32, tr: usize): void {
  for (let t = 1; t < T; ++t) store<f64>(tr + (<usize>t << 3), trueRange(at(high, t), at(low, t), at(close, t - 1)));
}

@inline export function nearZero(x: f64): bool {
  return x > -1e-14 && x < 1e-14;
}

// TA-Lib's RSI from Wilder averages; mirrors rsiFromAverages in native/primitives.h.
@inline export function rsiFromAverages(gain: f64, loss: f64): f64 {
  const sum = gain + loss;
  return nearZero(sum) ? 0.0 : 100.0 * (gain / sum);
}

// Rolling mean and population variance for any window; mirrors RollingMoments
// in native/primitives.h (two grids of chunks per run, double-double sums of
// d = x - anchor and d^2). Use the static instance MOMENTS: build() points it
// into the caller's scratch (rollingMomentsScratch(T, W) doubles, windows up to W).
export function rollingMomentsScratch(T: i32, W: i32): f64 { return 11.0 * <f64>(T + chunkFor(<f64>max(W, 1))); }

// The chunk length serving windows of w bars; mirrors RollingMoments::chunkFor.
export function chunkFor(w: f64): i32 {
  let length = 512;
  while (<f64>length < 2.0 * min(w, <f64>MAX_WINDOW)) length <<= 1;
  return length;
}

// momentsInput of native/primitives.h, for the momentsRun() calls after it:
// x itself, or, in a call with state ([run, the last P values before bar 0]),
// the last chunkFor(longest window) values of the state and x after them;
// stateOut written. Returns false for a state of the wrong size.
let momentsX: usize = 0, momentsScratch: usize = 0, momentsOrigin: i32 = 0, momentsRun0: f64 = 0.0;

export function momentsInput(c: Call, p: i32, x: usize, scratch: usize, stateIn: usize, stateOut: usize, stateLen: i32): bool {
  momentsX = x; momentsScratch = scratch; momentsOrigin = 0; momentsRun0 = 0.0;
  if (stateIn == 0) return stateOut == 0;
  const P = stateLen - 1, Q = chunkFor(<f64>max(callWindow(c, p), 1));
  if (P < Q) return false;
  const ext = scratch;
  memory.copy(ext, stateIn + (<usize>(1 + P - Q) << 3), <usize>Q << 3);
  memory.copy(ext + (<usize>Q << 3), x, <usize>c.T << 3);
  momentsX = ext + (<usize>Q << 3);
  momentsScratch = momentsX + (<usize>c.T << 3);
  momentsOrigin = Q;
  momentsRun0 = load<f64>(stateIn);
  if (stateOut != 0) {
    let run = 0;
    while (run < c.T && !isNaN(at(x, c.T - 1 - run))) ++run;
    store<f64>(stateOut, run == c.T ? momentsRun0 + <f64>c.T : <f64>run);
    for (let i = 0; i < P; ++i) {
      const e = c.T - P + i;  // bar e, from the state before bar 0
      store<f64>(stateOut + (<usize>(1 + i) << 3), e >= 0 ? at(x, e) : at(stateIn, 1 + P + e));
    }
  }
  return true;
}

// momentsInput's input for a call whose run goes on from `run` bars before
// bar 0, with no values before it (bandsByLanes in asm/volatility/common.ts:
// the call's first bars are the stream's last inputs).
export function momentsGoingOn(x: usize, scratch: usize, run: f64): void {
  momentsX = x; momentsScratch = scratch; momentsOrigin = 0; momentsRun0 = run;
}

// The runs of forEachMomentsBlock in native/primitives.h, without closures:
//   for (let r0 = c.v0, r1 = 0; r0 < c.v1; r0 = r1) { r1 = momentsRun(c, p, r0); blocks of [r0, r1) }
// MOMENTS is built over momentsInput's input for the chunk length of variant r0's window (param
// p) unless the call's previous run had it, and the run's output pass begins;
// returns the end of the run of variants whose windows take that length.
export function momentsRun(c: Call, p: i32, r0: i32): i32 {
  const length = chunkFor(param(c, p, r0));
  let r1 = r0 + 1;
  while (r1 < c.v1 && chunkFor(param(c, p, r1)) == length) ++r1;
  if (r0 == c.v0 || MOMENTS.chunk != length) MOMENTS.build(momentsX, c.T, length, momentsScratch, momentsOrigin, momentsRun0);
  beginPass(c, r0, r1);
  return r1;
}

const DIRECT_BELOW = 16;  // RollingMoments::kDirectBelow

@unmanaged export class RollingMoments {
  x: usize = 0;
  chunk: i32 = 0;  // L; 0 until built
  sums0: usize = 0;  // per grid, 4 values per bar: S1 hi, lo, S2 hi, lo
  sums1: usize = 0;
  lastGap: usize = 0;
  runStart: usize = 0;  // first bar of the run of values equal to x[t]
  // Results of windowSums (no tuples without allocating).
  a: f64 = 0.0;
  s1: f64 = 0.0;
  e1: f64 = 0.0;
  s2: f64 = 0.0;
  e2: f64 = 0.0;
  // Results of measure.
  wMean: f64 = 0.0;
  wVariance: f64 = 0.0;
  wDeviation: f64 = 0.0;

  // Sums of x in chunks of `length` bars (chunkFor of the windows to serve);
  // with state, over the `origin` values before bar 0 as well, in a run `run`
  // bars long at bar -1 (RollingMoments::build in native/primitives.h).
  build(x: usize, T: i32, length: i32, scratch: usize, origin: i32 = 0, run: f64 = 0.0): void {
    this.x = x;
    this.chunk = length;
    const n = <usize>(origin + T) << 3;
    this.sums0 = scratch + (<usize>origin << 5);
    this.sums1 = this.sums0 + 4 * n;
    this.lastGap = scratch + 8 * n + (<usize>origin << 3);
    this.runStart = this.lastGap + n;
    let last = -1.0 - max(run, <f64>origin);
    for (let t = -origin; t < T; ++t) {
      if (isNaN(at(x, t))) last = <f64>t;
      store<f64>(this.lastGap + (<usize>t << 3), last);
      const eq = t > -origin && at(x, t) == at(x, t - 1) ? at(this.runStart, t - 1) : <f64>t;
      store<f64>(this.runStart + (<usize>t << 3), eq);
    }
    this.accumulate(0, origin, T, this.sums0);
    this.accumulate(1, origin, T, this.sums1);
  }
  @inline valid(t: i32, w: i32): bool { return <f64>t - at(this.lastGap, t) >= <f64>w; }
  @inline constant(t: i32, w: i32): bool { return at(this.runStart, t) <= <f64>(t - w + 1); }

  // First bar of the chunk of grid g holding bar t, in the run starting at s.
  @inline chunkStart(g: i32, s: i32, t: i32): i32 {
    const u = t - s, L = this.chunk, half = L >> 1;
    if (g == 0) return t - (u & (L - 1));
    return u < half ? s : t - ((u - half) & (L - 1));
  }
  // Sums of d and d^2 over x[t-w+1 .. t] and the anchor into a, s1 + e1, s2 + e2.
  windowSums(t: i32, w: i32): void {
    const start = <i32>at(this.lastGap, t) + 1;
    const c0 = this.chunkStart(0, start, t), c1 = this.chunkStart(1, start, t);
    const g = c0 <= c1 ? 0 : 1;  // the grid whose chunk began longer ago
    const c = g == 0 ? c0 : c1, i = t - w + 1;
    const sums = g == 0 ? this.sums0 : this.sums1;
    const b = sums + (<usize>t << 5);
    this.a = at(this.x, c);
    if (i == c) {
      this.s1 = load<f64>(b); this.e1 = load<f64>(b, 8); this.s2 = load<f64>(b, 16); this.e2 = load<f64>(b, 24);
      return;
    }
    const p = sums + (<usize>(i - 1) << 5);
    const s1 = load<f64>(b) - load<f64>(p), s2 = load<f64>(b, 16) - load<f64>(p, 16);
    this.s1 = s1;
    this.e1 = twoSumError(load<f64>(b), -load<f64>(p), s1) + (load<f64>(b, 8) - load<f64>(p, 8));
    this.s2 = s2;
    this.e2 = twoSumError(load<f64>(b, 16), -load<f64>(p, 16), s2) + (load<f64>(b, 24) - load<f64>(p, 24));
  }
  // Mean of x[t-w+1 .. t]; the caller checks valid(t, w).
  mean(t: i32, w: i32): f64 {
    if (this.constant(t, w)) return at(this.x, t);
    const n = <f64>w;
    if (w < DIRECT_BELOW) return at(this.x, t) + this.directSum(t, w) / n;
    this.windowSums(t, w);
    return this.meanOfSums(n);
  }
  // The window's mean, variance and x[t] - mean at once into wMean,
  // wVariance, wDeviation: the bits of the three calls, one windowSums.
  measure(t: i32, w: i32): void {
    if (w < DIRECT_BELOW || this.constant(t, w)) {
      this.wMean = this.mean(t, w);
      this.wVariance = this.variance(t, w);
      this.wDeviation = this.deviation(t, w);
      return;
    }
    const n = <f64>w;
    this.windowSums(t, w);
    this.wMean = this.meanOfSums(n);
    this.wVariance = this.varianceOfSums(n);
    this.wDeviation = this.deviationOfSums(t, n);
  }
  // From windowSums' results.
  @inline private meanOfSums(n: f64): f64 {
    const q = this.s1 / n, qn = q * n;
    const r = (((this.s1 - qn) - twoProductError(q, n, qn)) + this.e1) / n;
    const s = this.a + q;
    return s + (twoSumError(this.a, q, s) + r);
  }
  @inline private varianceOfSums(n: f64): f64 {
    const s1 = this.s1, s2 = this.s2, e1 = this.e1;
    const p = n * s2, q = s1 * s1;
    const low = (twoProductError(n, s2, p) - twoProductError(s1, s1, q)) + n * this.e2;
    const v = ((p - q) + ((low - 2.0 * s1 * e1) - e1 * e1)) / (n * n);
    return v > 0.0 ? v : 0.0;
  }
  @inline private deviationOfSums(t: i32, n: f64): f64 {
    const xt = at(this.x, t), a = this.a;
    const dh = xt - a, dl = twoSumError(xt, -a, dh), p = n * dh;
    return ((p - this.s1) + ((twoProductError(n, dh, p) + n * dl) - this.e1)) / n;
  }
  // Population variance (divisor w) of x[t-w+1 .. t]; the caller checks valid(t, w).
  variance(t: i32, w: i32): f64 {
    if (this.constant(t, w)) return 0.0;
    const n = <f64>w;
    if (w < DIRECT_BELOW) {
      const x = this.x, xt = at(x, t);
      const m = this.directSum(t, w) / n;
      let s = 0.0, r = 0.0;
      for (let i = t - w + 1; i <= t; ++i) {
        const e = (at(x, i) - xt) - m;
        s += e * e;
        r += e;
      }
      const v = (s - r * r / n) / n;
      return v > 0.0 ? v : 0.0;
    }
    this.windowSums(t, w);
    return this.varianceOfSums(n);
  }
  // x[t] - mean(t, w) without cancellation; mirrors RollingMoments::deviation.
  deviation(t: i32, w: i32): f64 {
    if (this.constant(t, w)) return 0.0;
    const n = <f64>w;
    if (w < DIRECT_BELOW) return -(this.directSum(t, w) / n);
    this.windowSums(t, w);
    return this.deviationOfSums(t, n);
  }
  // Sum of x[i] - x[t] over a short window, summed directly.
  directSum(t: i32, w: i32): f64 {
    const x = this.x, xt = at(x, t);
    let s = 0.0;
    for (let i = t - w + 1; i <= t; ++i) s += at(x, i) - xt;
    return s;
  }

  // Grid g's chunk sums into out; 0 at invalid bars.
  private accumulate(g: i32, origin: i32, T: i32, out: usize): void {
    const x = this.x;
    let a = 0.0, h1 = 0.0, l1 = 0.0, h2 = 0.0, l2 = 0.0;
    let start = <i32>at(this.lastGap, -origin) + 1;
    for (let t = -origin; t < T; ++t) {
      const o = out + (<usize>t << 5);
      const xt = at(x, t);
      if (isNaN(xt)) {
        store<f64>(o, 0.0); store<f64>(o, 0.0, 8); store<f64>(o, 0.0, 16); store<f64>(o, 0.0, 24);
        start = t + 1;
        continue;
      }
      if (this.chunkStart(g, start, t) == t) {
        a = xt;
        h1 = 0.0; l1 = 0.0; h2 = 0.0; l2 = 0.0;
      }
      const dh = xt - a, dl = twoSumError(xt, -a, dh);
      const p = dh * dh, q = twoProductError(dh, dh, p) + 2.0 * dh * dl;
      const n1 = h1 + dh, n2 = h2 + p;
      l1 += twoSumError(h1, dh, n1) + dl;
      l2 += twoSumError(h2, p, n2) + q;
      h1 = n1 + l1; l1 -= h1 - n1;  // renormalized, as native/primitives.h does
      h2 = n2 + l2; l2 -= h2 - n2;
      store<f64>(o, h1); store<f64>(o, l1, 8); store<f64>(o, h2, 16); store<f64>(o, l2, 24);
    }
  }
}

export const MOMENTS = changetype<RollingMoments>(memory.data(offsetof<RollingMoments>(), 8));

// Weight, weighted mean and weighted sum of squared deviations at an address;
// mirrors Moments in native/primitives.h.
@unmanaged export class Moments {
  weight: f64 = 0.0;
  mean: f64 = 0.0;
  m2: f64 = 0.0;

  clear(): void { this.weight = 0.0; this.mean = 0.0; this.m2 = 0.0; }
  copy(a: Moments): void { this.weight = a.weight; this.mean = a.mean; this.m2 = a.m2; }
  // A point of weight 0 changes nothing.
  add(x: f64, w: f64): void {
    if (w == 0.0) return;
    const weight = this.weight + w;
    const d = x - this.mean;
    const mean = this.mean + d * (w / weight);
    this.weight = weight;
    this.mean = mean;
    this.m2 = this.m2 + w * d * (x - mean);
  }
  // this = the points of a followed by those of b.
  merge(a: Moments, b: Moments): void {
    if (b.weight == 0.0) { this.copy(a); return; }
    if (a.weight == 0.0) { this.copy(b); return; }
    const weight = a.weight + b.weight;
    const d = b.mean - a.mean;
    const mean = a.mean + d * (b.weight / weight);
    const m2 = (a.m2 + b.m2) + d * d * (a.weight * (b.weight / weight));
    this.weight = weight;
    this.mean = mean;
    this.m2 = m2;
  }
}

export function weightedMomentsScratch(n: i32): i32 { return 3 * n; }

// Weighted moments of the last n points; mirrors WeightedMoments in
// native/primitives.h. The head (current chunk) is laid out as a Moments at
// the start of the object; tail holds the previous chunk's suffixes.
@unmanaged export class WeightedMoments {
  weight: f64 = 0.0;
  mean: f64 = 0.0;
  m2: f64 = 0.0;
  tail: usize = 0;
  n: i32 = 0;
  pos: i32 = 0;
  count: i32 = 0;

  @inline head(): Moments { return changetype<Moments>(changetype<usize>(this)); }
  @inline tailAt(i: i32): Moments { return changetype<Moments>(this.tail + <usize>i * 24); }
  reset(buffer: usize, window: i32): void {
    this.tail = buffer;
    this.n = window;
    this.pos = 0;
    this.count = 0;
    this.head().clear();
  }
  @inline full(): bool { return this.count >= this.n; }
  // Kernel state (WeightedMoments::load / save in native/primitives.h): [pos,
  // the chunk's moments, the tail's 3n numbers]; count is the run's points.
  load(from: usize, points: i32): void {
    this.pos = <i32>load<f64>(from);
    this.weight = load<f64>(from, 8); this.mean = load<f64>(from, 16); this.m2 = load<f64>(from, 24);
    this.count = points;
    memory.copy(this.tail, from + 32, <usize>(3 * this.n) << 3);
  }
  // What the last push() returned, into out (after at least one since the reset).
  window(out: Moments): void {
    if (this.count > this.n && this.pos != 0) out.merge(this.tailAt(this.pos), this.head());
    else out.copy(this.head());
  }
  save(to: usize): void {
    store<f64>(to, <f64>this.pos);
    store<f64>(to, this.weight, 8); store<f64>(to, this.mean, 16); store<f64>(to, this.m2, 24);
    memory.copy(to + 32, this.tail, <usize>(3 * this.n) << 3);
  }
  // Feeds point t of x with weight w[t]; the moments of the last n points
  // (of all of them until full()) land in out.
  push(x: usize, w: usize, t: i32, out: Moments): void {
    const n = this.n, head = this.head();
    if (this.pos == 0) {
      if (this.count > 0) {
        out.clear();
        for (let i = n - 1; i >= 0; --i) {
          out.add(at(x, t - n + i), at(w, t - n + i));
          this.tailAt(i).copy(out);
        }
      }
      head.clear();
    }
    head.add(at(x, t), at(w, t));
    ++this.count;
    const from = ++this.pos;
    if (this.pos == n) this.pos = 0;
    if (this.count > n && from < n) out.merge(this.tailAt(from), head);
    else out.copy(head);
  }
}

export const WINDOW_MOMENTS = changetype<Moments>(memory.data(offsetof<Moments>(), 8));

// Sparse-table rolling extremes; mirrors RollingExtreme in native/primitives.h.
// Level k at scratch + k*T*8 holds the extreme of the 2^k bars ending at t.
export function extremeLevels(maxWindow: i32): i32 {
  let k = 1;
  while ((1 << k) <= maxWindow) ++k;
  return k;
}

// The longest window that can fill on T bars when windows go up to W (within
// MAX_WINDOW): the capacity of per-variant rings and deques.
export function windowCapacity(T: i32, W: i32): i32 { return min(T, min(W, MAX_WINDOW)); }

export function extremeScratch(T: i32): f64 { return <f64>extremeLevels(min(T, MAX_WINDOW)) * <f64>T; }

// Two lanes at once, bit for bit (NaN and signed zeros alike): f64x2.pmax(b, a)
// is a > b ? a : b, f64x2.pmin(b, a) is a < b ? a : b.
@inline export function pickExtreme(isMax: bool, a: f64, b: f64): f64 {
  return isMax ? (a > b ? a : b) : (a < b ? a : b);
}

export function buildExtremes(isMax: bool, x: usize, T: i32, nLevels: i32, levels: usize): void {
  memory.copy(levels, x, <usize>T << 3);
  for (let k = 1; k < nLevels; ++k) {
    const prev = levels + <usize>(k - 1) * <usize>T * 8;
    const cur = levels + <usize>k * <usize>T * 8;
    const half = 1 << (k - 1);
    memory.copy(cur, prev, <usize>min(half, T) << 3);
    let t = half;
    for (; t + 2 <= T; t += 2) {
      const a = v128.load(prev + (<usize>t << 3)), b = v128.load(prev + (<usize>(t - half) << 3));
      v128.store(cur + (<usize>t << 3), isMax ? f64x2.pmax(b, a) : f64x2.pmin(b, a));  // pickExtreme(a, b)
    }
    for (; t < T; ++t) store<f64>(cur + (<usize>t << 3), pickExtreme(isMax, at(prev, t), at(prev, t - half)));
  }
}

// The extreme of x[t-w+1 .. t] (RollingExtreme::window / at): the level
// serving w, how far back its second span ends, and extremeAt; the caller
// guarantees t >= w-1 and no NaN inside.
export function extremeWindowLevel(levels: usize, T: i32, w: i32): usize {
  let k = 0;
  while ((2 << k) <= w) ++k;
  return levels + <usize>k * <usize>T * 8;
}

export function extremeWindowBack(w: i32): i32 {
  let k = 0;
  while ((2 << k) <= w) ++k;
  return w - (1 << k);
}

@inline export function extremeAt(isMax: bool, level: usize, back: i32, t: i32): f64 {
  return pickExtreme(isMax, at(level, t), at(level, t - back));
}

// The highest of one series and the lowest of another for every window of a
// call; mirrors RollingRange in native/primitives.h. Two sparse tables at
// `levels`: the highs', then the lows' (rangeLows), deep enough for maxWindow.
export function rangeScratch(T: i32): f64 { return 2.0 * extremeScratch(T); }

@inline export function rangeLows(levels: usize, T: i32): usize { return levels + (<usize>extremeScratch(T) << 3); }

export function buildRange(high: usize, low: usize, T: i32, maxWindow: i32, levels: usize): void {
  const n = extremeLevels(windowCapacity(T, maxWindow));
  buildExtremes(true, high, T, n, levels);
  buildExtremes(false, low, T, n, rangeLows(levels, T));
}

// Bar of the rolling extreme, ties to the most recent bar; mirrors
// RollingArgExtreme in native/primitives.h (the levels hold bar indices).
@inline function pickBar(isMax: bool, x: usize, later: i32, earlier: i32): i32 {
  const a = at(x, later), b = at(x, earlier);
  return (isMax ? a >= b : a <= b) ? later : earlier;
}

export function buildArgExtremes(isMax: bool, x: usize, T: i32, nLevels: i32, levels: usize): void {
  for (let t = 0; t < T; ++t) store<f64>(levels + (<usize>t << 3), <f64>t);
  for (let k = 1; k < nLevels; ++k) {
    const prev = levels + <usize>(k - 1) * <usize>T * 8;
    const cur = levels + <usize>k * <usize>T * 8;
    const half = 1 << (k - 1);
    for (let t = half; t < T; ++t)
      store<f64>(cur + (<usize>t << 3), <f64>pickBar(isMax, x, <i32>at(prev, t), <i32>at(prev, t - half)));
    for (let t = 0; t < min(half, T); ++t) store<f64>(cur + (<usize>t << 3), at(prev, t));
  }
}

// Bar of the extreme of x[t-w+1 .. t], with extremeWindowLevel / Back.
@inline export function argExtremeAt(isMax: bool, x: usize, level: usize, back: i32, t: i32): i32 {
  return pickBar(isMax, x, <i32>at(level, t), <i32>at(level, t - back));
}

// Rows of rolling extremes for a block of variants, read as native's
// rollingExtremes (native/structure/common.h) reads them: the block's
// distinct windows ascending (the window set), one value per window at a bar;
// windows w, w+1, ... served by one level share its first span and read its
// second spans as one run backward, two values per v128. Lanes find their
// window's entry with laneRow(). Build the set per block: windowSetBegin(),
// windowSetAdd() for each window param (slot 0, 1, ...), windowSetEnd().
export const WINDOW_SLOTS = 3;
const SET_CAP = WINDOW_SLOTS * BLOCK;
const SET_WINDOW: usize = memory.data(SET_CAP * 4, 16);     // i32, ascending, distinct
const SET_GROUP: usize = memory.data((SET_CAP + 1) * 4, 16); // first entry of each run of one level's consecutive windows
const LANE_ENTRY: usize = memory.data(SET_CAP * 4, 16);     // i32 per (slot, lane): its window, then its entry
let setSize = 0, groupCount = 0, laneCount = 0, slotCount = 0;
let identityMask = 0;  // bit s: lane j of slot s is entry j, so set rows are lane rows

// Rows of set values, one per window entry (kernels may use them as scratch rows).
export const EXTREME_HIGH: usize = memory.data(SET_CAP * 8, 16);
export const EXTREME_LOW: usize = memory.data(SET_CAP * 8, 16);

@inline function i32At(area: usize, i: i32): i32 { return load<i32>(area + (<usize>i << 2)); }
@inline function setI32(area: usize, i: i32, x: i32): void { store<i32>(area + (<usize>i << 2), x); }
@inline function windowLevel(w: i32): i32 { return 31 - clz(w); }  // the k of extremeWindowLevel

export function windowSetBegin(nb: i32): void {
  setSize = 0;
  slotCount = 0;
  laneCount = nb;
}

// Lane j of the next slot reads window param(p, b0 + j) + extra.
export function windowSetAdd(c: Call, p: i32, b0: i32, extra: i32 = 0): void {
  const lanes = LANE_ENTRY + (<usize>(slotCount * BLOCK) << 2);
  for (let j = 0; j < laneCount; ++j) {
    const w = <i32>param(c, p, b0 + j) + extra;
    setI32(lanes, j, w);
    // Insertion into the ascending set; default grids come in order, so this is a compare per lane.
    let i = setSize;
    while (i > 0 && i32At(SET_WINDOW, i - 1) > w) --i;
    if (i > 0 && i32At(SET_WINDOW, i - 1) == w) continue;
    memory.copy(SET_WINDOW + (<usize>(i + 1) << 2), SET_WINDOW + (<usize>i << 2), <usize>(setSize - i) << 2);
    setI32(SET_WINDOW, i, w);
    ++setSize;
  }
  ++slotCount;
}

// Entries of the set (distinct windows).
export function windowSetSize(): i32 { return setSize; }

export function windowSetEnd(): void {
  groupCount = 0;
  for (let i = 0; i < setSize; ++i) {
    const w = i32At(SET_WINDOW, i);
    if (i == 0 || w != i32At(SET_WINDOW, i - 1) + 1 || windowLevel(w) != windowLevel(w - 1)) setI32(SET_GROUP, groupCount++, i);
  }
  setI32(SET_GROUP, groupCount, setSize);
  identityMask = 0;
  for (let s = 0; s < slotCount; ++s) {
    const lanes = LANE_ENTRY + (<usize>(s * BLOCK) << 2);
    let identity = true;
    for (let j = 0; j < laneCount; ++j) {
      const w = i32At(lanes, j);
      let lo = 0, hi = setSize - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (i32At(SET_WINDOW, mid) < w) lo = mid + 1;
        else hi = mid;
      }
      setI32(lanes, j, lo);
      identity = identity && lo == j;
    }
    if (identity) identityMask |= 1 << s;
  }
}

// The extreme of x[t-w+1 .. t] for every window w of the set into out[i],
// NaN where w > limit (the window reaches past the run of valid bars);
// levels is buildExtremes' table.
export function extremeRows(isMax: bool, levels: usize, T: i32, t: i32, limit: i32, out: usize): void {
  if (isMax) rowsOf(ROWS_MAX, levels, 0, T, t, limit, out);
  else rowsOf(ROWS_MIN, 0, levels, T, t, limit, out);
}

// As extremeRows, (highest + lowest) / 2 from the tables of buildRange.
export function midRows(highs: usize, lows: usize, T: i32, t: i32, limit: i32, out: usize): void {
  rowsOf(ROWS_MID, highs, lows, T, t, limit, out);
}

const ROWS_MAX = 0, ROWS_MIN = 1, ROWS_MID = 2;

@inline function rowsOf(kind: i32, highs: usize, lows: usize, T: i32, t: i32, limit: i32, out: usize): void {
  const half = f64x2.splat(0.5);  // x * 0.5 is x / 2 bit for bit
  for (let g = 0; g < groupCount; ++g) {
    const i0 = i32At(SET_GROUP, g), n = i32At(SET_GROUP, g + 1) - i0;
    const w0 = i32At(SET_WINDOW, i0);
    const full = min(n, max(0, limit - w0 + 1));  // windows are ascending: the full ones come first
    const o = out + (<usize>i0 << 3);
    if (full > 0) {
      const k = windowLevel(w0);
      const level = <usize>k * <usize>T * 8, back = <usize>(t - (w0 - (1 << k))) << 3;
      const hFirst = kind != ROWS_MIN ? at(highs + level, t) : 0.0, lFirst = kind != ROWS_MAX ? at(lows + level, t) : 0.0;
      const hHead = f64x2.splat(hFirst), lHead = f64x2.splat(lFirst);
      const hRun = highs + level + back, lRun = lows + level + back;  // entry m's second span ends at run[-m]
      let m = 0;
      for (; m + 2 <= full; m += 2) {
        const from = <usize>(m + 1) << 3;
        let hi = hHead, lo = lHead;
        if (kind != ROWS_MIN) {
          const pair = v128.load(hRun - from);
          hi = f64x2.pmax(v128.shuffle<f64>(pair, pair, 1, 0), hHead);
        }
        if (kind != ROWS_MAX) {
          const pair = v128.load(lRun - from);
          lo = f64x2.pmin(v128.shuffle<f64>(pair, pair, 1, 0), lHead);
        }
        v128.store(o + (<usize>m << 3), kind == ROWS_MAX ? hi : kind == ROWS_MIN ? lo : f64x2.mul(f64x2.add(hi, lo), half));
      }
      if (m < full) {
        const from = <usize>m << 3;
        const hi = kind != ROWS_MIN ? pickExtreme(true, hFirst, load<f64>(hRun - from)) : 0.0;
        const lo = kind != ROWS_MAX ? pickExtreme(false, lFirst, load<f64>(lRun - from)) : 0.0;
        store<f64>(o + from, kind == ROWS_MAX ? hi : kind == ROWS_MIN ? lo : (hi + lo) / 2.0);
      }
    }
    for (let m = full; m < n; ++m) store<f64>(o + (<usize>m << 3), NaN);
  }
}

// As extremeRows, the bar of the extreme (ties to the most recent bar) over
// buildArgExtremes' table.
export function argExtremeRows(isMax: bool, x: usize, levels: usize, T: i32, t: i32, limit: i32, out: usize): void {
  for (let g = 0; g < groupCount; ++g) {
    const i0 = i32At(SET_GROUP, g), n = i32At(SET_GROUP, g + 1) - i0;
    const w0 = i32At(SET_WINDOW, i0);
    const full = min(n, max(0, limit - w0 + 1));
    const o = out + (<usize>i0 << 3);
    if (full > 0) {
      const k = windowLevel(w0);
      const level = levels + <usize>k * <usize>T * 8;
      const first = <i32>at(level, t), xFirst = at(x, first);
      const run = level + (<usize>(t - (w0 - (1 << k))) << 3);
      for (let m = 0; m < full; ++m) {
        const second = <i32>load<f64>(run - (<usize>m << 3));
        const xSecond = at(x, second);
        store<f64>(o + (<usize>m << 3), <f64>((isMax ? xFirst >= xSecond : xFirst <= xSecond) ? first : second));
      }
    }
    for (let m = full; m < n; ++m) store<f64>(o + (<usize>m << 3), NaN);
  }
}

// (high + low) / 2 of rows into out, NaN where either is: of set rows, or of
// the first n entries.
export function midRow(high: usize, low: usize, out: usize, n: i32 = -1): void {
  if (n < 0) n = setSize;
  const half = f64x2.splat(0.5);  // x * 0.5 is x / 2 bit for bit
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const off = <usize>i << 3;
    v128.store(out + off, f64x2.mul(f64x2.add(v128.load(high + off), v128.load(low + off)), half));
  }
  for (; i < n; ++i) store<f64>(out + (<usize>i << 3), (at(high, i) + at(low, i)) / 2.0);
}

// Set row `from` in lane order for slot s: `from` itself when lanes are the
// set's entries, else gathered into `to`.
export function laneRow(s: i32, from: usize, to: usize): usize {
  if (identityMask & (1 << s)) return from;
  const lanes = LANE_ENTRY + (<usize>(s * BLOCK) << 2);
  for (let j = 0; j < laneCount; ++j) store<f64>(to + (<usize>j << 3), at(from, i32At(lanes, j)));
  return to;
}

// Monotonic deque of bar indices in a caller-supplied i32 ring buffer; mirrors
// MonotonicDeque in native/primitives.h (ties keep the most recent bar).
// Unmanaged: place instances in static memory with changetype, never `new`.
@unmanaged export class MonotonicDeque {
  buf: usize = 0;
  cap: i32 = 0;
  head: i32 = 0;
  size: i32 = 0;
  isMax: bool = true;

  reset(buf: usize, cap: i32, isMax: bool): void {
    this.buf = buf; this.cap = cap; this.isMax = isMax; this.head = 0; this.size = 0;
  }
  clear(): void { this.head = 0; this.size = 0; }
  @inline private pos(i: i32): i32 { const k = this.head + i; return k < this.cap ? k : k - this.cap; }
  @inline private slot(i: i32): usize { return this.buf + (<usize>this.pos(i) << 2); }
  push(x: usize, t: i32, w: i32): void {
    while (this.size > 0 && load<i32>(this.slot(0)) <= t - w) { this.head = this.pos(1); --this.size; }
    const xt = at(x, t);
    while (this.size > 0) {
      const back = at(x, load<i32>(this.slot(this.size - 1)));
      if (this.isMax ? back <= xt : back >= xt) --this.size;
      else break;
    }
    store<i32>(this.slot(this.size), t);
    ++this.size;
  }
  front(): i32 { return load<i32>(this.slot(0)); }
}
