// TA-Lib's TA_MA (native/matype.h), fed one value at a time: the moving
// average of a `matype` axis (the bands' middle, the stochastics' %K and %D,
// APO's, PPO's and MACDEXT's averages, STOCHRSI's %D). Each lane steps the
// operations of its matype.h function in their order over one run of values
// (reset at the run's start, as TA_MA starts at the run's first value), its
// state at s[at, at + size): SMA, TA-Lib's plain running sum over a ring of
// n values; EMA, DEMA, TEMA and T3, chains of EMA stages (stagePush); WMA,
// ma.wma's values (a fresh sum over a ring of n values up to DENSE_WMA, the
// running sums wmaPrime, wmaNext above); TRIMA, an SMA of an SMA;
// KAMA, TA-Lib's running path length over a ring of n + 1 values; MAMA,
// the Hilbert transform of hilbert.ts over the values with TA_MA's limits
// 0.5 and 0.05. A period of 1 copies its input for every type.
import { paramOf, type StepperContext } from './types.js';
import { emaStep, nearZero, wmaDivider, wmaNext, wmaPrime } from './primitives.js';
import { DENSE_WMA } from './wma.js';
import { advance, EXTRA, phase } from './hilbert.js';
import { alpha, MAMA_LOOKBACK, MAMA_WARMUP } from './mama.js';

/** Codes of the `matype` choice param (MA_TYPES in src/indicators/params.ts; matype::Code). */
export const MA = { sma: 0, ema: 1, wma: 2, dema: 3, tema: 4, trima: 5, kama: 6, mama: 7, t3: 8 } as const;

/** T3's volume factor in TA_MA (matype::kT3VFactor). */
const T3_VFACTOR = 0.7;

/** t3Step (native/ma/common.h): T3's stage, k·x + (1 − k)·e. */
export function t3Step(e: number, x: number, k: number): number {
  return k * x + (1.0 - k) * e;
}

/** T3's weights c1..c4 of its volume factor a, in TA-Lib's operation order (they do not sum to exactly 1). */
export function t3Weights(a: number): [number, number, number, number] {
  const a2 = a * a, c1 = -(a2 * a);
  return [c1, 3.0 * (a2 - c1), -6.0 * a2 - 3.0 * (a - c1), 1.0 + 3.0 * a - c1 + 3.0 * a2];
}

/**
 * One EmaStream of a chain at s[at] (value, or the running sum while seeding)
 * and s[at + 1] (count): seeds on its period-th input, then steps
 * (t3Step for T3, TA-Lib's emaStep otherwise). True once seeded.
 */
export function stagePush(s: Float64Array, at: number, x: number, period: number, k: number, t3: boolean): boolean {
  const count = s[at + 1]!;
  if (count >= period) {
    s[at] = t3 ? t3Step(s[at]!, x, k) : emaStep(s[at]!, x, k);
    return true;
  }
  const sum = s[at]! + x;
  s[at + 1] = count + 1;
  s[at] = count + 1 < period ? sum : sum / period;
  return count + 1 >= period;
}

const KAMA_SLOW = 2.0 / (30.0 + 1.0);
const KAMA_DIFF = 2.0 / (2.0 + 1.0) - KAMA_SLOW;

/** kamaConstant (native/ma/kama.h): the squared smoothing constant from the change and the path length. */
export function kamaConstant(change: number, path: number): number {
  const ratio = Math.abs(change / path);
  const er = path <= change || nearZero(path) ? 1.0 : ratio;
  const sc = er * KAMA_DIFF + KAMA_SLOW;
  return sc * sc;
}

/** matype::lookback: values before the first average (0 for a period of 1, which every type copies). */
export function maLookback(type: number, n: number): number {
  if (n <= 1) return 0;
  switch (type) {
    case MA.dema: return 2 * (n - 1);
    case MA.tema: return 3 * (n - 1);
    case MA.kama: return n;
    case MA.t3: return 6 * (n - 1);
    case MA.mama: return MAMA_LOOKBACK;
    default: return n - 1;  // SMA, EMA, WMA, TRIMA
  }
}

/** One TA_MA of a type and period over a run of values fed one at a time; its state is `size` numbers, all 0 at the run's start. */
export interface MaLane {
  readonly size: number;
  /** Values before its first average (maLookback). */
  readonly lookback: number;
  /** Feeds the run's next value; returns the average, NaN over the lookback. */
  push(s: Float64Array, at: number, x: number): number;
}

/** A period of 1: TA_MA copies the series. */
const COPY: MaLane = { size: 0, lookback: 0, push: (_s, _at, x) => x };

/** matype::sma: [values fed (up to n − 1), ring position, sum, ring of the last n values]; adds the newest, emits sum / n, drops the oldest. */
class SmaLane implements MaLane {
  readonly size: number;
  readonly lookback: number;
  constructor(private readonly n: number) {
    this.size = 3 + n;
    this.lookback = n - 1;
  }

  push(s: Float64Array, at: number, x: number): number {
    const n = this.n, i = s[at]!, pos = s[at + 1]!;
    let sum = s[at + 2]! + x;
    s[at + 3 + pos] = x;
    const next = pos + 1 === n ? 0 : pos + 1;
    s[at + 1] = next;
    if (i < n - 1) {
      s[at] = i + 1;
      s[at + 2] = sum;
      return NaN;
    }
    const y = sum / n;
    sum -= s[at + 3 + next]!;  // x[t - n + 1], the oldest of this window
    s[at + 2] = sum;
    return y;
  }
}

/**
 * matype::wma: [values fed (up to n), ring position, (sum, sumErr, sub, subErr), ring of the last n values].
 * A window up to DENSE_WMA is its weighted sum made afresh from the ring, oldest value first
 * (WmaDiagonal's operations: ma.wma's bits), times 1 / the divider, the four sums left at 0;
 * a longer one keeps wmaPrime, then wmaNext (ma.wma's running sums).
 */
class WmaLane implements MaLane {
  readonly size: number;
  readonly lookback: number;
  private readonly divider: number;
  private readonly scale: number;
  constructor(private readonly n: number) {
    this.size = 6 + n;
    this.lookback = n - 1;
    this.divider = wmaDivider(n);
    this.scale = 1.0 / this.divider;
  }

  push(s: Float64Array, at: number, x: number): number {
    const n = this.n, i = s[at]!, pos = s[at + 1]!, ring = at + 6, slot = ring + pos;
    const trailing = i >= n ? s[slot]! : 0.0;  // x[t - n], leaving the window
    s[slot] = x;
    const next = pos + 1 === n ? 0 : pos + 1;
    s[at + 1] = next;
    s[at] = i >= n ? n : i + 1;
    if (n <= DENSE_WMA) {
      if (i + 1 < n) return NaN;
      // The ring from slot next on holds the window oldest first.
      let sum = 0.0, k = 1;
      for (let p = next; p < n; p++) sum += k++ * s[ring + p]!;
      for (let p = 0; p < next; p++) sum += k++ * s[ring + p]!;
      return sum * this.scale;
    }
    if (i + 1 < n) {
      wmaPrime(s, at + 2, x, i + 1);
      return NaN;
    }
    return wmaNext(s, at + 2, x, trailing, n, this.divider);
  }
}

/** matype::emaChain: EMA (1 stage), DEMA (2), TEMA (3), T3 (6) as (value, count) pairs, each seeded with the mean of its first n inputs. */
class ChainLane implements MaLane {
  readonly size: number;
  readonly lookback: number;
  private readonly depth: number;
  private readonly k: number;
  private readonly c1: number;
  private readonly c2: number;
  private readonly c3: number;
  private readonly c4: number;
  constructor(private readonly type: number, private readonly n: number) {
    this.depth = type === MA.dema ? 2 : type === MA.tema ? 3 : type === MA.t3 ? 6 : 1;
    this.size = 2 * this.depth;
    this.lookback = maLookback(type, n);
    this.k = 2.0 / (n + 1.0);
    [this.c1, this.c2, this.c3, this.c4] = t3Weights(T3_VFACTOR);
  }

  push(s: Float64Array, at: number, x: number): number {
    const t3 = this.type === MA.t3, k = this.k, end = at + 2 * this.depth;
    let y = x;
    if (s[end - 1]! >= this.n) {
      // Every stage seeded: the steps alone (t3Step, emaStep), stagePush's operations without its tests.
      if (t3) for (let e = at; e < end; e += 2) y = s[e] = k * y + (1.0 - k) * s[e]!;
      else for (let e = at; e < end; e += 2) y = s[e] = (y - s[e]!) * k + s[e]!;
    } else {
      for (let e = at; e < end; e += 2) {
        if (!stagePush(s, e, y, this.n, k, t3)) return NaN;
        y = s[e]!;
      }
    }
    switch (this.type) {
      case MA.dema: return 2.0 * s[at]! - s[at + 2]!;
      case MA.tema: return s[at + 4]! + (3.0 * s[at]! - 3.0 * s[at + 2]!);
      case MA.t3: return this.c1 * s[at + 10]! + this.c2 * s[at + 8]! + this.c3 * s[at + 6]! + this.c4 * s[at + 4]!;
      default: return y;
    }
  }
}

/** matype's TRIMA: SMA(SMA(x, inner), n + 1 − inner), the outer fed from the inner's first value. */
class TrimaLane implements MaLane {
  readonly size: number;
  readonly lookback: number;
  private readonly inner: SmaLane;
  private readonly outer: SmaLane;
  private readonly innerN: number;
  constructor(n: number) {
    this.innerN = n % 2 ? (n + 1) / 2 : n / 2;
    this.inner = new SmaLane(this.innerN);
    this.outer = new SmaLane(n + 1 - this.innerN);
    this.size = this.inner.size + this.outer.size;
    this.lookback = n - 1;
  }

  push(s: Float64Array, at: number, x: number): number {
    const warm = s[at]! < this.innerN - 1;  // the inner SMA has no value at this bar
    const m = this.inner.push(s, at, x);
    return warm ? NaN : this.outer.push(s, at + this.inner.size, m);
  }
}

/** matype::kama: [values fed (up to n + 1), ring position, path, value, ring of the last n + 1 values before this one]. */
class KamaLane implements MaLane {
  readonly size: number;
  readonly lookback: number;
  constructor(private readonly n: number) {
    this.size = 4 + n + 1;
    this.lookback = n;
  }

  push(s: Float64Array, at: number, x: number): number {
    const n = this.n, ring = at + 4, i = s[at]!, pos = s[at + 1]!;
    // Slot pos holds x[t - n - 1], the next x[t - n], the one before x[t - 1] (once fed), in a ring of n + 1.
    const next = pos === n ? 0 : pos + 1;
    const prev = s[ring + (pos === 0 ? n : pos - 1)]!;
    let y = NaN;
    if (i >= 1 && i <= n) s[at + 2] = s[at + 2]! + Math.abs(prev - x);  // the first n differences, in order
    if (i >= n) {
      let path = s[at + 2]!;
      if (i > n) {
        path -= Math.abs(s[ring + pos]! - s[ring + next]!);
        path += Math.abs(x - prev);
        s[at + 2] = path;
      }
      const start = i === n ? prev : s[at + 3]!;  // the average starts from x[from + n − 1]
      y = emaStep(start, x, kamaConstant(x - s[ring + next]!, path));
      s[at + 3] = y;
    }
    s[ring + pos] = x;
    s[at + 1] = next;
    s[at] = i > n ? i : i + 1;
    return y;
  }
}

/**
 * matype::mama: HilbertCore over the values (hilbert.ts's block of a run,
 * restarted by the lane's 0 state), then [previous phase, MAMA] after it;
 * MAMA from 0 on the first transform bar with TA_MA's limits, its value
 * from the MAMA_LOOKBACK-th on. The period does not enter (but 1 copies).
 */
class MamaLane implements MaLane {
  readonly size = EXTRA + 2;
  readonly lookback = MAMA_LOOKBACK;

  push(s: Float64Array, at: number, x: number): number {
    const age = advance(s, at, this.size, x, MAMA_WARMUP);
    if (age < 3 + MAMA_WARMUP) return NaN;
    const p = phase(s, at), a = alpha(s[at + EXTRA]! - p, MAMA_FAST, MAMA_SLOW);
    s[at + EXTRA] = p;
    const mama = (s[at + EXTRA + 1] = (a * x) + ((1 - a) * s[at + EXTRA + 1]!));
    return age >= MAMA_LOOKBACK ? mama : NaN;
  }
}

/** TA_MA's MAMA limits (matype::kMamaFast, kMamaSlow). */
const MAMA_FAST = 0.5, MAMA_SLOW = 0.05;

/**
 * Whether the kernels step TA_MA(type, n) from this lane's state
 * (matype::Lane::hasLane in native/matype.h), so a consumer's batches run
 * through its kernel: a period of 1, SMA, the EMA chains, TRIMA and KAMA,
 * their lanes' layouts as above. WMA and MAMA lanes step in TypeScript.
 */
export function hasKernelLane(type: number, n: number): boolean {
  return n <= 1 || (type !== MA.wma && type !== MA.mama);
}

const lanes = new Map<string, MaLane | null>();

/** The lane of TA_MA(type, n), or null for a type without one (MAMA). Lanes hold no state: shared by every variant of that type and period. */
export function maLane(type: number, n: number): MaLane | null {
  const key = `${type}:${n}`;
  let lane = lanes.get(key);
  if (lane !== undefined) return lane;
  if (n <= 1) lane = COPY;
  else if (type === MA.sma) lane = new SmaLane(n);
  else if (type === MA.wma) lane = new WmaLane(n);
  else if (type === MA.trima) lane = new TrimaLane(n);
  else if (type === MA.kama) lane = new KamaLane(n);
  else if (type === MA.mama) lane = new MamaLane();
  else lane = new ChainLane(type, n);
  lanes.set(key, lane);
  return lane;
}

/**
 * Lanes of one average per variant, TA_MA(types[v], periods[v]), laid out
 * one after another from `base`; `skip(v)` leaves a variant without one
 * (its lane null). Null when a variant needs a type without a lane (MAMA).
 */
export function laneColumn(types: ArrayLike<number>, periods: ArrayLike<number>, base: number, skip: (v: number) => boolean = () => false): { lane: (MaLane | null)[]; at: Int32Array; size: number } | null {
  const V = types.length, lane: (MaLane | null)[] = [], at = new Int32Array(V);
  let size = 0;
  for (let v = 0; v < V; v++) {
    if (skip(v)) {
      lane.push(null);
      continue;
    }
    const l = maLane(types[v]!, periods[v]!);
    if (!l) return null;
    lane.push(l);
    at[v] = base + size;
    size += l.size;
  }
  return { lane, at, size };
}

